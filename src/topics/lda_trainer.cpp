// LdaTrainer: the Gibbs state over one corpus and what can be read from it.
#include <cmath>
#include <map>

#include "topics/sampler.h"
#include "topics/topics.h"

namespace tenlik::topics {

struct LdaTrainer::State {
  Vocabulary vocab;
  LdaOptions options;
  internal::GibbsData data;
  std::unique_ptr<internal::GibbsSampler> sampler;
  int iterations = 0;
};

LdaTrainer::LdaTrainer(std::unique_ptr<State> state) : state_(std::move(state)) {}
LdaTrainer::~LdaTrainer() = default;
LdaTrainer::LdaTrainer(LdaTrainer&&) noexcept = default;
LdaTrainer& LdaTrainer::operator=(LdaTrainer&&) noexcept = default;

Result<LdaTrainer> LdaTrainer::Create(const Vocabulary& vocab, const Corpus& corpus,
                                      const LdaOptions& options) {
  if (options.num_topics < 1 || options.num_topics > 65535) {
    return InvalidArgument("number of topics must be in 1..65535");
  }
  if (!(options.alpha > 0) || !(options.beta > 0) || !std::isfinite(options.alpha) ||
      !std::isfinite(options.beta)) {
    return InvalidArgument("alpha and beta must be positive");
  }
  if (vocab.size() == 0) return InvalidArgument("the vocabulary is empty");
  const int32_t V = static_cast<int32_t>(vocab.size());
  for (int32_t w : corpus.words()) {
    if (w < 0 || w >= V) return InvalidArgument("word id out of the vocabulary: " + std::to_string(w));
  }
  auto state = std::make_unique<State>();
  state->vocab = vocab;
  state->options = options;
  internal::GibbsData& data = state->data;
  data.num_topics = options.num_topics;
  data.vocab_size = V;
  data.alpha = options.alpha;
  data.beta = options.beta;
  data.words = corpus.words();
  data.offsets = corpus.offsets();
  data.rng = internal::Rng(options.seed);
  data.z.resize(data.words.size());
  for (int32_t& t : data.z) {
    t = static_cast<int32_t>(data.rng.Below(static_cast<uint32_t>(options.num_topics)));
  }
  state->sampler = options.sampler == Sampler::kDense ? internal::MakeDenseSampler(data)
                                                      : internal::MakeSparseSampler(data);
  return LdaTrainer(std::move(state));
}

void LdaTrainer::Run(int iterations) {
  for (int i = 0; i < iterations; ++i) {
    state_->sampler->Sweep(state_->data);
    ++state_->iterations;
  }
}

int LdaTrainer::iterations_done() const { return state_->iterations; }
const LdaOptions& LdaTrainer::options() const { return state_->options; }
size_t LdaTrainer::num_docs() const { return state_->data.offsets.size() - 1; }
size_t LdaTrainer::num_tokens() const { return state_->data.words.size(); }
std::span<const int32_t> LdaTrainer::assignments() const { return state_->data.z; }

TopicWordStats LdaTrainer::Stats() const {
  const internal::GibbsData& data = state_->data;
  TopicWordStats stats = TopicWordStats::Zero(data.num_topics, state_->vocab);
  const size_t V = static_cast<size_t>(data.vocab_size);
  for (size_t i = 0; i < data.words.size(); ++i) {
    const size_t k = static_cast<size_t>(data.z[i]);
    ++stats.counts[k * V + static_cast<size_t>(data.words[i])];
    ++stats.totals[k];
  }
  return stats;
}

TopicModel LdaTrainer::Model() const {
  auto model = TopicModel::Create(state_->vocab, Stats(), state_->options.alpha, state_->options.beta);
  return std::move(model).value();  // consistent by construction
}

std::vector<int32_t> LdaTrainer::DocTopicCounts(size_t d) const {
  const internal::GibbsData& data = state_->data;
  std::vector<int32_t> counts(static_cast<size_t>(data.num_topics), 0);
  for (size_t i = data.offsets[d]; i < data.offsets[d + 1]; ++i) ++counts[static_cast<size_t>(data.z[i])];
  return counts;
}

std::vector<double> LdaTrainer::Theta(size_t d) const {
  const internal::GibbsData& data = state_->data;
  std::vector<int32_t> counts = DocTopicCounts(d);
  const double n = static_cast<double>(data.offsets[d + 1] - data.offsets[d]);
  const double denom = n + data.num_topics * data.alpha;
  std::vector<double> theta(counts.size());
  for (size_t k = 0; k < counts.size(); ++k) theta[k] = (counts[k] + data.alpha) / denom;
  return theta;
}

Result<std::vector<GroupShares>> LdaTrainer::SharesByGroup(std::span<const std::string> keys) const {
  const internal::GibbsData& data = state_->data;
  if (keys.size() != num_docs()) {
    return InvalidArgument("SharesByGroup needs one key per document: " + std::to_string(keys.size()) +
                           " keys for " + std::to_string(num_docs()) + " documents");
  }
  const size_t K = static_cast<size_t>(data.num_topics);
  std::map<std::string_view, std::pair<GroupShares, std::vector<int64_t>>> groups;
  for (size_t d = 0; d < keys.size(); ++d) {
    auto& [g, counts] = groups[keys[d]];
    if (counts.empty()) counts.assign(K, 0);
    ++g.documents;
    for (size_t i = data.offsets[d]; i < data.offsets[d + 1]; ++i) {
      ++counts[static_cast<size_t>(data.z[i])];
      ++g.tokens;
    }
  }
  std::vector<GroupShares> out;
  out.reserve(groups.size());
  for (auto& [key, entry] : groups) {
    GroupShares g = std::move(entry.first);
    g.key = std::string(key);
    g.share.assign(K, 0.0);
    if (g.tokens > 0) {
      for (size_t k = 0; k < K; ++k) g.share[k] = static_cast<double>(entry.second[k]) / g.tokens;
    }
    out.push_back(std::move(g));
  }
  return out;
}

double LdaTrainer::LogJoint() const {
  const internal::GibbsData& data = state_->data;
  const double alpha = data.alpha, beta = data.beta;
  const int K = data.num_topics;
  const int V = data.vocab_size;
  TopicWordStats stats = Stats();
  double ll = 0;
  const double lg_beta = std::lgamma(beta), lg_vbeta = std::lgamma(V * beta);
  for (int k = 0; k < K; ++k) {
    ll += lg_vbeta - std::lgamma(stats.totals[static_cast<size_t>(k)] + V * beta);
    for (int w = 0; w < V; ++w) {
      const int64_t c = stats.count(k, w);
      if (c > 0) ll += std::lgamma(c + beta) - lg_beta;
    }
  }
  const double lg_alpha = std::lgamma(alpha), lg_kalpha = std::lgamma(K * alpha);
  for (size_t d = 0; d + 1 < data.offsets.size(); ++d) {
    const double n = static_cast<double>(data.offsets[d + 1] - data.offsets[d]);
    ll += lg_kalpha - std::lgamma(n + K * alpha);
    for (int32_t c : DocTopicCounts(d)) {
      if (c > 0) ll += std::lgamma(c + alpha) - lg_alpha;
    }
  }
  return ll;
}

}  // namespace tenlik::topics
