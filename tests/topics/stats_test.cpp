#include <gtest/gtest.h>

#include "synthetic.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

using testing::MakeSynthetic;
using testing::Synthetic;

// Shards of a corpus: documents [from, to).
Corpus Slice(const Corpus& corpus, size_t from, size_t to) {
  Corpus part;
  for (size_t d = from; d < to; ++d) part.Add(corpus.doc(d));
  return part;
}

TEST(StatsTest, MergedShardsEqualTheUnion) {
  Synthetic s = MakeSynthetic(200, 30);
  const size_t half = 120;  // unequal shards
  Corpus a = Slice(s.corpus, 0, half), b = Slice(s.corpus, half, s.corpus.num_docs());
  LdaOptions options;
  options.num_topics = 4;
  options.seed = 11;
  auto lda_a = LdaTrainer::Create(s.vocab, a, options);
  options.seed = 12;
  auto lda_b = LdaTrainer::Create(s.vocab, b, options);
  ASSERT_TRUE(lda_a.ok() && lda_b.ok());
  lda_a->Run(15);
  lda_b->Run(15);

  // The union corpus with the shards' assignments, concatenated in the same order.
  std::vector<int32_t> z(lda_a->assignments().begin(), lda_a->assignments().end());
  z.insert(z.end(), lda_b->assignments().begin(), lda_b->assignments().end());
  auto whole = TopicWordStats::FromAssignments(s.corpus, z, 4, s.vocab);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();

  TopicWordStats merged = lda_a->Stats();
  ASSERT_TRUE(merged.Merge(lda_b->Stats()).ok());
  EXPECT_EQ(merged, *whole);
  int64_t tokens = 0;
  for (int64_t t : merged.totals) tokens += t;
  EXPECT_EQ(tokens, static_cast<int64_t>(s.corpus.num_tokens()));

  // Order of merging does not matter.
  TopicWordStats other_order = lda_b->Stats();
  ASSERT_TRUE(other_order.Merge(lda_a->Stats()).ok());
  EXPECT_EQ(other_order, merged);

  // Models merge the same way, and the merged model equals the one built from the union.
  TopicModel model = lda_a->Model();
  ASSERT_TRUE(model.Merge(lda_b->Model()).ok());
  auto union_model = TopicModel::Create(s.vocab, *whole, options.alpha, options.beta);
  ASSERT_TRUE(union_model.ok());
  EXPECT_EQ(model.Serialize(), union_model->Serialize());
  EXPECT_DOUBLE_EQ(model.Phi(2, 5), union_model->Phi(2, 5));
}

TEST(StatsTest, MergeRefusesMismatches) {
  Synthetic s = MakeSynthetic(20, 10);
  TopicWordStats three = TopicWordStats::Zero(3, s.vocab);
  TopicWordStats four = TopicWordStats::Zero(4, s.vocab);
  EXPECT_EQ(three.Merge(four).code(), StatusCode::kFailedPrecondition);
  auto other_vocab = Vocabulary::FromWords({"x", "y"});
  ASSERT_TRUE(other_vocab.ok());
  EXPECT_EQ(three.Merge(TopicWordStats::Zero(3, *other_vocab)).code(), StatusCode::kFailedPrecondition);
  // Same size, different words: the fingerprint tells them apart.
  std::vector<std::string> renamed = s.vocab.words();
  renamed[0] = "renamed";
  auto renamed_vocab = Vocabulary::FromWords(renamed);
  ASSERT_TRUE(renamed_vocab.ok());
  EXPECT_FALSE(three.Merge(TopicWordStats::Zero(3, *renamed_vocab)).ok());
  EXPECT_EQ(three, TopicWordStats::Zero(3, s.vocab));  // unchanged

  TopicModel a = TopicModel::Create(s.vocab, three, 0.1, 0.01).value();
  TopicModel b = TopicModel::Create(s.vocab, three, 0.2, 0.01).value();
  EXPECT_EQ(a.Merge(b).code(), StatusCode::kFailedPrecondition);
}

TEST(StatsTest, FromAssignmentsChecksInput) {
  Synthetic s = MakeSynthetic(5, 4);
  std::vector<int32_t> z(s.corpus.num_tokens(), 0);
  EXPECT_TRUE(TopicWordStats::FromAssignments(s.corpus, z, 2, s.vocab).ok());
  z[3] = 2;
  EXPECT_FALSE(TopicWordStats::FromAssignments(s.corpus, z, 2, s.vocab).ok());
  z.pop_back();
  EXPECT_FALSE(TopicWordStats::FromAssignments(s.corpus, z, 3, s.vocab).ok());
}

}  // namespace
}  // namespace tenlik::topics
