// Instagram (Zeeschuimer NDJSON) reader.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "listen/listen.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using namespace reader_testing;  // Collector, Fixture, ReadFixture

Status Read(const std::string& name, Collector* c, int64_t skip = 0) {
  return ReadFixture(name, Format::kInstagramNdjson, c, {}, skip);
}

TEST(ReaderInstagramTest, ReadsZeeschuimerItems) {
  Collector c;
  ASSERT_TRUE(Read("instagram.ndjson", &c).ok());
  ASSERT_EQ(c.posts.size(), 2u);
  ASSERT_EQ(c.rejects.size(), 3u);

  const Post& p = c.posts[0];
  EXPECT_EQ(p.platform, "instagram");
  EXPECT_EQ(p.source_id, "3500000000000000001_111");
  EXPECT_EQ(p.url, "https://www.instagram.com/p/DAbCdEf1/");
  EXPECT_EQ(p.text, "Инклюзия — это про всех #инклюзия #школа");
  EXPECT_EQ(p.published_at, 1795515300);
  EXPECT_EQ(p.author, "mektep_almaty");
  EXPECT_EQ(p.author_id, "111");
  EXPECT_EQ(p.channel, "mektep_almaty");
  ASSERT_EQ(p.author_details.size(), 2u);
  EXPECT_EQ(p.author_details[0], "Мектеп Алматы");
  EXPECT_EQ(p.engagement, 127);
  EXPECT_EQ(p.place, "Almaty");
  EXPECT_EQ(p.line, 1);
  EXPECT_EQ(p.record, 0);
  EXPECT_EQ(p.raw.substr(0, 11), "{\"id\": \"z1\"");

  EXPECT_EQ(c.rejects[0].line, 2);
  EXPECT_EQ(c.rejects[0].field, "text");
  EXPECT_EQ(c.rejects[0].record, 1);
  EXPECT_EQ(c.rejects[1].line, 3);  // truncated JSON line
  EXPECT_EQ(c.rejects[1].field, "");
  EXPECT_EQ(c.rejects[1].reason.rfind("not valid JSON", 0), 0u);
  EXPECT_EQ(c.rejects[1].record, 2);

  const Post& q = c.posts[1];  // blank line 4 is not a record
  EXPECT_EQ(q.line, 5);
  EXPECT_EQ(q.record, 3);
  EXPECT_EQ(q.place, "Shymkent");  // empty city: location name
  EXPECT_EQ(q.engagement, 10);

  EXPECT_EQ(c.rejects[2].line, 6);
  EXPECT_EQ(c.rejects[2].field, "platform");
  EXPECT_NE(c.rejects[2].reason.find("tiktok.com"), std::string::npos);
}

TEST(ReaderInstagramTest, SkipRecords) {
  Collector c;
  ASSERT_TRUE(Read("instagram.ndjson", &c, 3).ok());
  ASSERT_EQ(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].record, 3);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].record, 4);
}

TEST(ReaderInstagramTest, OtherFilesAreDataLoss) {
  Collector c;
  Status s = Read("generic.jsonl", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("generic.jsonl"), std::string::npos);
  EXPECT_EQ(Read("generic.csv", &c).code(), StatusCode::kDataLoss);
  EXPECT_EQ(Read("telegram_group.json", &c).code(), StatusCode::kDataLoss);
  EXPECT_TRUE(c.posts.empty());
  EXPECT_EQ(*DetectFormat(Fixture("instagram.ndjson")), Format::kInstagramNdjson);
}

}  // namespace
}  // namespace tenlik::listen
