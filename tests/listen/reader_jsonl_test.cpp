// Generic JSON Lines reader, with default keys and --map paths.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "listen/listen.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using namespace reader_testing;  // Collector, Fixture, ReadFixture

Status Read(const std::string& name, Collector* c, FieldMap map = {}) {
  return ReadFixture(name, Format::kJsonl, c, std::move(map));
}

TEST(ReaderJsonlTest, DefaultKeysAndRejects) {
  Collector c;
  ASSERT_TRUE(Read("generic.jsonl", &c).ok());
  ASSERT_EQ(c.posts.size(), 3u);
  const Post& a = c.posts[0];
  EXPECT_EQ(a.source_id, "a1");
  EXPECT_EQ(a.platform, "twitter");
  EXPECT_EQ(a.author_id, "1001");
  EXPECT_EQ(a.published_at, 1795511700);
  EXPECT_EQ(a.text, "Inclusive schools need tutors");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.engagement, 12);
  EXPECT_EQ(a.place, "Almaty");
  EXPECT_EQ(a.line, 1);
  EXPECT_EQ(a.raw.substr(0, 11), "{\"id\": \"a1\"");

  const Post& b = c.posts[1];
  EXPECT_EQ(b.source_id, "2");
  EXPECT_EQ(b.published_at, 1795515300);  // milliseconds
  EXPECT_EQ(b.author_type, AuthorType::kOrganisation);
  EXPECT_TRUE(b.author_type_given);
  EXPECT_EQ(b.platform, "vk");  // from the URL
  EXPECT_EQ(b.engagement, 1500);

  const Post& s = c.posts[2];  // line 9: "created_at" and "message"
  EXPECT_EQ(s.line, 9);
  EXPECT_EQ(s.record, 7);
  EXPECT_EQ(s.text, "synonyms again");

  ASSERT_EQ(c.rejects.size(), 5u);
  EXPECT_EQ(c.rejects[0].line, 4);
  EXPECT_EQ(c.rejects[0].record, 2);
  EXPECT_EQ(c.rejects[0].field, "published_at");
  EXPECT_NE(c.rejects[0].reason.find("got 'yesterday'"), std::string::npos);
  EXPECT_EQ(c.rejects[1].line, 5);
  EXPECT_EQ(c.rejects[1].field, "text");
  EXPECT_EQ(c.rejects[1].reason, "no text");
  EXPECT_EQ(c.rejects[2].line, 6);  // truncated line
  EXPECT_EQ(c.rejects[2].field, "");
  EXPECT_EQ(c.rejects[2].reason.rfind("not valid JSON", 0), 0u);
  EXPECT_EQ(c.rejects[3].line, 7);
  EXPECT_EQ(c.rejects[3].reason, "expected a JSON object");
  EXPECT_EQ(c.rejects[4].line, 8);
  EXPECT_EQ(c.rejects[4].field, "author_type");
}

TEST(ReaderJsonlTest, MapTakesDottedPaths) {
  FieldMap map;
  ASSERT_TRUE(AddMapping("text=post.body", &map).ok());
  ASSERT_TRUE(AddMapping("published_at=post.when", &map).ok());
  ASSERT_TRUE(AddMapping("id=post.uid", &map).ok());
  ASSERT_TRUE(AddMapping("author = who.name", &map).ok());
  ASSERT_TRUE(AddMapping("engagement=post.stats.likes", &map).ok());
  ASSERT_TRUE(AddMapping("channel=tags.1", &map).ok());
  Collector c;
  ASSERT_TRUE(Read("mapped.jsonl", &c, map).ok());
  ASSERT_EQ(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].text, "Mapped body text");
  EXPECT_EQ(c.posts[0].source_id, "m1");
  EXPECT_EQ(c.posts[0].author, "Dana");
  EXPECT_EQ(c.posts[0].engagement, 4);
  EXPECT_EQ(c.posts[0].channel, "y");
  EXPECT_EQ(c.posts[0].published_at, 1795515300);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].field, "text");
  EXPECT_EQ(c.rejects[0].line, 2);
}

TEST(ReaderJsonlTest, NonJsonFileIsDataLoss) {
  Collector c;
  Status s = Read("generic.csv", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("generic.csv"), std::string::npos);
  EXPECT_NE(s.message().find("JSON Lines"), std::string::npos);
  EXPECT_EQ(Read("telegram_channel.json", &c).code(), StatusCode::kDataLoss);
  EXPECT_EQ(*DetectFormat(Fixture("generic.jsonl")), Format::kJsonl);
}

}  // namespace
}  // namespace tenlik::listen
