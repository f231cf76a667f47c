// SparseLDA (Yao, Mimno & McCallum 2009): see sampler.h for the bucket split.
//
// Layout: each word owns a fixed slice of `entries_` with room for
// min(K, occurrences of the word) entries; an entry packs (count << 16 | topic) so
// that sorting the packed values sorts by count. The slice holds the word's non-zero
// topic counts in descending order. The current document's topic counts live in a
// dense array plus a list of its non-zero topics.
#include <algorithm>

#include "topics/sampler.h"

namespace tenlik::topics::internal {
namespace {

constexpr int kTopicBits = 16;
constexpr uint64_t kTopicMask = (uint64_t{1} << kTopicBits) - 1;
constexpr uint64_t kOne = uint64_t{1} << kTopicBits;

class SparseSampler final : public GibbsSampler {
 public:
  explicit SparseSampler(const GibbsData& data) : K_(data.num_topics) {
    const size_t V = static_cast<size_t>(data.vocab_size), K = static_cast<size_t>(K_);
    std::vector<size_t> freq(V, 0);
    for (int32_t w : data.words) ++freq[static_cast<size_t>(w)];
    begin_.resize(V + 1);
    begin_[0] = 0;
    for (size_t w = 0; w < V; ++w) begin_[w + 1] = begin_[w] + std::min(freq[w], K);
    len_.assign(V, 0);
    entries_.assign(begin_[V], 0);
    nk_.assign(K, 0);
    // Build from a dense count table one word at a time would need V*K memory; a
    // per-word pass over a sorted copy of (word, topic) pairs does not.
    std::vector<uint64_t> pairs(data.words.size());
    for (size_t i = 0; i < pairs.size(); ++i) {
      pairs[i] = (static_cast<uint64_t>(data.words[i]) << 32) | static_cast<uint32_t>(data.z[i]);
      ++nk_[static_cast<size_t>(data.z[i])];
    }
    std::sort(pairs.begin(), pairs.end());
    for (size_t i = 0; i < pairs.size();) {
      size_t j = i;
      while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
      const size_t w = pairs[i] >> 32;
      const uint64_t topic = pairs[i] & 0xFFFFFFFFu;
      entries_[begin_[w] + len_[w]++] = (static_cast<uint64_t>(j - i) << kTopicBits) | topic;
      i = j;
    }
    for (size_t w = 0; w < V; ++w) {
      std::sort(entries_.begin() + static_cast<ptrdiff_t>(begin_[w]),
                entries_.begin() + static_cast<ptrdiff_t>(begin_[w] + len_[w]), std::greater<>());
    }
  }

