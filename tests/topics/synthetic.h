// Helpers of the topics tests: a synthetic corpus drawn from known topics with
// disjoint vocabularies, and paths under the repository.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "topics/topics.h"

namespace tenlik::topics::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(TENLIK_SOURCE_DIR) + "/" + relative;
}

// `true_topics` topics of `words_per_topic` words each; word w belongs to topic
// w / words_per_topic, and is named "<topic letter>word<n>" (e.g. "bword07").
// Each document takes 90% of its tokens from one main topic and 10% from another;
// inside a topic, word j has weight proportional to 1 / (j + 2).
struct Synthetic {
  Vocabulary vocab;
  Corpus corpus;
  std::vector<int> main_topic;  // per document
  int true_topics = 0;
  int words_per_topic = 0;
  int TrueTopicOf(const std::string& word) const { return word[0] - 'a'; }
};

inline Synthetic MakeSynthetic(int docs = 300, int tokens_per_doc = 40, int true_topics = 3,
                               int words_per_topic = 20, uint32_t seed = 7) {
  Synthetic s;
  s.true_topics = true_topics;
  s.words_per_topic = words_per_topic;
  std::vector<std::string> words;
  for (int t = 0; t < true_topics; ++t) {
    for (int j = 0; j < words_per_topic; ++j) {
      words.push_back(std::string(1, static_cast<char>('a' + t)) + "word" + (j < 10 ? "0" : "") +
                      std::to_string(j));
    }
  }
  s.vocab = Vocabulary::FromWords(words).value();
  std::vector<double> cumulative;
  double total = 0;
  for (int j = 0; j < words_per_topic; ++j) cumulative.push_back(total += 1.0 / (j + 2));
  std::mt19937 rng(seed);
  auto uniform = [&rng] { return static_cast<double>(rng()) / 4294967296.0; };
  for (int d = 0; d < docs; ++d) {
    const int main = d % true_topics;
    const int other = (main + 1 + static_cast<int>(rng() % (true_topics - 1))) % true_topics;
    std::vector<int32_t> doc;
    for (int i = 0; i < tokens_per_doc; ++i) {
      const int topic = uniform() < 0.9 ? main : other;
      const double u = uniform() * total;
      int j = 0;
      while (j + 1 < words_per_topic && cumulative[j] <= u) ++j;
      doc.push_back(topic * words_per_topic + j);
    }
    s.corpus.Add(doc);
    s.main_topic.push_back(main);
  }
  return s;
}

}  // namespace tenlik::topics::testing
