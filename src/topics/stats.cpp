// TopicWordStats: the additive sufficient statistics of LDA.
#include "topics/topics.h"

namespace tenlik::topics {

TopicWordStats TopicWordStats::Zero(int num_topics, const Vocabulary& vocab) {
  TopicWordStats stats;
  stats.num_topics = num_topics;
  stats.vocab_size = static_cast<int>(vocab.size());
  stats.vocab_fingerprint = vocab.Fingerprint();
  stats.counts.assign(static_cast<size_t>(num_topics) * vocab.size(), 0);
  stats.totals.assign(static_cast<size_t>(num_topics), 0);
  return stats;
}

Result<TopicWordStats> TopicWordStats::FromAssignments(const Corpus& corpus,
                                                       std::span<const int32_t> z, int num_topics,
                                                       const Vocabulary& vocab) {
  if (num_topics < 1) return InvalidArgument("number of topics must be positive");
  if (z.size() != corpus.num_tokens()) {
    return InvalidArgument("one topic per token needed: " + std::to_string(z.size()) +
                           " topics for " + std::to_string(corpus.num_tokens()) + " tokens");
  }
  TopicWordStats stats = Zero(num_topics, vocab);
  const auto& words = corpus.words();
  const size_t V = vocab.size();
  for (size_t i = 0; i < z.size(); ++i) {
    if (z[i] < 0 || z[i] >= num_topics) return InvalidArgument("topic out of range at token " + std::to_string(i));
    if (words[i] < 0 || static_cast<size_t>(words[i]) >= V) {
      return InvalidArgument("word id out of the vocabulary at token " + std::to_string(i));
    }
    ++stats.counts[static_cast<size_t>(z[i]) * V + static_cast<size_t>(words[i])];
    ++stats.totals[static_cast<size_t>(z[i])];
  }
  return stats;
}

Status TopicWordStats::Merge(const TopicWordStats& other) {
  if (other.num_topics != num_topics) {
    return FailedPrecondition("cannot merge statistics of " + std::to_string(other.num_topics) +
                              " topics into " + std::to_string(num_topics));
  }
  if (other.vocab_size != vocab_size || other.vocab_fingerprint != vocab_fingerprint) {
    return FailedPrecondition("cannot merge statistics built on different vocabularies");
  }
  if (other.counts.size() != counts.size() || other.totals.size() != totals.size()) {
    return FailedPrecondition("statistics have inconsistent sizes");
  }
  for (size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
  for (size_t k = 0; k < totals.size(); ++k) totals[k] += other.totals[k];
  return Status::Ok();
}

}  // namespace tenlik::topics
