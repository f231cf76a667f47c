// Internal: the collapsed Gibbs samplers behind LdaTrainer.
//
// Both samplers draw each token's topic from the same full conditional
//   p(z_i = k | rest) ∝ (n_dk + alpha) (n_kw + beta) / (n_k + V beta)
// (counts without token i) and sweep tokens in corpus order; they differ in how
// they draw, so they give different (equally valid) chains for one seed.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "topics/rng.h"

namespace tenlik::topics::internal {

// What a sampler works on. The sampler keeps its own count tables, built from `z`
// when it is made, and keeps `z` up to date.
struct GibbsData {
  int num_topics = 0;
  int vocab_size = 0;
  double alpha = 0.1;
  double beta = 0.01;
  std::vector<int32_t> words;   // token word ids, document after document
  std::vector<size_t> offsets;  // document d is [offsets[d], offsets[d+1])
  std::vector<int32_t> z;       // token topics
  Rng rng;
};

class GibbsSampler {
 public:
  virtual ~GibbsSampler() = default;
  // One pass over every token of `data`.
  virtual void Sweep(GibbsData& data) = 0;
};

// The textbook sampler: the K unnormalised probabilities of every token are
// computed, summed, and searched. Dense word-major topic-word table.
std::unique_ptr<GibbsSampler> MakeDenseSampler(const GibbsData& data);

// SparseLDA (Yao, Mimno & McCallum, KDD 2009): the conditional is split into the
// smoothing bucket s = sum_k alpha beta / (n_k + V beta), the document bucket
// r = sum_{k: n_dk > 0} n_dk beta / (n_k + V beta) and the topic-word bucket
// q = sum_{k: n_kw > 0} (alpha + n_dk) n_kw / (n_k + V beta); s is kept up to date
// in O(1) per change, r costs O(topics in the document) and q O(topics of the
// word), with each word's non-zero topic counts kept sorted by count so the walk
// through q usually stops after a few entries.
std::unique_ptr<GibbsSampler> MakeSparseSampler(const GibbsData& data);

}  // namespace tenlik::topics::internal