  void Sweep(GibbsData& data) override {
    const size_t K = static_cast<size_t>(K_);
    const double alpha = data.alpha, beta = data.beta;
    const double vbeta = beta * data.vocab_size;
    std::vector<double> inv(K), coef(K), qv(K);
    std::vector<int32_t> ndk(K, 0);
    std::vector<int32_t> dtopics;  // non-zero topics of the document
    std::vector<int32_t> dpos(K, -1);
    dtopics.reserve(K);
    for (size_t k = 0; k < K; ++k) {
      inv[k] = 1.0 / (nk_[k] + vbeta);
      coef[k] = alpha * inv[k];
    }
    const size_t num_docs = data.offsets.size() - 1;
    for (size_t d = 0; d < num_docs; ++d) {
      const size_t begin = data.offsets[d], end = data.offsets[d + 1];
      if (begin == end) continue;
      // Smoothing bucket, recomputed per document so rounding never accumulates.
      double s = 0;
      for (size_t k = 0; k < K; ++k) s += inv[k];
      s *= alpha * beta;
      for (size_t i = begin; i < end; ++i) {
        const int32_t t = data.z[i];
        if (ndk[static_cast<size_t>(t)]++ == 0) {
          dpos[static_cast<size_t>(t)] = static_cast<int32_t>(dtopics.size());
          dtopics.push_back(t);
        }
      }
      double r = 0;
      for (int32_t t : dtopics) {
        const size_t k = static_cast<size_t>(t);
        r += ndk[k] * inv[k];
        coef[k] = (alpha + ndk[k]) * inv[k];
      }
      r *= beta;

      for (size_t i = begin; i < end; ++i) {
        const size_t w = static_cast<size_t>(data.words[i]);
        size_t t = static_cast<size_t>(data.z[i]);
        // Take token i out.
        s -= alpha * beta * inv[t];
        r -= beta * ndk[t] * inv[t];
        --ndk[t];
        --nk_[t];
        inv[t] = 1.0 / (nk_[t] + vbeta);
        s += alpha * beta * inv[t];
        r += beta * ndk[t] * inv[t];
        coef[t] = (alpha + ndk[t]) * inv[t];
        if (ndk[t] == 0) RemoveDocTopic(dtopics, dpos, t);
        Decrement(w, t);

        // Topic-word bucket.
        uint64_t* e = &entries_[begin_[w]];
        const size_t n = len_[w];
        double q = 0;
        for (size_t j = 0; j < n; ++j) {
          q += coef[e[j] & kTopicMask] * static_cast<double>(e[j] >> kTopicBits);
          qv[j] = q;
        }
        if (r < 0) r = 0;  // rounding after many updates
        double u = data.rng.Uniform() * (s + r + q);
        if (u < q && n > 0) {
          size_t j = 0;
          while (j + 1 < n && qv[j] <= u) ++j;
          t = e[j] & kTopicMask;
        } else {
          u -= q;
          if (u < r && !dtopics.empty()) {
            u /= beta;
            size_t j = 0;
            for (; j + 1 < dtopics.size(); ++j) {
              const size_t k = static_cast<size_t>(dtopics[j]);
              u -= ndk[k] * inv[k];
              if (u < 0) break;
            }
            t = static_cast<size_t>(dtopics[j]);
          } else {
            u = (u - r) / (alpha * beta);
            size_t k = 0;
            for (; k + 1 < K; ++k) {
              u -= inv[k];
              if (u < 0) break;
            }
            t = k;
          }
        }
        // Put token i back with topic t.
        s -= alpha * beta * inv[t];
        r -= beta * ndk[t] * inv[t];
        if (ndk[t]++ == 0) {
          dpos[t] = static_cast<int32_t>(dtopics.size());
          dtopics.push_back(static_cast<int32_t>(t));
        }
        ++nk_[t];
        inv[t] = 1.0 / (nk_[t] + vbeta);
        s += alpha * beta * inv[t];
        r += beta * ndk[t] * inv[t];
        coef[t] = (alpha + ndk[t]) * inv[t];
        Increment(w, t);
        data.z[i] = static_cast<int32_t>(t);
      }
      // Leave the document: its topics go back to the smoothing-only coefficient.
      for (int32_t topic : dtopics) {
        const size_t k = static_cast<size_t>(topic);
        ndk[k] = 0;
        dpos[k] = -1;
        coef[k] = alpha * inv[k];
      }
      dtopics.clear();
    }
  }

 private:
  static void RemoveDocTopic(std::vector<int32_t>& dtopics, std::vector<int32_t>& dpos, size_t t) {
    const size_t at = static_cast<size_t>(dpos[t]);
    const int32_t last = dtopics.back();
    dtopics[at] = last;
    dpos[static_cast<size_t>(last)] = static_cast<int32_t>(at);
    dtopics.pop_back();
    dpos[t] = -1;
  }

  void Decrement(size_t w, size_t t) {
    uint64_t* e = &entries_[begin_[w]];
    size_t n = len_[w];
    size_t j = 0;
    while ((e[j] & kTopicMask) != t) ++j;  // present: the token was counted there
    e[j] -= kOne;
    while (j + 1 < n && e[j] < e[j + 1]) {
      std::swap(e[j], e[j + 1]);
      ++j;
    }
    if ((e[n - 1] >> kTopicBits) == 0) --len_[w];
  }

  void Increment(size_t w, size_t t) {
    uint64_t* e = &entries_[begin_[w]];
    size_t n = len_[w];
    size_t j = 0;
    while (j < n && (e[j] & kTopicMask) != t) ++j;
    if (j == n) {
      e[n] = kOne | t;  // room is there: a word has at most min(K, occurrences) topics
      ++len_[w];
    } else {
      e[j] += kOne;
    }
    while (j > 0 && e[j] > e[j - 1]) {
      std::swap(e[j], e[j - 1]);
      --j;
    }
  }

  int K_;
  std::vector<size_t> begin_;     // word w's slice is entries_[begin_[w], begin_[w+1])
  std::vector<uint32_t> len_;     // used entries of the slice
  std::vector<uint64_t> entries_; // count << 16 | topic, descending within a slice
  std::vector<int64_t> nk_;
};

}  // namespace

std::unique_ptr<GibbsSampler> MakeSparseSampler(const GibbsData& data) {
  return std::make_unique<SparseSampler>(data);
}

}  // namespace tenlik::topics::internal
