// Generic CSV reader: quotes, embedded newlines, delimiters, --map.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "listen/listen.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using namespace reader_testing;  // Collector, Fixture, ReadFixture

Status Read(const std::string& name, Collector* c, FieldMap map = {}, int64_t skip = 0) {
  return ReadFixture(name, Format::kCsv, c, std::move(map), skip);
}

TEST(ReaderCsvTest, QuotesEmbeddedNewlinesAndRejects) {
  Collector c;
  Status s = Read("generic.csv", &c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(c.posts.size(), 2u);
  const Post& a = c.posts[0];
  EXPECT_EQ(a.source_id, "1");
  EXPECT_EQ(a.author, "Ivanov, I.");
  EXPECT_EQ(a.text, "Line one\r\nline two with \"quotes\", and a comma");
  EXPECT_EQ(a.published_at, 1795511700);
  EXPECT_EQ(a.engagement, 10);
  EXPECT_EQ(a.place, "Almaty");
  EXPECT_EQ(a.platform, "vk");
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.record, 0);
  EXPECT_EQ(a.raw,
            "{\"id\":\"1\",\"date\":\"2026-11-24T09:15:00Z\",\"author\":\"Ivanov, I.\",\"text\":"
            "\"Line one\\r\\nline two with \\\"quotes\\\", and a comma\",\"likes\":\"10\","
            "\"city\":\"Almaty\",\"platform\":\"vk\"}");

  const Post& e = c.posts[1];
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.record, 4);
  EXPECT_EQ(e.author, "Multi\nline author");
  EXPECT_EQ(e.text, "Final \"text\"");
  EXPECT_EQ(e.engagement, 7000);
  EXPECT_EQ(e.published_at, 1795515300);
  EXPECT_EQ(e.platform, "telegram");

  ASSERT_EQ(c.rejects.size(), 3u);
  EXPECT_EQ(c.rejects[0].line, 4);
  EXPECT_EQ(c.rejects[0].record, 1);
  EXPECT_EQ(c.rejects[0].field, "text");
  EXPECT_EQ(c.rejects[0].raw, "2,2026-11-25,Petrov,,3,Astana,");
  EXPECT_EQ(c.rejects[1].line, 6);
  EXPECT_EQ(c.rejects[1].field, "published_at");
  EXPECT_NE(c.rejects[1].reason.find("got 'not a date'"), std::string::npos);
  EXPECT_EQ(c.rejects[2].line, 7);
  EXPECT_EQ(c.rejects[2].field, "");
  EXPECT_EQ(c.rejects[2].reason, "expected 7 columns as in the header, got 8");
}

TEST(ReaderCsvTest, SkipRecords) {
  Collector c;
  ASSERT_TRUE(Read("generic.csv", &c, {}, 3).ok());
  ASSERT_EQ(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].record, 4);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].record, 3);
}

TEST(ReaderCsvTest, SemicolonAndMapping) {
  FieldMap map;
  ASSERT_TRUE(AddMapping("published_at=Дата", &map).ok());
  ASSERT_TRUE(AddMapping("text=Текст", &map).ok());
  ASSERT_TRUE(AddMapping("author=автор", &map).ok());  // case-insensitive fallback (ASCII only)
  Collector c;
  Status s = Read("semicolon.csv", &c, map);
  // "автор" differs from "Автор" outside ASCII: no such column.
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("--map author"), std::string::npos);
  map["author"] = "Автор";
  Collector d;
  ASSERT_TRUE(Read("semicolon.csv", &d, map).ok());
  ASSERT_EQ(d.posts.size(), 1u);
  EXPECT_EQ(d.posts[0].text, "Привет");
  EXPECT_EQ(d.posts[0].author, "Аня");
  EXPECT_EQ(d.posts[0].published_at, 1795511700);
}

TEST(ReaderCsvTest, TabSeparatedWithMap) {
  FieldMap map;
  ASSERT_TRUE(AddMapping("text=body", &map).ok());
  ASSERT_TRUE(AddMapping("published_at=WHEN", &map).ok());
  ASSERT_TRUE(AddMapping("author=who", &map).ok());
  Collector c;
  ASSERT_TRUE(Read("mapped.tsv", &c, map).ok());
  ASSERT_EQ(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].text, "Tab separated body");
  EXPECT_EQ(c.posts[0].author, "Bek");
}

TEST(ReaderCsvTest, MissingColumnsAndJsonAreDataLoss) {
  Collector c;
  Status s = Read("mapped.tsv", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("mapped.tsv"), std::string::npos);
  EXPECT_NE(s.message().find("--map published_at=Column"), std::string::npos);
  EXPECT_EQ(Read("telegram_channel.json", &c).code(), StatusCode::kDataLoss);
  EXPECT_EQ(Read("generic.jsonl", &c).code(), StatusCode::kDataLoss);
}

TEST(ReaderCsvTest, MeltwaterFileReadAsCsvUsesHitSentence) {
  Collector c;
  ASSERT_TRUE(Read("meltwater_utf16.tsv", &c).ok());
  ASSERT_GE(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].text, "Инклюзивное образование в Алматы: школа №12 открыла ресурсный класс");
  EXPECT_EQ(*DetectFormat(Fixture("generic.csv")), Format::kCsv);
  EXPECT_EQ(*DetectFormat(Fixture("semicolon.csv")), Format::kCsv);
}

}  // namespace
}  // namespace tenlik::listen
