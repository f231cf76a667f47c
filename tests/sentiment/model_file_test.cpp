// The model file: round trip, corruption, truncation, other versions, missing file.
#include <gtest/gtest.h>

#include <cmath>

#include "sentiment/sentiment.h"
#include "test_util.h"

namespace tenlik::sentiment {
namespace {

// A tiny model trained on made-up posts (no data set needed).
Model TinyModel() {
  std::vector<Example> train = {
      {"керемет қолданба, рахмет", 1}, {"өте жақсы, ұнады", 1},    {"great app, love it", 1},
      {"отличное приложение", 1},      {"жаман, ұнамады", 0},       {"нашар жұмыс істейді", 0},
      {"terrible, keeps crashing", 0}, {"ужасно, не работает", 0},
  };
  TrainOptions options;
  options.hash_bits = 12;
  options.epochs = 20;
  auto model = Train(train, train, options);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(*model) : Model();
}

TEST(SentimentModelFile, RoundTripKeepsPredictions) {
  Model model = TinyModel();
  std::string bytes = model.ToBytes();
  EXPECT_EQ(bytes.substr(0, 20), "tenlik-sentiment v1\n");
  EXPECT_EQ(bytes.size(), 44 + model.info().card.size() + 4 * 4096 + 4);
  auto back = Model::FromBytes(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToBytes(), bytes);
  EXPECT_EQ(back->info().card, model.info().card);
  EXPECT_FLOAT_EQ(static_cast<float>(back->info().neutral_margin), static_cast<float>(model.info().neutral_margin));
  for (const char* text : {"керемет", "жаман", "great", "ужасно", "kerемет", ""}) {
    EXPECT_EQ(back->ProbabilityPositive(text), model.ProbabilityPositive(text)) << text;
  }
  EXPECT_GT(model.ProbabilityPositive("керемет рахмет"), 0.5);
  EXPECT_LT(model.ProbabilityPositive("жаман нашар"), 0.5);

  const std::string path = testing::TempDir() + "/m.bin";
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->ToBytes(), bytes);
}

TEST(SentimentModelFile, DetectsCorruption) {
  const std::string bytes = TinyModel().ToBytes();
  // Every region: header field, card, a weight, the checksum itself.
  for (size_t at : {size_t{22}, size_t{50}, bytes.size() / 2, bytes.size() - 2}) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    auto r = Model::FromBytes(bad);
    ASSERT_FALSE(r.ok()) << "flipped byte " << at;
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  EXPECT_NE(Model::FromBytes(flipped).status().message().find("checksum"), std::string::npos);
}

TEST(SentimentModelFile, DetectsTruncationAndForeignFiles) {
  const std::string bytes = TinyModel().ToBytes();
  for (size_t n : {size_t{0}, size_t{10}, size_t{43}, bytes.size() - 1}) {
    EXPECT_EQ(Model::FromBytes(bytes.substr(0, n)).status().code(), StatusCode::kDataLoss) << n;
  }
  EXPECT_NE(Model::FromBytes(bytes.substr(0, bytes.size() - 100)).status().message().find("truncated"),
            std::string::npos);
  EXPECT_EQ(Model::FromBytes(bytes + "x").status().code(), StatusCode::kDataLoss);
  auto other = Model::FromBytes("PK\x03\x04 not a model at all, padding padding padding padding");
  EXPECT_NE(other.status().message().find("not a sentiment model"), std::string::npos);
  std::string v2 = bytes;
  v2[18] = '2';
  EXPECT_NE(Model::FromBytes(v2).status().message().find("unsupported format version"), std::string::npos);
}

TEST(SentimentModelFile, MissingFileSaysHowToTrain) {
  auto r = Model::Load(testing::TempDir() + "/no-such-model.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("sentiment-train"), std::string::npos);
}

TEST(SentimentModel, ThreeWayOutput) {
  Model model = TinyModel();
  model.set_neutral_margin(0.0);
  Prediction p = model.Predict("керемет рахмет");
  EXPECT_EQ(p.polarity, Polarity::kPositive);
  EXPECT_DOUBLE_EQ(p.confidence, std::fmax(p.p_positive, 1 - p.p_positive));
  EXPECT_EQ(model.Predict("жаман нашар").polarity, Polarity::kNegative);
  model.set_neutral_margin(0.5);  // nothing is sure enough
  EXPECT_EQ(model.Predict("керемет рахмет").polarity, Polarity::kNeutral);
  Prediction empty = model.Predict("  ... !!");
  EXPECT_EQ(empty.polarity, Polarity::kNeutral);
  EXPECT_EQ(empty.p_positive, 0.5);
  EXPECT_EQ(PolarityName(Polarity::kNeutral), "neutral");
  // Bad UTF-8 is tolerated.
  EXPECT_GE(model.ProbabilityPositive("\xff\xfe керемет \xc3"), 0.0);
}

TEST(SentimentDataset, ReadsRfc4180) {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/p.csv";
  testing::WriteFile(path,
                     "\xEF\xBB\xBF" "custom_id,label,domain,text\r\n"
                     "a1,1,appstore,\"Жақсы, рахмет\"\r\n"
                     "a2,0,market,\"two\nlines and \"\"quotes\"\"\"\n"
                     "a3,1,map,plain\n");
  auto rows = ReadPolarityCsv(path);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].text, "Жақсы, рахмет");
  EXPECT_EQ((*rows)[0].label, 1);
  EXPECT_EQ((*rows)[1].text, "two\nlines and \"quotes\"");
  EXPECT_EQ((*rows)[1].label, 0);
  EXPECT_EQ((*rows)[2].text, "plain");
  EXPECT_EQ(ReadPolarityCsv(path, 2)->size(), 2u);

  testing::WriteFile(path, "text,label\nok,1\nbad,7\n");
  auto bad_label = ReadPolarityCsv(path);
  EXPECT_EQ(bad_label.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad_label.status().message().find("line 3"), std::string::npos) << bad_label.status().message();
  testing::WriteFile(path, "text,label\n\"open quote,1\n");
  EXPECT_EQ(ReadPolarityCsv(path).status().code(), StatusCode::kDataLoss);
  testing::WriteFile(path, "body,label\nx,1\n");
  EXPECT_EQ(ReadPolarityCsv(path).status().code(), StatusCode::kDataLoss);
  testing::WriteFile(path, "text,label\nx,1,extra\n");
  EXPECT_EQ(ReadPolarityCsv(path).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(ReadPolarityCsv(dir + "/missing.csv").status().code(), StatusCode::kNotFound);
}

TEST(SentimentDataset, ReadsKazSandraHeaderOrders) {
  // The two files put `label` and `domain` in different orders.
  for (const char* file : {"polarity_train.csv", "polarity_valid.csv"}) {
    auto rows = ReadPolarityCsv(testing::KazSandra(file), 50);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    EXPECT_EQ(rows->size(), 50u);
    for (const Example& e : *rows) EXPECT_FALSE(e.text.empty());
  }
}

}  // namespace
}  // namespace tenlik::sentiment
