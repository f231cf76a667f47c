#include <gtest/gtest.h>

#include <set>

#include "synthetic.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

using testing::MakeSynthetic;
using testing::Synthetic;

LdaOptions ThreeTopics(Sampler sampler, uint64_t seed = 42) {
  LdaOptions options;
  options.num_topics = 3;
  options.alpha = 0.1;
  options.beta = 0.01;
  options.seed = seed;
  options.sampler = sampler;
  return options;
}

class LdaSamplerTest : public ::testing::TestWithParam<Sampler> {};

TEST_P(LdaSamplerTest, RecoversDisjointTopics) {
  Synthetic s = MakeSynthetic();
  auto lda = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(GetParam()));
  ASSERT_TRUE(lda.ok()) << lda.status().ToString();
  lda->Run(100);
  TopicModel model = lda->Model();
  std::set<int> true_topics_found;
  for (int k = 0; k < 3; ++k) {
    std::vector<TopWord> top = model.TopWords(k, 10);
    ASSERT_EQ(top.size(), 10u);
    const int truth = s.TrueTopicOf(top[0].word);
    for (const TopWord& w : top) {
      EXPECT_EQ(s.TrueTopicOf(w.word), truth) << "topic " << k << " mixes " << top[0].word << " and " << w.word;
      EXPECT_GT(w.probability, 0.0);
    }
    for (size_t i = 1; i < top.size(); ++i) EXPECT_GE(top[i - 1].probability, top[i].probability);
    true_topics_found.insert(truth);
  }
  EXPECT_EQ(true_topics_found.size(), 3u) << "two found topics describe the same true topic";

  // Each document's largest theta is the topic that matches its main true topic.
  std::vector<int> found_to_true(3);
  for (int k = 0; k < 3; ++k) found_to_true[k] = s.TrueTopicOf(model.TopWords(k, 1)[0].word);
  int agree = 0;
  for (size_t d = 0; d < lda->num_docs(); ++d) {
    std::vector<double> theta = lda->Theta(d);
    double sum = 0;
    for (double t : theta) sum += t;
    EXPECT_NEAR(sum, 1.0, 1e-9);
    int best = static_cast<int>(std::max_element(theta.begin(), theta.end()) - theta.begin());
    agree += found_to_true[best] == s.main_topic[d];
  }
  EXPECT_GE(agree, static_cast<int>(lda->num_docs() * 95 / 100));
}

TEST_P(LdaSamplerTest, SameSeedSameResult) {
  Synthetic s = MakeSynthetic(120, 30);
  auto a = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(GetParam(), 5));
  auto b = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(GetParam(), 5));
  auto c = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(GetParam(), 6));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  a->Run(20);
  b->Run(10);
  b->Run(10);  // running in pieces changes nothing
  c->Run(20);
  std::vector<int32_t> za(a->assignments().begin(), a->assignments().end());
  std::vector<int32_t> zb(b->assignments().begin(), b->assignments().end());
  std::vector<int32_t> zc(c->assignments().begin(), c->assignments().end());
  EXPECT_EQ(za, zb);
  EXPECT_NE(za, zc);
  EXPECT_EQ(a->Model().Serialize(), b->Model().Serialize());
}

TEST_P(LdaSamplerTest, HeldOutPerplexityFallsWithIterations) {
  Synthetic s = MakeSynthetic(400, 40);
  auto [train, heldout] = SplitHeldOut(s.corpus, 0.2, 3);
  ASSERT_GT(heldout.num_docs(), 40u);
  auto lda = LdaTrainer::Create(s.vocab, train, ThreeTopics(GetParam()));
  ASSERT_TRUE(lda.ok());
  std::vector<double> perplexity;
  double previous_joint = lda->LogJoint();
  for (int target : {0, 2, 10, 50}) {
    lda->Run(target - lda->iterations_done());
    PerplexityResult p = lda->Model().HeldOutPerplexity(heldout);
    EXPECT_EQ(p.documents, heldout.num_docs());
    EXPECT_EQ(p.tokens, heldout.num_tokens() / 2);
    perplexity.push_back(p.perplexity);
    if (target > 0) {
      EXPECT_GT(lda->LogJoint(), previous_joint - 1.0);
      previous_joint = lda->LogJoint();
    }
  }
  // A random assignment gives the perplexity of the unigram mix (~ 60 words); the
  // true model has about 20 equally-likely-ish words per document.
  EXPECT_GT(perplexity[0], 40.0);
  EXPECT_LT(perplexity[1], perplexity[0]);
  EXPECT_LT(perplexity[2], perplexity[1]);
  EXPECT_LE(perplexity[3], perplexity[2] * 1.02);
  EXPECT_LT(perplexity[3], 0.7 * perplexity[0]);
}

