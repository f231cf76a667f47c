// Shared parts of the readers: names, --map, detection, errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "listen/listen.h"
#include "listen/reader.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using reader_testing::Fixture;

struct NullSink : RecordSink {
  bool OnPost(Post&&) override { return true; }
  bool OnReject(Reject&&) override { return true; }
};

TEST(ReaderTest, FormatAndAuthorTypeNamesRoundTrip) {
  for (Format f : {Format::kMeltwaterCsv, Format::kTelegramJson, Format::kInstagramNdjson,
                   Format::kJsonl, Format::kCsv}) {
    EXPECT_EQ(*ParseFormat(FormatName(f)), f);
  }
  EXPECT_EQ(ParseFormat("xml").status().code(), StatusCode::kInvalidArgument);
  for (AuthorType t : {AuthorType::kPerson, AuthorType::kOrganisation, AuthorType::kMedia}) {
    EXPECT_EQ(*ParseAuthorType(AuthorTypeName(t)), t);
  }
  EXPECT_EQ(*ParseAuthorType("org"), AuthorType::kOrganisation);
  EXPECT_EQ(*ParseAuthorType("Organization"), AuthorType::kOrganisation);
  EXPECT_FALSE(ParseAuthorType("bot").ok());
}

TEST(ReaderTest, AddMapping) {
  FieldMap map;
  EXPECT_TRUE(AddMapping("text=Body Text", &map).ok());
  EXPECT_TRUE(AddMapping("id=post.id", &map).ok());
  EXPECT_EQ(map["text"], "Body Text");
  EXPECT_EQ(map["source_id"], "post.id");
  Status s = AddMapping("txt=Body", &map);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("'txt'"), std::string::npos);
  EXPECT_FALSE(AddMapping("text", &map).ok());
  EXPECT_FALSE(AddMapping("text=", &map).ok());
}

TEST(ReaderTest, DetectFormatErrors) {
  EXPECT_EQ(DetectFormat(Fixture("no_such_file.csv")).status().code(), StatusCode::kNotFound);
  std::string path = testing::TempDir() + "/empty_export.csv";
  FILE* f = fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fclose(f);
  EXPECT_EQ(DetectFormat(path).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader::DetectFromPrefix("[1,2]", "a.json").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(*reader::DetectFromPrefix("{\"a\":1}\n", "a.jsonl"), Format::kJsonl);
  EXPECT_EQ(*reader::DetectFromPrefix("{\n \"name\": \"x\",\n \"messages\": [", "r.json"),
            Format::kTelegramJson);
}

TEST(ReaderTest, ReadFileMissingIsNotFound) {
  NullSink sink;
  ReadOptions options;
  options.format = Format::kCsv;
  EXPECT_EQ(ReadFile(Fixture("no_such_file.csv"), options, sink).code(), StatusCode::kNotFound);
}

TEST(ReaderTest, Dates) {
  int64_t t = 0;
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24T14:15:00+05:00", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24T09:15:00.123Z", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24 09:15:00", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24T14:15:00+0500", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("1795511700", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("1795511700000", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseDateTime("24.11.2026 09:15", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseMeltwaterDate("24-Nov-2026 09:15AM", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_TRUE(reader::ParseMeltwaterDate("24-Nov-2026 12:05AM", &t));
  EXPECT_EQ(t, 1795478700);
  EXPECT_TRUE(reader::ParseMonthDayYear("Nov 24, 2026", "09:15 AM", &t));
  EXPECT_EQ(t, 1795511700);
  EXPECT_FALSE(reader::ParseDateTime("yesterday", &t));
  EXPECT_FALSE(reader::ParseDateTime("2026-02-30", &t));
  EXPECT_FALSE(reader::ParseMeltwaterDate("24-Nox-2026 09:15AM", &t));
  EXPECT_FALSE(reader::ParseMeltwaterDate("24-Nov-2026 13:15PM", &t));
}

TEST(ReaderTest, Counts) {
  int64_t n = 0;
  EXPECT_TRUE(reader::ParseCount("1,234", &n));
  EXPECT_EQ(n, 1234);
  EXPECT_TRUE(reader::ParseCount("1.2K", &n));
  EXPECT_EQ(n, 1200);
  EXPECT_TRUE(reader::ParseCount("", &n));
  EXPECT_EQ(n, 0);
  EXPECT_FALSE(reader::ParseCount("many", &n));
}

}  // namespace
}  // namespace tenlik::listen

namespace tenlik::listen {
namespace {
TEST(ReaderTest, DecimalCommaCounts) {
  int64_t n = 0;
  EXPECT_TRUE(reader::ParseCount("1,5K", &n));
  EXPECT_EQ(n, 1500);
  EXPECT_TRUE(reader::ParseCount("12,345,678", &n));
  EXPECT_EQ(n, 12345678);
}
}  // namespace
}  // namespace tenlik::listen
