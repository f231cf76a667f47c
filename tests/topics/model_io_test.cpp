#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "synthetic.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

using testing::MakeSynthetic;

TopicModel Trained() {
  auto s = MakeSynthetic(60, 20);
  LdaOptions options;
  options.num_topics = 3;
  options.alpha = 0.25;
  options.beta = 0.02;
  auto lda = LdaTrainer::Create(s.vocab, s.corpus, options);
  lda->Run(10);
  return lda->Model();
}

std::string TempPath(const std::string& name) {
  return (::testing::TempDir().empty() ? std::string("/tmp/") : ::testing::TempDir()) + "tenlik_topics_" +
         std::to_string(::getpid()) + "_" + name;
}

TEST(ModelIoTest, SaveLoadRoundTrip) {
  TopicModel model = Trained();
  const std::string path = TempPath("model.lda");
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = TopicModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->num_topics(), 3);
  EXPECT_EQ(loaded->alpha(), 0.25);
  EXPECT_EQ(loaded->beta(), 0.02);
  EXPECT_EQ(loaded->vocabulary().words(), model.vocabulary().words());
  EXPECT_EQ(loaded->stats(), model.stats());
  EXPECT_EQ(loaded->Serialize(), model.Serialize());
  for (int k = 0; k < 3; ++k) {
    auto a = model.TopWords(k, 5), b = loaded->TopWords(k, 5);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].word, b[i].word);
      EXPECT_EQ(a[i].probability, b[i].probability);
    }
  }
  std::remove(path.c_str());
}

TEST(ModelIoTest, CorruptionIsDataLoss) {
  const std::string bytes = Trained().Serialize();
  ASSERT_TRUE(TopicModel::Parse(bytes).ok());
  // Every single-byte change is caught (magic, version, checksum or structure).
  for (size_t i = 0; i < bytes.size(); i += 7) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto parsed = TopicModel::Parse(bad);
    ASSERT_FALSE(parsed.ok()) << "byte " << i;
    EXPECT_EQ(parsed.status().code(), StatusCode::kDataLoss);
  }
  for (size_t n : {size_t{0}, size_t{5}, size_t{12}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_EQ(TopicModel::Parse(bytes.substr(0, n)).status().code(), StatusCode::kDataLoss) << n;
  }
  std::string future = bytes;
  future[8] = 9;  // version 9
  auto parsed = TopicModel::Parse(future);
  EXPECT_EQ(parsed.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(parsed.status().message().find("version"), std::string::npos);
  EXPECT_EQ(TopicModel::Parse(bytes + "x").status().code(), StatusCode::kDataLoss);
}

TEST(ModelIoTest, MissingFileIsNotFound) {
  EXPECT_EQ(TopicModel::Load(TempPath("does-not-exist")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Trained().Save("/nonexistent-dir/x/model.lda").code(), StatusCode::kIoError);
}

TEST(ModelIoTest, CreateChecksConsistency) {
  TopicModel model = Trained();
  TopicWordStats stats = model.stats();
  stats.totals[0] += 1;
  EXPECT_EQ(TopicModel::Create(model.vocabulary(), stats, 0.1, 0.01).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_FALSE(TopicModel::Create(model.vocabulary(), model.stats(), 0.0, 0.01).ok());
}

}  // namespace
}  // namespace tenlik::topics
