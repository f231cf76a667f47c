// The dense O(K)-per-token collapsed Gibbs sampler (reference and comparison).
#include <algorithm>

#include "topics/sampler.h"

namespace tenlik::topics::internal {
namespace {

class DenseSampler final : public GibbsSampler {
 public:
  explicit DenseSampler(const GibbsData& data)
      : K_(data.num_topics),
        nwk_(static_cast<size_t>(data.vocab_size) * static_cast<size_t>(data.num_topics), 0),
        nk_(static_cast<size_t>(data.num_topics), 0) {
    for (size_t i = 0; i < data.words.size(); ++i) {
      ++nwk_[static_cast<size_t>(data.words[i]) * K_ + static_cast<size_t>(data.z[i])];
      ++nk_[static_cast<size_t>(data.z[i])];
    }
  }

  void Sweep(GibbsData& data) override {
    const size_t K = static_cast<size_t>(K_);
    const float alpha = static_cast<float>(data.alpha);
    const float beta = static_cast<float>(data.beta);
    const float vbeta = static_cast<float>(data.beta * data.vocab_size);
    std::vector<float> inv(K), p(K);
    std::vector<int32_t> ndk(K);
    for (size_t k = 0; k < K; ++k) inv[k] = 1.0f / (static_cast<float>(nk_[k]) + vbeta);
    const size_t num_docs = data.offsets.size() - 1;
    for (size_t d = 0; d < num_docs; ++d) {
      const size_t begin = data.offsets[d], end = data.offsets[d + 1];
      if (begin == end) continue;
      std::fill(ndk.begin(), ndk.end(), 0);
      for (size_t i = begin; i < end; ++i) ++ndk[static_cast<size_t>(data.z[i])];
      for (size_t i = begin; i < end; ++i) {
        const size_t w = static_cast<size_t>(data.words[i]);
        int32_t* row = &nwk_[w * K];
        size_t t = static_cast<size_t>(data.z[i]);
        --ndk[t];
        --row[t];
        --nk_[t];
        inv[t] = 1.0f / (static_cast<float>(nk_[t]) + vbeta);
        for (size_t k = 0; k < K; ++k) {
          p[k] = (static_cast<float>(ndk[k]) + alpha) * (static_cast<float>(row[k]) + beta) * inv[k];
        }
        float sum = 0;
        for (size_t k = 0; k < K; ++k) {
          sum += p[k];
          p[k] = sum;
        }
        const float u = static_cast<float>(data.rng.Uniform()) * sum;
        t = static_cast<size_t>(std::upper_bound(p.begin(), p.end(), u) - p.begin());
        if (t >= K) t = K - 1;
        ++ndk[t];
        ++row[t];
        ++nk_[t];
        inv[t] = 1.0f / (static_cast<float>(nk_[t]) + vbeta);
        data.z[i] = static_cast<int32_t>(t);
      }
    }
  }

 private:
  int K_;
  std::vector<int32_t> nwk_;  // word-major: nwk_[w * K + k]
  std::vector<int32_t> nk_;
};

}  // namespace

std::unique_ptr<GibbsSampler> MakeDenseSampler(const GibbsData& data) {
  return std::make_unique<DenseSampler>(data);
}

}  // namespace tenlik::topics::internal
