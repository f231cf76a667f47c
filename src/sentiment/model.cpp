// sentiment::Model: prediction and the model file.
//
// File format "tenlik-sentiment v1", all integers and floats little-endian:
//   offset  size  field
//   0       20    magic "tenlik-sentiment v1\n"
//   20      4     u32 hash_bits (10..24)
//   24      4     u32 feature_version (features.h kFeatureVersion)
//   28      4     u32 lexicon_fingerprint (lexicon.h)
//   32      4     f32 bias
//   36      4     f32 neutral_margin (0..0.5)
//   40      4     u32 card_bytes (<= 64 KiB)
//   44      n     model card, UTF-8
//   44+n    4*2^hash_bits  f32 weights
//   end-4   4     u32 CRC-32 (IEEE 802.3) of every byte before it
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "base/crc32.h"
#include "sentiment/features.h"
#include "sentiment/lexicon.h"
#include "sentiment/model_internal.h"
#include "sentiment/sentiment.h"

namespace tenlik::sentiment {
namespace {

constexpr char kMagic[] = "tenlik-sentiment v1\n";
constexpr size_t kMagicSize = sizeof(kMagic) - 1;    // 20
constexpr size_t kFixedHeader = kMagicSize + 6 * 4;  // 44
constexpr uint32_t kMaxCardBytes = 64 * 1024;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutF32(std::string& out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}
uint32_t GetU32(const unsigned char* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}
float GetF32(const unsigned char* p) {
  uint32_t v = GetU32(p);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

const char kRetrain[] =
    "; train a new one with `tenlik text sentiment-train --train polarity_train.csv "
    "--valid polarity_valid.csv --out MODEL`";

}  // namespace

std::string_view PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kNegative:
      return "negative";
    case Polarity::kPositive:
      return "positive";
    case Polarity::kNeutral:
      break;
  }
  return "neutral";
}

Model::Model() : state_(std::make_unique<State>()) {
  state_->info.hash_bits = internal::kMinHashBits;
  state_->info.feature_version = internal::kFeatureVersion;
  state_->lexicon_fingerprint = internal::LexiconFingerprint();
  state_->weights.assign(size_t{1} << internal::kMinHashBits, 0.0f);
}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::Model(const Model& other) : state_(std::make_unique<State>(*other.state_)) {}
Model& Model::operator=(const Model& other) {
  if (this != &other) state_ = std::make_unique<State>(*other.state_);
  return *this;
}
Model::~Model() = default;

const ModelInfo& Model::info() const { return state_->info; }

void Model::set_neutral_margin(double margin) {
  state_->info.neutral_margin = std::fmin(0.5, std::fmax(0.0, margin));
}

double Model::ProbabilityPositive(std::string_view text) const {
  thread_local std::vector<uint32_t> features;
  internal::ExtractFeatures(text, state_->info.hash_bits, &features);
  return internal::Sigmoid(internal::Score(*state_, features.data(), features.size()));
}

Prediction Model::Predict(std::string_view text) const {
  return PredictFromTokens(text, text::Tokenize(text));
}

Prediction Model::PredictFromTokens(std::string_view text,
                                    const std::vector<text::Token>& tokens) const {
  thread_local std::vector<uint32_t> features;
  internal::ExtractFeatures(text, tokens, state_->info.hash_bits, &features);
  Prediction p;
  if (features.empty()) return p;  // nothing to read: neutral, p = 0.5
  p.p_positive = internal::Sigmoid(internal::Score(*state_, features.data(), features.size()));
  p.confidence = std::fmax(p.p_positive, 1.0 - p.p_positive);
  if (std::fabs(p.p_positive - 0.5) < state_->info.neutral_margin) {
    p.polarity = Polarity::kNeutral;
  } else {
    p.polarity = p.p_positive >= 0.5 ? Polarity::kPositive : Polarity::kNegative;
  }
  return p;
}

