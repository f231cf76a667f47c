#include "listen/near_duplicates.h"

#include <gtest/gtest.h>

#include <bit>

namespace tenlik::listen {
namespace {

constexpr char kPost[] =
    "в нашей школе наконец построили пандус и теперь дети с инвалидностью могут "
    "сами заходить в класс спасибо акимату за помощь";

TEST(SimHashTest, RepostWithALinkOrAWordChangedIsClose) {
  uint64_t original = SimHash(kPost);
  uint64_t with_link = SimHash(std::string(kPost) + " https://example.kz/news/123?x=1");
  uint64_t reworded = SimHash(std::string("репост: ") + kPost);
  EXPECT_LE(std::popcount(original ^ with_link), 3);
  EXPECT_LE(std::popcount(original ^ reworded), 3);
}

TEST(SimHashTest, DifferentPostsAreFar) {
  uint64_t a = SimHash(kPost);
  uint64_t b = SimHash(
      "родители из карагандинской области жалуются что в районе нет логопеда и "
      "дефектолога а очередь в пмпк растянулась на полгода");
  EXPECT_GT(std::popcount(a ^ b), 3);
}

TEST(SimHashTest, ShortTextsAreNotHashed) {
  EXPECT_EQ(SimHash("спасибо большое"), 0u);
}

TEST(NearDuplicateIndexTest, FindsTheEarliestCloseHashAndForgetsOldOnes) {
  NearDuplicateIndex index(2);
  uint64_t h = SimHash(kPost);
  EXPECT_EQ(index.Find(h), 0);
  index.Add(h, 10);
  index.Add(h ^ 0b101, 11);
  EXPECT_EQ(index.Find(h ^ 0b1), 10);
  index.Add(~h, 12);  // evicts post 10
  EXPECT_EQ(index.Find(h), 11);
  EXPECT_EQ(index.Find(h ^ 0xff00ff), 0);
}

}  // namespace
}  // namespace tenlik::listen
