// --timezone: the zone of dates that carry none (reader::LocalZone, ReadOptions).
#include <gtest/gtest.h>

#include <string>

#include "listen/listen.h"
#include "listen/reader.h"
#include "reader_test_util.h"

namespace tenlik::listen {
namespace {

using reader::LocalZone;
using reader_testing::Collector;
using reader_testing::Fixture;

LocalZone Zone(std::string_view spec) {
  Result<LocalZone> zone = LocalZone::Parse(spec);
  EXPECT_TRUE(zone.ok()) << spec << ": " << zone.status().ToString();
  return zone.ok() ? *zone : LocalZone();
}

int64_t Utc(std::string_view iso_with_zone) {
  int64_t t = 0;
  EXPECT_TRUE(reader::ParseDateTime(iso_with_zone, &t)) << iso_with_zone;
  return t;
}

TEST(LocalZoneTest, ParsesUtcOffsetsAndZoneNames) {
  const int64_t wall = Utc("2026-11-24T09:15:00Z");
  EXPECT_EQ(Zone("").ToUtc(wall), wall);
  EXPECT_EQ(Zone("UTC").ToUtc(wall), wall);
  EXPECT_EQ(Zone("Z").ToUtc(wall), wall);
  EXPECT_EQ(Zone("+05:00").ToUtc(wall), wall - 5 * 3600);
  EXPECT_EQ(Zone("+0500").ToUtc(wall), wall - 5 * 3600);
  EXPECT_EQ(Zone("+05").ToUtc(wall), wall - 5 * 3600);
  EXPECT_EQ(Zone("-03:30").ToUtc(wall), wall + 3 * 3600 + 1800);
  EXPECT_EQ(Zone("Asia/Almaty").ToUtc(wall), wall - 5 * 3600);
  EXPECT_EQ(Zone("Europe/Moscow").ToUtc(wall), wall - 3 * 3600);
}

TEST(LocalZoneTest, RejectsWhatIsNotAZone) {
  for (std::string_view bad : {"Mars/Olympus", "../../etc/passwd", "/etc/localtime", "+25:00",
                               "+05:", "5", "Asia/Almaty extra", "Asia/../Almaty"}) {
    Result<LocalZone> zone = LocalZone::Parse(bad);
    ASSERT_FALSE(zone.ok()) << bad;
    EXPECT_EQ(zone.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(zone.status().message().find("Asia/Almaty"), std::string::npos);
  }
}

// Kazakhstan moved from +06:00 to +05:00 at 2024-03-01 00:00 (clocks went back to
// 23:00): the rules come from the system's tzdata, not from a fixed offset.
TEST(LocalZoneTest, FollowsAlmatyRuleChange) {
  LocalZone almaty = Zone("Asia/Almaty");
  EXPECT_EQ(almaty.ToUtc(Utc("2024-02-29T12:00:00Z")), Utc("2024-02-29T06:00:00Z"));
  EXPECT_EQ(almaty.ToUtc(Utc("2024-03-02T12:00:00Z")), Utc("2024-03-02T07:00:00Z"));
  // 23:30 on 29 February happened twice: the first one (+06:00) is taken.
  EXPECT_EQ(almaty.ToUtc(Utc("2024-02-29T23:30:00Z")), Utc("2024-02-29T17:30:00Z"));
}

TEST(LocalZoneTest, SkippedTimeTakesTheOffsetBeforeTheTransition) {
  LocalZone berlin = Zone("Europe/Berlin");
  // 2026-03-29 02:30 does not exist in Berlin; read with +01:00 it is 01:30 UTC.
  EXPECT_EQ(berlin.ToUtc(Utc("2026-03-29T02:30:00Z")), Utc("2026-03-29T01:30:00Z"));
  // 2026-10-25 02:30 happens twice; the first one is at +02:00.
  EXPECT_EQ(berlin.ToUtc(Utc("2026-10-25T02:30:00Z")), Utc("2026-10-25T00:30:00Z"));
}

TEST(LocalZoneTest, DateParsersUseTheZoneOnlyWithoutOne) {
  LocalZone almaty = Zone("Asia/Almaty");
  const int64_t expected = Utc("2026-11-24T04:15:00Z");
  int64_t t = 0;
  EXPECT_TRUE(reader::ParseMeltwaterDate("24-Nov-2026 09:15AM", &t, almaty));
  EXPECT_EQ(t, expected);
  EXPECT_TRUE(reader::ParseMonthDayYear("Nov 24, 2026", "09:15 AM", &t, almaty));
  EXPECT_EQ(t, expected);
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24T09:15:00", &t, almaty));
  EXPECT_EQ(t, expected);
  EXPECT_TRUE(reader::ParseDateTime("2026-11-24T09:15:00+03:00", &t, almaty));
  EXPECT_EQ(t, Utc("2026-11-24T06:15:00Z"));
  EXPECT_TRUE(reader::ParseDateTime("1795511700", &t, almaty));
  EXPECT_EQ(t, 1795511700);
}

// local_dates.csv: each row's text is the UTC time its date means in Asia/Almaty.
TEST(LocalZoneTest, CsvDatesWithoutZoneReadInTimezone) {
  Collector c;
  ReadOptions options;
  options.format = Format::kCsv;
  options.timezone = "Asia/Almaty";
  ASSERT_TRUE(ReadFile(Fixture("local_dates.csv"), options, c).ok());
  EXPECT_TRUE(c.rejects.empty());
  ASSERT_EQ(c.posts.size(), 11u);
  for (const Post& post : c.posts) {
    EXPECT_EQ(post.published_at, Utc(post.text)) << "row " << post.source_id;
  }
}

TEST(LocalZoneTest, MeltwaterDatesWithoutZoneReadInTimezone) {
  Collector utc, almaty;
  ReadOptions options;
  options.format = Format::kMeltwaterCsv;
  ASSERT_TRUE(ReadFile(Fixture("meltwater_utf8.csv"), options, utc).ok());
  options.timezone = "+05:00";
  ASSERT_TRUE(ReadFile(Fixture("meltwater_utf8.csv"), options, almaty).ok());
  ASSERT_FALSE(utc.posts.empty());
  ASSERT_EQ(utc.posts.size(), almaty.posts.size());
  for (size_t i = 0; i < utc.posts.size(); ++i) {
    EXPECT_EQ(almaty.posts[i].published_at, utc.posts[i].published_at - 5 * 3600) << i;
  }
}

TEST(LocalZoneTest, ReadFileRejectsABadTimezone) {
  Collector c;
  ReadOptions options;
  options.format = Format::kCsv;
  options.timezone = "Almaty";
  Status status = ReadFile(Fixture("local_dates.csv"), options, c);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("'Almaty'"), std::string::npos);
  EXPECT_TRUE(c.posts.empty());
}

}  // namespace
}  // namespace tenlik::listen
