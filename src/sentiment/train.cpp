// Training (logistic regression, AdaGrad, on hashed features) and evaluation.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "sentiment/features.h"
#include "sentiment/lexicon.h"
#include "sentiment/model_internal.h"
#include "sentiment/sentiment.h"

namespace tenlik::sentiment {
namespace {

// Features of many posts in one flat array.
struct FeatureTable {
  std::vector<uint32_t> features;
  std::vector<size_t> offsets{0};
  std::vector<int> labels;

  size_t size() const { return labels.size(); }
  const uint32_t* begin(size_t i) const { return features.data() + offsets[i]; }
  size_t count(size_t i) const { return offsets[i + 1] - offsets[i]; }
};

FeatureTable Featurize(const std::vector<Example>& examples, uint32_t bits) {
  FeatureTable table;
  table.labels.reserve(examples.size());
  table.offsets.reserve(examples.size() + 1);
  std::vector<uint32_t> f;
  for (const Example& e : examples) {
    internal::ExtractFeatures(e.text, bits, &f);
    table.features.insert(table.features.end(), f.begin(), f.end());
    table.offsets.push_back(table.features.size());
    table.labels.push_back(e.label);
  }
  return table;
}

// splitmix64: a small, portable generator, so a seed gives the same order on
// every standard library.
struct SplitMix64 {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

void Shuffle(std::vector<size_t>& order, SplitMix64& rng) {
  for (size_t i = order.size(); i > 1; --i) {
    size_t j = static_cast<size_t>(rng.Next() % i);
    std::swap(order[i - 1], order[j]);
  }
}

double Probability(const Model::State& s, const FeatureTable& t, size_t i) {
  return internal::Sigmoid(internal::Score(s, t.begin(i), t.count(i)));
}

double MacroF1OfTable(const Model::State& s, const FeatureTable& t) {
  std::array<std::array<size_t, 2>, 2> confusion{};
  for (size_t i = 0; i < t.size(); ++i) {
    int predicted = Probability(s, t, i) >= 0.5 ? 1 : 0;
    ++confusion[static_cast<size_t>(t.labels[i])][static_cast<size_t>(predicted)];
  }
  return MacroF1(confusion);
}

}  // namespace

double MacroF1(const std::array<std::array<size_t, 2>, 2>& c) {
  double sum = 0;
  for (size_t k = 0; k < 2; ++k) {
    double tp = static_cast<double>(c[k][k]);
    double fp = static_cast<double>(c[1 - k][k]);
    double fn = static_cast<double>(c[k][1 - k]);
    double denom = 2 * tp + fp + fn;
    sum += denom > 0 ? 2 * tp / denom : 0.0;
  }
  return sum / 2;
}

Evaluation Evaluate(const Model& model, const std::vector<Example>& examples) {
  Evaluation ev;
  ev.rows = examples.size();
  size_t correct = 0;
  for (const Example& e : examples) {
    Prediction p = model.Predict(e.text);
    size_t truth = e.label == 1 ? 1 : 0;
    size_t binary = p.p_positive >= 0.5 ? 1 : 0;
    ++ev.confusion[truth][binary];
    if (truth == binary) ++correct;
    if (p.polarity == Polarity::kNeutral) {
      ++ev.not_rated;
    } else {
      ++ev.rated_confusion[truth][p.polarity == Polarity::kPositive ? 1 : 0];
    }
  }
  if (ev.rows > 0) {
    ev.accuracy = static_cast<double>(correct) / static_cast<double>(ev.rows);
    ev.not_rated_share = static_cast<double>(ev.not_rated) / static_cast<double>(ev.rows);
  }
  ev.macro_f1 = MacroF1(ev.confusion);
  ev.rated_macro_f1 = MacroF1(ev.rated_confusion);
  return ev;
}

Result<Model> Train(const std::vector<Example>& train, const std::vector<Example>& valid,
                    const TrainOptions& options) {
  if (options.hash_bits < internal::kMinHashBits || options.hash_bits > internal::kMaxHashBits) {
    return InvalidArgument("hash_bits must be between 10 and 24");
  }
  if (options.epochs < 1 || options.epochs > 1000) return InvalidArgument("epochs must be 1..1000");
  if (!(options.learning_rate > 0)) return InvalidArgument("learning rate must be positive");
  if (!(options.l2 >= 0)) return InvalidArgument("l2 must not be negative");
  if (!(options.not_rated_share >= 0 && options.not_rated_share < 1)) {
    return InvalidArgument("the not-rated share must be in [0, 1)");
  }
  size_t positives = 0;
  for (const Example& e : train) {
    if (e.label != 0 && e.label != 1) return InvalidArgument("labels must be 0 or 1");
    positives += static_cast<size_t>(e.label);
  }
  if (positives == 0 || positives == train.size()) {
    return InvalidArgument("training needs both negative and positive posts");
  }

  const auto start = std::chrono::steady_clock::now();
  FeatureTable tr = Featurize(train, options.hash_bits);
  FeatureTable va = Featurize(valid, options.hash_bits);

  Model model;
  Model::State& s = model.state();
  s.info.hash_bits = options.hash_bits;
  s.info.feature_version = internal::kFeatureVersion;
  s.lexicon_fingerprint = internal::LexiconFingerprint();
  s.weights.assign(size_t{1} << options.hash_bits, 0.0f);
  std::vector<float> g2(s.weights.size(), 0.0f);  // AdaGrad sums of squared gradients
  double bias_g2 = 0;
  const double lr = options.learning_rate;
  const float l2 = static_cast<float>(options.l2);
  constexpr double kEps = 1e-6;

  std::vector<size_t> order(tr.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix64 rng{options.seed};
  double valid_f1 = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    Shuffle(order, rng);
    double loss = 0;
    for (size_t i : order) {
      const uint32_t* f = tr.begin(i);
      const size_t n = tr.count(i);
      const double p = internal::Sigmoid(internal::Score(s, f, n));
      const int y = tr.labels[i];
      loss -= std::log(std::max(1e-12, y ? p : 1 - p));
      const double err = p - y;
      const float g_feature = static_cast<float>(err * internal::FeatureScale(n));
      for (size_t k = 0; k < n; ++k) {
        float& w = s.weights[f[k]];
        float g = g_feature + l2 * w;
        float& acc = g2[f[k]];
        acc += g * g;
        w -= static_cast<float>(lr * g / (std::sqrt(static_cast<double>(acc)) + kEps));
      }
      bias_g2 += err * err;
      s.bias -= static_cast<float>(lr * err / (std::sqrt(bias_g2) + kEps));
    }
    valid_f1 = va.size() > 0 ? MacroF1OfTable(s, va) : 0.0;
    if (options.on_epoch) {
      EpochReport r;
      r.epoch = epoch;
      r.epochs = options.epochs;
      r.train_loss = loss / static_cast<double>(tr.size());
      r.valid_macro_f1 = valid_f1;
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      options.on_epoch(r);
    }
  }

  // Intercept shift on the validation posts: the shift (grid of 0.05 in logit)
  // with the best macro-F1; ties go to the smallest shift.
  double shift = 0;
  if (options.fit_intercept_on_valid && va.size() > 0) {
    std::vector<std::pair<double, int>> z(va.size());
    for (size_t i = 0; i < va.size(); ++i) z[i] = {internal::Score(s, va.begin(i), va.count(i)), va.labels[i]};
    double best = -1;
    for (int step = 0; step <= 160; ++step) {
      // 0, +0.05, -0.05, +0.1, ... so the smallest shift wins a tie.
      double d = (step % 2 == 1 ? 1 : -1) * 0.05 * ((step + 1) / 2);
      std::array<std::array<size_t, 2>, 2> c{};
      for (const auto& [score, label] : z) ++c[static_cast<size_t>(label)][score + d >= 0 ? 1 : 0];
      double f1 = MacroF1(c);
      if (f1 > best + 1e-12) {
        best = f1;
        shift = d;
      }
    }
    s.bias += static_cast<float>(shift);
  }
  const double valid_f1_before = valid_f1;
  if (va.size() > 0) valid_f1 = MacroF1OfTable(s, va);

  // The neutral margin: the quantile of |p - 0.5| at the target share, on the
  // validation posts (else the training posts).
  const FeatureTable& calib = va.size() > 0 ? va : tr;
  std::vector<double> distance(calib.size());
  for (size_t i = 0; i < calib.size(); ++i) distance[i] = std::fabs(Probability(s, calib, i) - 0.5);
  double margin = 0;
  if (!distance.empty() && options.not_rated_share > 0) {
    size_t k = static_cast<size_t>(options.not_rated_share * static_cast<double>(distance.size()));
    k = std::min(k, distance.size() - 1);
    std::nth_element(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(k), distance.end());
    margin = distance[k];
  }
  s.info.neutral_margin = static_cast<float>(margin);  // as stored in the file

  char card[512];
  std::snprintf(card, sizeof card,
                "binary logistic regression on hashed features (2^%u buckets, feature version "
                "%u); trained on %zu posts, %d epochs, seed %llu; validation: %zu posts, "
                "macro-F1 %.4f, intercept shift %+.2f (macro-F1 %.4f before); neutral margin %.4f (target not-rated share %.2f)",
                options.hash_bits, internal::kFeatureVersion, tr.size(), options.epochs,
                static_cast<unsigned long long>(options.seed), va.size(), valid_f1, shift,
                valid_f1_before, margin,
                options.not_rated_share);
  s.info.card = card;
  if (!options.source.empty()) s.info.card += "; data: " + options.source;
  return model;
}

}  // namespace tenlik::sentiment
