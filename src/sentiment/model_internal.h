// Internal: the state behind sentiment::Model, and the scoring shared by
// prediction and training. Not part of the public API.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "sentiment/sentiment.h"

namespace tenlik::sentiment {

struct Model::State {
  ModelInfo info;
  uint32_t lexicon_fingerprint = 0;
  float bias = 0;
  std::vector<float> weights;  // 2^info.hash_bits entries
};

namespace internal {

inline double Sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

// Each occurrence of a feature has value 1/sqrt(n), n = number of occurrences in
// the post, so long and short posts weigh alike.
inline double FeatureScale(size_t n) { return n == 0 ? 0.0 : 1.0 / std::sqrt(static_cast<double>(n)); }

// bias + scale * sum of weights of `features`.
inline double Score(const Model::State& s, const uint32_t* features, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += s.weights[features[i]];
  return s.bias + FeatureScale(n) * sum;
}

}  // namespace internal
}  // namespace tenlik::sentiment
