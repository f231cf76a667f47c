// Meltwater export reader: UTF-16LE tab-separated and UTF-8 comma-separated.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "listen/listen.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using namespace reader_testing;  // Collector, Fixture, ReadFixture

Status Read(const std::string& name, Collector* c, int64_t skip = 0) {
  return ReadFixture(name, Format::kMeltwaterCsv, c, {}, skip);
}

TEST(ReaderMeltwaterTest, ReadsUtf16TabSeparatedExport) {
  Collector c;
  ASSERT_TRUE(Read("meltwater_utf16.tsv", &c).ok());
  ASSERT_EQ(c.posts.size(), 2u);
  ASSERT_EQ(c.rejects.size(), 2u);

  const Post& tweet = c.posts[0];
  EXPECT_EQ(tweet.platform, "twitter");
  EXPECT_EQ(tweet.text, "Инклюзивное образование в Алматы: школа №12 открыла ресурсный класс");
  EXPECT_EQ(tweet.published_at, 1795511700);  // 24-Nov-2026 09:15AM as UTC
  EXPECT_EQ(tweet.author, "Aigerim K.");
  EXPECT_EQ(tweet.author_id, "https://twitter.com/aigerim_k");
  EXPECT_EQ(tweet.author_details, std::vector<std::string>{"aigerim_k"});
  EXPECT_FALSE(tweet.author_type_given);
  EXPECT_EQ(tweet.source_id, "1861");
  EXPECT_EQ(tweet.lang, "ru");
  EXPECT_EQ(tweet.engagement, 35);
  EXPECT_EQ(tweet.place, "Almaty");
  EXPECT_EQ(tweet.line, 2);
  EXPECT_EQ(tweet.record, 0);
  EXPECT_NE(tweet.raw.find("\"Hit Sentence\":\"Инклюзивное"), std::string::npos);

  const Post& news = c.posts[1];
  EXPECT_EQ(news.platform, "news");
  EXPECT_EQ(news.channel, "Kazinform");
  EXPECT_EQ(news.author, "Kazinform");
  EXPECT_EQ(news.author_type, AuthorType::kMedia);
  EXPECT_TRUE(news.author_type_given);
  EXPECT_EQ(news.text, "Мектептерде пандус жоқ\nОблыстағы мектептердің жартысында пандус жоқ.");
  EXPECT_EQ(news.published_at, 1795527000);  // 01:30PM
  EXPECT_EQ(news.engagement, 1204);
  EXPECT_EQ(news.place, "Turkistan Region");
  EXPECT_EQ(news.lang, "kk");
  EXPECT_EQ(news.source_id, "https://kaz.example.kz/news/1");

  EXPECT_EQ(c.rejects[0].line, 4);
  EXPECT_EQ(c.rejects[0].record, 2);
  EXPECT_EQ(c.rejects[0].field, "published_at");
  EXPECT_EQ(c.rejects[0].reason, "expected a date like 24-Nov-2026 09:15AM, got 'yesterday'");
  EXPECT_NE(c.rejects[0].raw.find("Some text"), std::string::npos);
  EXPECT_NE(c.rejects[0].file.find("meltwater_utf16.tsv"), std::string::npos);
  EXPECT_EQ(c.rejects[1].line, 5);
  EXPECT_EQ(c.rejects[1].field, "text");
  EXPECT_EQ(c.rejects[1].reason, "no text");
}

TEST(ReaderMeltwaterTest, ReadsUtf8CommaSeparatedExportWithBom) {
  Collector c;
  ASSERT_TRUE(Read("meltwater_utf8.csv", &c).ok());
  ASSERT_EQ(c.posts.size(), 2u);
  const Post& tg = c.posts[0];
  EXPECT_EQ(tg.platform, "telegram");
  EXPECT_EQ(tg.text, "Parents ask: \"where is the tutor?\"\nSecond line of the post");
  EXPECT_EQ(tg.published_at, 1796248800);  // 02-Dec-2026 10:00PM
  EXPECT_EQ(tg.place, "Astana");
  EXPECT_EQ(tg.line, 2);
  // Empty "Date": "Alternate Date Format" + "Time".
  const Post& news = c.posts[1];
  EXPECT_EQ(news.line, 4);
  EXPECT_EQ(news.published_at, 1796284800);
  EXPECT_EQ(news.author, "Journalist A");
  EXPECT_EQ(news.channel, "news.example.kz");
  EXPECT_EQ(news.place, "Karaganda Region");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].line, 5);
  EXPECT_EQ(c.rejects[0].record, 2);
  EXPECT_EQ(c.rejects[0].field, "");
  EXPECT_EQ(c.rejects[0].reason, "expected 20 columns as in the header, got 4");
}

TEST(ReaderMeltwaterTest, SkipRecordsResumesAtTheOrdinal) {
  Collector c;
  ASSERT_TRUE(Read("meltwater_utf16.tsv", &c, 2).ok());
  EXPECT_TRUE(c.posts.empty());
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_EQ(c.rejects[0].record, 2);
  EXPECT_EQ(c.rejects[1].record, 3);
}

TEST(ReaderMeltwaterTest, OtherCsvIsDataLossNamingTheFile) {
  Collector c;
  Status s = Read("not_meltwater.csv", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("not_meltwater.csv"), std::string::npos);
  EXPECT_NE(s.message().find("Meltwater"), std::string::npos);
  s = Read("telegram_channel.json", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
}

TEST(ReaderMeltwaterTest, DetectsBothVariants) {
  EXPECT_EQ(*DetectFormat(Fixture("meltwater_utf16.tsv")), Format::kMeltwaterCsv);
  EXPECT_EQ(*DetectFormat(Fixture("meltwater_utf8.csv")), Format::kMeltwaterCsv);
}

}  // namespace
}  // namespace tenlik::listen
