// Telegram Desktop export reader: channel, group and full-account exports.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "listen/listen.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using namespace reader_testing;  // Collector, Fixture, ReadFixture

Status Read(const std::string& name, Collector* c, int64_t skip = 0) {
  return ReadFixture(name, Format::kTelegramJson, c, {}, skip);
}

TEST(ReaderTelegramTest, ChannelExport) {
  Collector c;
  Status s = Read("telegram_channel.json", &c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(c.posts.size(), 2u);
  ASSERT_EQ(c.rejects.size(), 2u);

  const Post& p = c.posts[0];
  EXPECT_EQ(p.platform, "telegram");
  EXPECT_EQ(p.channel, "Инклюзия Казахстан");
  EXPECT_EQ(p.source_id, "1500123456/2");
  EXPECT_EQ(p.text, "Новый ресурсный центр открыт: https://example.kz/rc #инклюзия");
  EXPECT_EQ(p.published_at, 1795515300);
  EXPECT_EQ(p.author, "Инклюзия Казахстан");
  EXPECT_EQ(p.author_id, "channel1500123456");
  EXPECT_EQ(p.author_details, std::vector<std::string>{"Aigerim S."});
  EXPECT_EQ(p.engagement, 7);
  EXPECT_EQ(p.url, "");
  EXPECT_EQ(p.line, 18);
  EXPECT_EQ(p.record, 0);  // the service message is not a record
  EXPECT_EQ(p.raw.substr(0, 17), "{\"id\":2,\"type\":\"m");

  // Photo without text: a reject, so that read = stored + duplicates + rejected.
  EXPECT_EQ(c.rejects[0].record, 1);
  EXPECT_EQ(c.rejects[0].line, 40);
  EXPECT_EQ(c.rejects[0].field, "text");
  EXPECT_EQ(c.rejects[0].reason, "no text (media-only message)");

  // No "from" in a channel: the channel is the author; "date" read as UTC.
  const Post& q = c.posts[1];
  EXPECT_EQ(q.record, 2);
  EXPECT_EQ(q.author, "Инклюзия Казахстан");
  EXPECT_EQ(q.author_id, "channel1500123456");
  EXPECT_EQ(q.published_at, 1795597200);

  EXPECT_EQ(c.rejects[1].record, 3);
  EXPECT_EQ(c.rejects[1].field, "published_at");
  EXPECT_NE(c.rejects[1].reason.find("'вчера'"), std::string::npos);
}

TEST(ReaderTelegramTest, GroupExportWithReplies) {
  Collector c;
  ASSERT_TRUE(Read("telegram_group.json", &c).ok());
  ASSERT_EQ(c.posts.size(), 3u);
  EXPECT_EQ(c.posts[0].author, "Марина");
  EXPECT_EQ(c.posts[0].author_id, "user111");
  EXPECT_EQ(c.posts[1].reply_to, "1700000001/10");
  EXPECT_EQ(c.posts[1].text, "@marina напишите в центр");
  EXPECT_EQ(c.posts[1].channel, "Родители особых детей");
  EXPECT_EQ(c.posts[2].author, "");  // deleted account
  EXPECT_EQ(c.posts[2].author_id, "user333");
}

TEST(ReaderTelegramTest, AccountExportSkipsPersonalChats) {
  Collector c;
  ASSERT_TRUE(Read("telegram_account.json", &c).ok());
  ASSERT_EQ(c.posts.size(), 2u);
  EXPECT_EQ(c.posts[0].channel, "School news");
  EXPECT_EQ(c.posts[0].url, "https://t.me/schoolnews_kz/7");
  EXPECT_EQ(c.posts[0].source_id, "888/7");
  EXPECT_EQ(c.posts[1].channel, "Old group");
  EXPECT_EQ(c.posts[1].record, 1);
}

TEST(ReaderTelegramTest, SkipAndCancel) {
  Collector c;
  ASSERT_TRUE(Read("telegram_channel.json", &c, 2).ok());
  ASSERT_EQ(c.posts.size(), 1u);
  EXPECT_EQ(c.posts[0].record, 2);
  ASSERT_EQ(c.rejects.size(), 1u);

  Collector d;
  d.stop_after = 1;
  EXPECT_EQ(Read("telegram_channel.json", &d).code(), StatusCode::kCancelled);
  EXPECT_EQ(d.posts.size(), 1u);
  EXPECT_TRUE(d.rejects.empty());
}

TEST(ReaderTelegramTest, WrongFormatIsDataLoss) {
  Collector c;
  Status s = Read("generic.csv", &c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("generic.csv"), std::string::npos);
  EXPECT_NE(s.message().find("a Telegram Desktop export (result.json with a \"messages\" array)"),
            std::string::npos);
  s = Read("generic.jsonl", &c);  // a JSON object, but not a Telegram export
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_TRUE(c.posts.empty());
}

TEST(ReaderTelegramTest, TruncatedFileIsDataLoss) {
  std::string path = testing::TempDir() + "/truncated_result.json";
  {
    FILE* f = fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("{\"name\": \"x\", \"type\": \"public_channel\", \"id\": 1, \"messages\": [\n"
          " {\"id\": 1, \"type\": \"message\", \"date_unixtime\": \"1\", \"text\": \"a\"},\n"
          " {\"id\": 2, \"type\": \"message\", \"te",
          f);
    fclose(f);
  }
  Collector c;
  ReadOptions options;
  options.format = Format::kTelegramJson;
  Status s = ReadFile(path, options, c);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss) << s.ToString();
  EXPECT_NE(s.message().find("truncated_result.json"), std::string::npos);
}

TEST(ReaderTelegramTest, Detects) {
  EXPECT_EQ(*DetectFormat(Fixture("telegram_channel.json")), Format::kTelegramJson);
  EXPECT_EQ(*DetectFormat(Fixture("telegram_account.json")), Format::kTelegramJson);
}

}  // namespace
}  // namespace tenlik::listen