INSTANTIATE_TEST_SUITE_P(Samplers, LdaSamplerTest, ::testing::Values(Sampler::kSparse, Sampler::kDense),
                         [](const auto& info) { return info.param == Sampler::kSparse ? "Sparse" : "Dense"; });

TEST(LdaTest, SharesByGroup) {
  Synthetic s = MakeSynthetic(90, 20);
  auto lda = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(Sampler::kSparse));
  ASSERT_TRUE(lda.ok());
  lda->Run(50);
  // Group documents by their main true topic: each group is then dominated by one topic.
  std::vector<std::string> keys;
  for (int main : s.main_topic) keys.push_back("group-" + std::to_string(main));
  auto shares = lda->SharesByGroup(keys);
  ASSERT_TRUE(shares.ok());
  ASSERT_EQ(shares->size(), 3u);
  std::set<int> dominant;
  for (const GroupShares& g : *shares) {
    EXPECT_EQ(g.documents, 30u);
    EXPECT_EQ(g.tokens, 600);
    double sum = 0;
    for (double x : g.share) sum += x;
    EXPECT_NEAR(sum, 1.0, 1e-12);
    auto best = std::max_element(g.share.begin(), g.share.end());
    EXPECT_GT(*best, 0.8) << g.key;
    dominant.insert(static_cast<int>(best - g.share.begin()));
  }
  EXPECT_EQ((*shares)[0].key, "group-0");
  EXPECT_EQ(dominant.size(), 3u);
  EXPECT_FALSE(lda->SharesByGroup(std::vector<std::string>(3, "x")).ok());
}

TEST(LdaTest, InferNewDocument) {
  Synthetic s = MakeSynthetic();
  auto lda = LdaTrainer::Create(s.vocab, s.corpus, ThreeTopics(Sampler::kSparse));
  ASSERT_TRUE(lda.ok());
  lda->Run(60);
  TopicModel model = lda->Model();
  // A document of topic-b words only.
  std::vector<int32_t> doc;
  for (int j = 0; j < 15; ++j) doc.push_back(s.words_per_topic + j);
  std::vector<double> theta = model.Infer(doc);
  int best = static_cast<int>(std::max_element(theta.begin(), theta.end()) - theta.begin());
  EXPECT_EQ(s.TrueTopicOf(model.TopWords(best, 1)[0].word), 1);
  EXPECT_GT(theta[best], 0.9);
  EXPECT_EQ(model.Infer(doc), theta);  // deterministic
  std::vector<double> empty = model.Infer({});
  EXPECT_DOUBLE_EQ(empty[0], 1.0 / 3);
}

TEST(LdaTest, RejectsBadOptions) {
  Synthetic s = MakeSynthetic(10, 5);
  LdaOptions options = ThreeTopics(Sampler::kSparse);
  options.num_topics = 0;
  EXPECT_EQ(LdaTrainer::Create(s.vocab, s.corpus, options).status().code(), StatusCode::kInvalidArgument);
  options = ThreeTopics(Sampler::kSparse);
  options.beta = 0;
  EXPECT_FALSE(LdaTrainer::Create(s.vocab, s.corpus, options).ok());
  Corpus bad;
  std::vector<int32_t> ids = {0, 999};
  bad.Add(ids);
  EXPECT_FALSE(LdaTrainer::Create(s.vocab, bad, ThreeTopics(Sampler::kSparse)).ok());
}

TEST(LdaTest, EmptyDocumentsAreHarmless) {
  Synthetic s = MakeSynthetic(30, 10);
  Corpus corpus;
  for (size_t d = 0; d < s.corpus.num_docs(); ++d) {
    corpus.Add(s.corpus.doc(d));
    corpus.Add(std::span<const int32_t>());
  }
  for (Sampler sampler : {Sampler::kSparse, Sampler::kDense}) {
    auto lda = LdaTrainer::Create(s.vocab, corpus, ThreeTopics(sampler));
    ASSERT_TRUE(lda.ok());
    lda->Run(5);
    EXPECT_EQ(lda->num_docs(), 60u);
    EXPECT_DOUBLE_EQ(lda->Theta(1)[0], 1.0 / 3);
  }
}

}  // namespace
}  // namespace tenlik::topics
