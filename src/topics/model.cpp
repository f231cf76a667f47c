// TopicModel: phi, top words, merge, folding-in inference and held-out perplexity.
#include <algorithm>
#include <cmath>

#include "topics/rng.h"
#include "topics/topics.h"

namespace tenlik::topics {

Result<TopicModel> TopicModel::Create(Vocabulary vocab, TopicWordStats stats, double alpha,
                                      double beta) {
  if (!(alpha > 0) || !(beta > 0) || !std::isfinite(alpha) || !std::isfinite(beta)) {
    return InvalidArgument("alpha and beta must be positive");
  }
  if (stats.num_topics < 1 || stats.num_topics > 65535) return InvalidArgument("bad number of topics");
  if (static_cast<size_t>(stats.vocab_size) != vocab.size() || vocab.size() == 0) {
    return InvalidArgument("statistics and vocabulary differ in size");
  }
  if (stats.vocab_fingerprint != vocab.Fingerprint()) {
    return InvalidArgument("statistics were built on another vocabulary");
  }
  const size_t K = static_cast<size_t>(stats.num_topics), V = vocab.size();
  if (stats.counts.size() != K * V || stats.totals.size() != K) {
    return InvalidArgument("statistics have inconsistent sizes");
  }
  for (size_t k = 0; k < K; ++k) {
    int64_t sum = 0;
    for (size_t w = 0; w < V; ++w) {
      const int64_t c = stats.counts[k * V + w];
      if (c < 0) return InvalidArgument("negative count in topic " + std::to_string(k));
      sum += c;
    }
    if (sum != stats.totals[k]) {
      return InvalidArgument("total of topic " + std::to_string(k) + " is not the sum of its counts");
    }
  }
  TopicModel model;
  model.vocab_ = std::move(vocab);
  model.stats_ = std::move(stats);
  model.alpha_ = alpha;
  model.beta_ = beta;
  model.ComputePhi();
  return model;
}

void TopicModel::ComputePhi() {
  const size_t K = static_cast<size_t>(stats_.num_topics), V = vocab_.size();
  phi_.assign(K * V, 0.0);
  const double vbeta = static_cast<double>(V) * beta_;
  for (size_t k = 0; k < K; ++k) {
    const double denom = static_cast<double>(stats_.totals[k]) + vbeta;
    for (size_t w = 0; w < V; ++w) {
      phi_[w * K + k] = (static_cast<double>(stats_.counts[k * V + w]) + beta_) / denom;
    }
  }
}

double TopicModel::Phi(int topic, int32_t word) const {
  return phi_[static_cast<size_t>(word) * static_cast<size_t>(stats_.num_topics) +
              static_cast<size_t>(topic)];
}

std::vector<TopWord> TopicModel::TopWords(int topic, size_t n) const {
  const size_t V = vocab_.size();
  std::vector<int32_t> ids(V);
  for (size_t w = 0; w < V; ++w) ids[w] = static_cast<int32_t>(w);
  n = std::min(n, V);
  auto better = [&](int32_t a, int32_t b) {
    const int64_t ca = stats_.count(topic, a), cb = stats_.count(topic, b);
    return ca != cb ? ca > cb : a < b;  // phi is monotone in the count
  };
  std::partial_sort(ids.begin(), ids.begin() + static_cast<ptrdiff_t>(n), ids.end(), better);
  std::vector<TopWord> top;
  top.reserve(n);
  for (size_t i = 0; i < n; ++i) top.push_back({vocab_.word(ids[i]), Phi(topic, ids[i])});
  return top;
}

Status TopicModel::Merge(const TopicModel& other) {
  if (other.alpha_ != alpha_ || other.beta_ != beta_) {
    return FailedPrecondition("cannot merge models with different alpha or beta");
  }
  TENLIK_RETURN_IF_ERROR(stats_.Merge(other.stats_));
  ComputePhi();
  return Status::Ok();
}

std::vector<double> TopicModel::Infer(std::span<const int32_t> doc, const InferOptions& options) const {
  const size_t K = static_cast<size_t>(stats_.num_topics);
  const int32_t V = static_cast<int32_t>(vocab_.size());
  std::vector<int32_t> words;
  words.reserve(doc.size());
  for (int32_t w : doc) {
    if (w >= 0 && w < V) words.push_back(w);
  }
  std::vector<double> theta(K, 0.0);
  if (words.empty() || K == 0) {
    std::fill(theta.begin(), theta.end(), K ? 1.0 / static_cast<double>(K) : 0.0);
    return theta;
  }
  internal::Rng rng(options.seed);
  std::vector<int32_t> z(words.size()), ndk(K, 0);
  for (int32_t& t : z) {
    t = static_cast<int32_t>(rng.Below(static_cast<uint32_t>(K)));
    ++ndk[static_cast<size_t>(t)];
  }
  std::vector<double> p(K);
  const int iterations = std::max(options.iterations, 1);
  const int burn_in = std::clamp(options.burn_in, 0, iterations - 1);
  int samples = 0;
  for (int it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < words.size(); ++i) {
      const double* phi = &phi_[static_cast<size_t>(words[i]) * K];
      --ndk[static_cast<size_t>(z[i])];
      double sum = 0;
      for (size_t k = 0; k < K; ++k) {
        sum += (ndk[k] + alpha_) * phi[k];
        p[k] = sum;
      }
      const double u = rng.Uniform() * sum;
      size_t t = static_cast<size_t>(std::upper_bound(p.begin(), p.end(), u) - p.begin());
      if (t >= K) t = K - 1;
      z[i] = static_cast<int32_t>(t);
      ++ndk[t];
    }
    if (it >= burn_in) {
      for (size_t k = 0; k < K; ++k) theta[k] += ndk[k];
      ++samples;
    }
  }
  const double denom = static_cast<double>(words.size()) + static_cast<double>(K) * alpha_;
  for (size_t k = 0; k < K; ++k) theta[k] = (theta[k] / samples + alpha_) / denom;
  return theta;
}

PerplexityResult TopicModel::HeldOutPerplexity(const Corpus& heldout, const InferOptions& options) const {
  PerplexityResult result;
  const size_t K = static_cast<size_t>(stats_.num_topics);
  const int32_t V = static_cast<int32_t>(vocab_.size());
  for (size_t d = 0; d < heldout.num_docs(); ++d) {
    std::span<const int32_t> doc = heldout.doc(d);
    if (doc.size() < 2) continue;
    const size_t observed = (doc.size() + 1) / 2;
    InferOptions per_doc = options;
    per_doc.seed = internal::Mix(options.seed, d);
    std::vector<double> theta = Infer(doc.first(observed), per_doc);
    size_t scored = 0;
    for (int32_t w : doc.subspan(observed)) {
      if (w < 0 || w >= V) continue;
      const double* phi = &phi_[static_cast<size_t>(w) * K];
      double p = 0;
      for (size_t k = 0; k < K; ++k) p += theta[k] * phi[k];
      result.log_likelihood += std::log(p);
      ++scored;
    }
    if (scored > 0) {
      ++result.documents;
      result.tokens += scored;
    }
  }
  result.perplexity = result.tokens > 0
                          ? std::exp(-result.log_likelihood / static_cast<double>(result.tokens))
                          : 0.0;
  return result;
}

}  // namespace tenlik::topics