std::string Model::ToBytes() const {
  const State& s = *state_;
  std::string out;
  out.reserve(kFixedHeader + s.info.card.size() + 4 * s.weights.size() + 4);
  out.append(kMagic, kMagicSize);
  PutU32(out, s.info.hash_bits);
  PutU32(out, s.info.feature_version);
  PutU32(out, s.lexicon_fingerprint);
  PutF32(out, s.bias);
  PutF32(out, static_cast<float>(s.info.neutral_margin));
  std::string card = s.info.card.substr(0, kMaxCardBytes);
  PutU32(out, static_cast<uint32_t>(card.size()));
  out += card;
  for (float w : s.weights) PutF32(out, w);
  PutU32(out, Crc32(out));
  return out;
}

Result<Model> Model::FromBytes(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n < kMagicSize || std::memcmp(p, kMagic, kMagicSize) != 0) {
    if (n >= 18 && std::memcmp(p, kMagic, 18) == 0) {
      return DataLoss(
          "sentiment model of an unsupported format version (this tenlik reads "
          "\"tenlik-sentiment v1\")" +
          std::string(kRetrain));
    }
    return DataLoss("not a sentiment model (no \"tenlik-sentiment v1\" header)");
  }
  if (n < kFixedHeader + 4) return DataLoss("sentiment model is truncated (header)");
  uint32_t bits = GetU32(p + 20);
  uint32_t feature_version = GetU32(p + 24);
  uint32_t lexicon = GetU32(p + 28);
  float bias = GetF32(p + 32);
  float margin = GetF32(p + 36);
  uint32_t card_bytes = GetU32(p + 40);
  if (bits < internal::kMinHashBits || bits > internal::kMaxHashBits) {
    return DataLoss("sentiment model is corrupt: hash_bits " + std::to_string(bits) +
                    " is outside 10..24");
  }
  if (card_bytes > kMaxCardBytes) return DataLoss("sentiment model is corrupt: card too long");
  const size_t weights = size_t{1} << bits;
  const size_t expected = kFixedHeader + card_bytes + 4 * weights + 4;
  if (n != expected) {
    return DataLoss("sentiment model has " + std::to_string(n) + " bytes, its header says " +
                    std::to_string(expected) + (n < expected ? " (truncated)" : ""));
  }
  uint32_t stored = GetU32(p + n - 4);
  if (Crc32(bytes.substr(0, n - 4)) != stored) {
    return DataLoss("sentiment model checksum mismatch (file is corrupt)");
  }
  if (feature_version != internal::kFeatureVersion) {
    return DataLoss("sentiment model was trained with feature version " +
                    std::to_string(feature_version) + ", this tenlik uses " +
                    std::to_string(internal::kFeatureVersion) + kRetrain);
  }
  if (lexicon != internal::LexiconFingerprint()) {
    return DataLoss("sentiment model was trained with another polarity lexicon" +
                    std::string(kRetrain));
  }
  if (!std::isfinite(bias) || !std::isfinite(margin) || margin < 0 || margin > 0.5f) {
    return DataLoss("sentiment model is corrupt: bad bias or margin");
  }
  Model model;
  State& s = *model.state_;
  s.info.hash_bits = bits;
  s.info.feature_version = feature_version;
  s.info.neutral_margin = margin;
  s.info.card.assign(bytes.substr(kFixedHeader, card_bytes));
  s.lexicon_fingerprint = lexicon;
  s.bias = bias;
  s.weights.resize(weights);
  const unsigned char* w = p + kFixedHeader + card_bytes;
  for (size_t i = 0; i < weights; ++i) {
    float f = GetF32(w + 4 * i);
    if (!std::isfinite(f)) return DataLoss("sentiment model is corrupt: weight is not finite");
    s.weights[i] = f;
  }
  return model;
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFound("no sentiment model at " + path + std::string(kRetrain) +
                    " (or set $TENLIK_SENTIMENT_MODEL)");
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return IoError("cannot read " + path);
  Result<Model> model = FromBytes(bytes);
  if (!model.ok()) return Status(model.status().code(), path + ": " + model.status().message());
  return model;
}

Status Model::Save(const std::string& path) const {
  std::string bytes = ToBytes();
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + tmp + " (does its folder exist?)");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return IoError("cannot write " + tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError("cannot rename " + tmp + " to " + path);
  }
  return Status::Ok();
}

}  // namespace tenlik::sentiment
