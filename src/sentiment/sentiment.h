// Public API of the sentiment module: a compact polarity classifier for posts in
// Kazakh (Cyrillic, Latin and Russian-letter spellings), Russian and English.
//
// The model is binary logistic regression over hashed features of the text:
// word unigrams and bigrams of text::Fold()ed tokens (so every spelling of a Kazakh
// word shares a feature), character 3–5-grams of each word (misspellings and
// morphology), emoji, and a small hand-written Russian/English polarity lexicon with
// negation (internal: lexicon.cpp). It is trained here, from KazSAnDRA polarity
// data, with AdaGrad; training is deterministic for a given seed.
//
// Three-way output: the data is binary, so a post whose probability is close to
// 0.5 (|p - 0.5| < the model's margin, chosen on the validation set) is "neutral",
// which reports call "not rated", as the tools evaluators know do it.
//
// Thread-safety: a const Model may be used from any number of threads at once
// (Predict keeps no state). Train, Load and Save are independent functions.
// Errors are returned as Status/Result, never thrown.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/text.h"

namespace tenlik::sentiment {

enum class Polarity { kNegative, kNeutral, kPositive };

// "negative", "neutral", "positive".
std::string_view PolarityName(Polarity polarity);

struct Prediction {
  Polarity polarity = Polarity::kNeutral;
  double p_positive = 0.5;  // the model's raw probability that the post is positive
  double confidence = 0.5;  // max(p_positive, 1 - p_positive), in [0.5, 1]
};

// One labelled post: label 0 = negative, 1 = positive.
struct Example {
  std::string text;
  int label = 0;
};

// Reads a KazSAnDRA-style polarity CSV (RFC 4180: quoted fields, doubled quotes,
// line breaks inside quotes, CRLF). The header must name the columns `text` and
// `label` (others are ignored; order is free). Labels must be 0 or 1. `max_rows`
// > 0 stops after that many rows. NotFound when the file is missing, DataLoss
// (with the line number) when it is malformed.
Result<std::vector<Example>> ReadPolarityCsv(const std::string& path, size_t max_rows = 0);

// Figures of a model on labelled posts. Index 0 = negative, 1 = positive;
// confusion[true][predicted].
struct Evaluation {
  size_t rows = 0;
  std::array<std::array<size_t, 2>, 2> confusion{};  // all rows, decision at p = 0.5
  double accuracy = 0;
  double macro_f1 = 0;                                     // over all rows
  std::array<std::array<size_t, 2>, 2> rated_confusion{};  // rows not "neutral" only
  size_t not_rated = 0;                                    // rows predicted "neutral"
  double not_rated_share = 0;                              // not_rated / rows
  double rated_macro_f1 = 0;                               // over rated rows only
};

// Macro-averaged F1 of a 2x2 confusion matrix (confusion[true][predicted]); a class
// with no true and no predicted rows contributes F1 = 0.
double MacroF1(const std::array<std::array<size_t, 2>, 2>& confusion);

// Descriptive fields stored in the model file.
struct ModelInfo {
  uint32_t hash_bits = 0;        // weights = 2^hash_bits
  uint32_t feature_version = 0;  // version of the feature extraction it was trained with
  double neutral_margin = 0;     // |p - 0.5| below this is "neutral"
  std::string card;              // UTF-8 model card: data, rows, epochs, validation figures
};

class Model {
 public:
  Model();  // an empty model (all weights 0): predicts p = 0.5 for everything
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  Model(const Model&);
  Model& operator=(const Model&);
  ~Model();

  // Reads and validates a model file ("tenlik-sentiment v1" header, sizes,
  // checksum, feature version). NotFound when missing; DataLoss when corrupt,
  // truncated, of another version or trained with other features.
  static Result<Model> Load(const std::string& path);
  // Same, from the bytes of a file.
  static Result<Model> FromBytes(std::string_view bytes);

  // Writes the model (atomically: a temporary file renamed into place).
  Status Save(const std::string& path) const;
  std::string ToBytes() const;

  // Classifies one post (any UTF-8; invalid bytes are tolerated). A post with no
  // words, emoji or numbers (empty, punctuation only) is neutral with p = 0.5.
  Prediction Predict(std::string_view text) const;
  // The same from `tokens`, which must be text::Tokenize(text) (callers that
  // tokenize the text for other work too do it once).
  Prediction PredictFromTokens(std::string_view text, const std::vector<text::Token>& tokens) const;
  // The raw probability only.
  double ProbabilityPositive(std::string_view text) const;

  const ModelInfo& info() const;
  // Overrides the "neutral" margin (0 = every post rated), e.g. for a study.
  void set_neutral_margin(double margin);

  // Internal state, defined in model_internal.h (opaque to users).
  struct State;
  State& state() { return *state_; }
  const State& state() const { return *state_; }

 private:
  std::unique_ptr<State> state_;
};

// Evaluates `model` on `examples` (see Evaluation).
Evaluation Evaluate(const Model& model, const std::vector<Example>& examples);

struct EpochReport {
  int epoch = 0;  // 1-based
  int epochs = 0;
  double train_loss = 0;      // mean log-loss over the epoch
  double valid_macro_f1 = 0;  // at p = 0.5, all validation rows (0 when none)
  double seconds = 0;         // since training started
};

struct TrainOptions {
  uint32_t hash_bits = 21;  // 2^21 float weights = 8 MiB model
  int epochs = 3;
  double learning_rate = 0.1;     // AdaGrad step
  double l2 = 1e-4;               // applied to weights a post touches
  uint64_t seed = 20240328;       // shuffling; fixed seed => identical model
  double not_rated_share = 0.15;  // target share of validation posts left "neutral"
  // Re-fit the intercept on the validation posts (a shift of the logit that
  // maximises validation macro-F1). The training data is balanced by
  // under-sampling while real posts are not; this restores the class balance of
  // the validation data. Ignored when `valid` is empty.
  bool fit_intercept_on_valid = true;
  // What the posts are, for the model card (e.g. the data set and its citation).
  std::string source;
  // Called after each epoch (progress printing); may be empty.
  std::function<void(const EpochReport&)> on_epoch;
};

// Trains a model on `train`; `valid` (may be empty) is evaluated after each epoch,
// re-fits the intercept (see TrainOptions) and sets the neutral margin so that about
// `not_rated_share` of it is not rated (with no validation rows, the margin is chosen on the
// training rows). InvalidArgument for bad options or when `train` lacks one of the two labels.
Result<Model> Train(const std::vector<Example>& train, const std::vector<Example>& valid,
                    const TrainOptions& options);

// Where the CLI looks for a model when none is given: $TENLIK_SENTIMENT_MODEL when
// set; else `models/sentiment.bin` in the directory of the running executable
// (e.g. build/models/sentiment.bin next to build/tenlik); else
// `../share/tenlik/models/sentiment.bin` relative to it when that file exists.
std::string DefaultModelPath();

}  // namespace tenlik::sentiment
