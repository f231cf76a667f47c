// Training on a subset of KazSAnDRA: a floor on validation macro-F1, determinism,
// and the neutral share. Reads ../shared/data/kazsandra (not in the repository).
#include <gtest/gtest.h>

#include "sentiment/sentiment.h"
#include "test_util.h"

namespace tenlik::sentiment {
namespace {

using testing::KazSandra;

struct Subset {
  std::vector<Example> train, valid;
};

// 5,000 training rows (every 9th: the file is sorted by label, so its first rows
// are all negative) and the first 2,000 validation rows; read once.
const Subset& Data() {
  static const Subset subset = [] {
    Subset s;
    auto train = ReadPolarityCsv(KazSandra("polarity_train.csv"));
    auto valid = ReadPolarityCsv(KazSandra("polarity_valid.csv"), 2000);
    if (train.ok()) {
      for (size_t i = 0; i < train->size() && s.train.size() < 5000; i += 9) s.train.push_back((*train)[i]);
    }
    if (valid.ok()) s.valid = std::move(*valid);
    return s;
  }();
  return subset;
}

TEST(SentimentTrain, DataIsThere) {
  ASSERT_EQ(Data().train.size(), 5000u) << "missing " << KazSandra("polarity_train.csv");
  ASSERT_EQ(Data().valid.size(), 2000u) << "missing " << KazSandra("polarity_valid.csv");
}

TEST(SentimentTrain, SubsetReachesFloor) {
  ASSERT_FALSE(Data().train.empty());
  std::vector<double> per_epoch;
  TrainOptions options;
  options.on_epoch = [&](const EpochReport& r) { per_epoch.push_back(r.valid_macro_f1); };
  auto model = Train(Data().train, Data().valid, options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_EQ(per_epoch.size(), static_cast<size_t>(options.epochs));
  Evaluation ev = Evaluate(*model, Data().valid);
  std::printf("subset: macro-F1 %.4f (last epoch, before the intercept shift: %.4f), rated-only %.4f, "
              "not rated %.3f\n", ev.macro_f1, per_epoch.back(), ev.rated_macro_f1, ev.not_rated_share);
  // Measured 0.748 and 0.687 (see docs/sentiment.md); the floors are a little below.
  EXPECT_GE(ev.macro_f1, 0.72);
  EXPECT_GE(per_epoch.back(), 0.65);
  EXPECT_GE(ev.rated_macro_f1, ev.macro_f1);  // leaving the unsure out must help
  EXPECT_NEAR(ev.not_rated_share, options.not_rated_share, 0.02);
  EXPECT_GT(ev.accuracy, 0.8);
}

TEST(SentimentTrain, Deterministic) {
  ASSERT_FALSE(Data().train.empty());
  std::vector<Example> small;
  for (size_t i = 0; i < Data().train.size(); i += 3) small.push_back(Data().train[i]);
  std::vector<Example> valid(Data().valid.begin(), Data().valid.begin() + 500);
  TrainOptions options;
  options.hash_bits = 16;
  auto a = Train(small, valid, options);
  auto b = Train(small, valid, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ToBytes(), b->ToBytes());
  options.seed += 1;
  auto c = Train(small, valid, options);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->ToBytes(), c->ToBytes()) << "the seed must change the order of training";
}

TEST(SentimentTrain, RejectsBadInput) {
  std::vector<Example> one_class = {{"жақсы", 1}, {"керемет", 1}};
  EXPECT_EQ(Train(one_class, {}, {}).status().code(), StatusCode::kInvalidArgument);
  std::vector<Example> two = {{"жақсы", 1}, {"жаман", 0}};
  TrainOptions bad;
  bad.hash_bits = 30;
  EXPECT_EQ(Train(two, {}, bad).status().code(), StatusCode::kInvalidArgument);
  bad = {};
  bad.epochs = 0;
  EXPECT_EQ(Train(two, {}, bad).status().code(), StatusCode::kInvalidArgument);
}

TEST(SentimentTrain, MacroF1) {
  // 8 true negatives, 2 negatives called positive, 1 positive called negative, 9 right.
  std::array<std::array<size_t, 2>, 2> c = {{{8, 2}, {1, 9}}};
  // F1(neg) = 16/19, F1(pos) = 18/21.
  EXPECT_NEAR(MacroF1(c), (16.0 / 19 + 18.0 / 21) / 2, 1e-12);
  EXPECT_EQ(MacroF1({}), 0.0);
}

}  // namespace
}  // namespace tenlik::sentiment
