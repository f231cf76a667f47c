#include "listen/near_duplicates.h"

#include <gtest/gtest.h>

namespace tenlik::listen {
namespace {

constexpr char kPost[] =
    "в нашей школе наконец построили пандус и теперь дети с инвалидностью могут "
    "сами заходить в класс спасибо акимату за помощь";

Signature Sig(const std::string& text) {
  std::optional<Signature> s = MinHash(text);
  EXPECT_TRUE(s.has_value()) << text;
  return s.value_or(Signature{});
}

TEST(MinHashTest, RepostWithALinkAPrefixOrAWordChangedIsSimilar) {
  Signature original = Sig(kPost);
  EXPECT_EQ(EstimatedSimilarity(original, Sig(std::string(kPost) + " https://example.kz/n/1?x=1")),
            1.0);  // links are left out
  // So are mentions: a person's is a pseudonym, whose key differs between stores.
  EXPECT_EQ(EstimatedSimilarity(Sig(std::string(kPost) + " @p_abcdefghijklmnop"),
                                Sig(std::string(kPost) + " @p_qrstuvwxyz234567 @minedu.kz")),
            1.0);
  EXPECT_GE(EstimatedSimilarity(original, Sig(std::string("репост: ") + kPost)),
            kNearDuplicateSimilarity);
  std::string reworded = kPost;
  reworded.replace(reworded.find("помощь"), std::string("помощь").size(), "поддержку");
  EXPECT_GE(EstimatedSimilarity(original, Sig(reworded)), kNearDuplicateSimilarity);
}

TEST(MinHashTest, DifferentPostsAreNotSimilar) {
  Signature a = Sig(kPost);
  Signature b =
      Sig("родители из карагандинской области жалуются что в районе нет логопеда и "
          "дефектолога а очередь в пмпк растянулась на полгода");
  EXPECT_LT(EstimatedSimilarity(a, b), 0.3);
}

TEST(MinHashTest, ShortTextsHaveNoSignature) {
  EXPECT_FALSE(MinHash("спасибо большое всем").has_value());
}

TEST(MinHashTest, SignaturesRoundTripThroughHex) {
  Signature s = Sig(kPost);
  EXPECT_EQ(DecodeSignature(EncodeSignature(s)), s);
  EXPECT_FALSE(DecodeSignature("xyz").has_value());
  EXPECT_FALSE(DecodeSignature(std::string(kMinHashes * 8, 'g')).has_value());
}

TEST(NearDuplicateIndexTest, FindsTheEarliestSimilarPostAndForgetsOldOnes) {
  NearDuplicateIndex index(2);
  Signature post = Sig(kPost);
  Signature repost = Sig(std::string("репост: ") + kPost);
  Signature other = Sig("совсем другой текст про тьюторов логопедов и очереди в пмпк этой осенью");
  EXPECT_EQ(index.Find(post), 0);
  index.Add(post, 10);
  index.Add(repost, 11);
  EXPECT_EQ(index.Find(repost), 10);
  index.Add(other, 12);  // evicts post 10
  EXPECT_EQ(index.Find(post), 11);
  EXPECT_EQ(index.Find(other), 12);
}

// Signatures built by hand: all share their first band (the first four minimums) and
// differ everywhere else, as templated posts with one common phrase do.
Signature SharingTheFirstBand(uint32_t seed) {
  Signature s;
  for (int k = 0; k < kMinHashes; ++k) s[k] = k < 4 ? 7u : seed * 100 + k;
  return s;
}

TEST(NearDuplicateIndexTest, ARecentPostIsFoundBehindManyPostsSharingABand) {
  NearDuplicateIndex index(10000);
  for (uint32_t i = 1; i <= 5000; ++i) index.Add(SharingTheFirstBand(i), i);
  Signature recent = SharingTheFirstBand(9999);
  EXPECT_EQ(index.Find(recent), 0);
  index.Add(recent, 6000);
  Signature repost = recent;
  repost[31] = 1;  // one minimum differs: similarity 31/32
  EXPECT_EQ(index.Find(repost), 6000);
}

TEST(NearDuplicateIndexTest, ForgettingKeepsTheRestOfASharedBandFindable) {
  NearDuplicateIndex index(3);
  for (uint32_t i = 1; i <= 7; ++i) index.Add(SharingTheFirstBand(i), i);
  // Posts 5, 6 and 7 are remembered; 1 to 4 are forgotten.
  for (uint32_t i = 1; i <= 7; ++i) {
    EXPECT_EQ(index.Find(SharingTheFirstBand(i)), i >= 5 ? int64_t{i} : 0) << i;
  }
}

TEST(NearDuplicateIndexTest, TheSimilarityThresholdIsSeventyPercentOfPlaces) {
  // 23 of 32 places agree (0.72) is a near-duplicate; 22 (0.69) is not.
  Signature post = SharingTheFirstBand(1);
  auto differing_in = [&](int places) {
    Signature s = post;
    for (int k = kMinHashes - places; k < kMinHashes; ++k) s[k] += 1;
    return s;
  };
  ASSERT_GE(EstimatedSimilarity(post, differing_in(9)), kNearDuplicateSimilarity);
  ASSERT_LT(EstimatedSimilarity(post, differing_in(10)), kNearDuplicateSimilarity);
  NearDuplicateIndex index(10);
  index.Add(post, 1);
  EXPECT_EQ(index.Find(differing_in(9)), 1);
  EXPECT_EQ(index.Find(differing_in(10)), 0);
}

}  // namespace
}  // namespace tenlik::listen
