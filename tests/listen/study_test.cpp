// Study files: parsing, defaults, and errors that name file, line and column.
#include <gtest/gtest.h>

#include <string>

#include "listen/listen.h"

namespace tenlik::listen {
namespace {

const std::string kDir = std::string(TENLIK_SOURCE_DIR) + "/tests/data/listen/study/";

TEST(StudyTest, ParsesMinimalStudyWithDefaults) {
  Result<Study> s = LoadStudy(kDir + "minimal.yaml");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 1);
  EXPECT_EQ(s->name.In("ru"), "Тестовое исследование");
  EXPECT_EQ(s->name.In("xx"), "Test study");
  ASSERT_EQ(s->subtopics.size(), 1u);
  ASSERT_EQ(s->subtopics[0].queries.size(), 2u);
  EXPECT_EQ(s->subtopics[0].queries[0].name.en, "Inclusion");  // inherits the sub-topic's name
  EXPECT_EQ(s->subtopics[0].queries[1].name.kk, "Пандустар");
  EXPECT_EQ(s->subtopics[0].queries[1].line, 13);
  EXPECT_EQ(s->lexicons.size(), 3u);
  EXPECT_EQ(s->thresholds.small_cell, 5);
  EXPECT_EQ(s->topics.k, 8);
  // Period bounds are local (+05:00) midnights.
  EXPECT_EQ(s->from_ts, 1735671600);       // 2025-01-01T00:00:00+05:00
  EXPECT_EQ(s->to_ts, 1767207600);         // 2026-01-01T00:00:00+05:00
}

TEST(StudyTest, ShippedStudyParses) {
  Result<Study> s = LoadStudy(std::string(TENLIK_SOURCE_DIR) + "/data/studies/inclusive-education.yaml");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->subtopics.size(), 7u);
  EXPECT_EQ(s->lexicons.size(), 6u);
  EXPECT_EQ(s->period_from, "2025-01-01");
  EXPECT_EQ(s->keyness.values.size(), 2u);
}

TEST(StudyTest, QueryErrorNamesLineAndQueryColumn) {
  Result<Study> s = LoadStudy(kDir + "bad_query.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("bad_query.yaml:9:16: "), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("column "), std::string::npos) << s.status().message();
}

TEST(StudyTest, MissingVersion) {
  Result<Study> s = LoadStudy(kDir + "no_version.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("no_version.yaml:1:1: missing 'version: 1'"), std::string::npos)
      << s.status().message();
}

TEST(StudyTest, ImpossibleDate) {
  Result<Study> s = LoadStudy(kDir + "bad_date.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("bad_date.yaml:5:7: expected period.to as a date YYYY-MM-DD"),
            std::string::npos)
      << s.status().message();
}

TEST(StudyTest, ErrorsFromText) {
  struct Case {
    std::string yaml, expected;
  };
  const std::string head = "version: 1\nname: {en: a, ru: b, kk: c}\nperiod: {from: 2025-01-01, to: 2025-02-01}\n";
  const std::string subs = "subtopics:\n  - id: a\n    name: {en: a, ru: b, kk: c}\n    queries: [{id: q, query: x}]\n";
  std::vector<Case> cases = {
      {"version: 2\n", "s.yaml:1:10: expected version 1"},
      {head + "colour: red\n" + subs, "s.yaml:4:1: unknown key 'colour' in a study"},
      {"version: 1\nname: {en: a, ru: b}\nperiod: {from: 2025-01-01, to: 2025-02-01}\n" + subs,
       "s.yaml:2:7: name: missing 'kk'"},
      {head + "thresholds: {small_cell: many}\n" + subs,
       "s.yaml:4:26: expected thresholds.small_cell (a whole number), found 'many'"},
      {head + "languages: [kk, fr]\n" + subs, "s.yaml:4:17: expected a language kk, ru, en, mixed or und, found 'fr'"},
      {head + "lexicons: [nowhere.tsv]\n" + subs, "s.yaml:4:12: lexicon file 'nowhere.tsv' not found"},
      {head + "subtopics:\n  - id: a\n    name: {en: a, ru: b, kk: c}\n    queries: [{id: q, query: x}, {id: q, query: y}]\n",
       "s.yaml:7:39: query id 'q' is used twice"},
      {head + "period: [\n", "s.yaml:"},
      {"", "s.yaml:1:1: expected a study"},
      {head + "timezone: UTC\n" + subs, "s.yaml:4:11: expected timezone as an offset from UTC like +05:00"},
  };
  for (const Case& c : cases) {
    Result<Study> s = ParseStudy(c.yaml, "s.yaml");
    ASSERT_FALSE(s.ok()) << c.yaml;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.status().message().rfind(c.expected, 0), 0u) << s.status().message() << "\n  expected: " << c.expected;
  }
}

TEST(StudyTest, LexiconErrors) {
  Result<std::vector<LexiconEntry>> ok = LoadLexicon(std::string(TENLIK_SOURCE_DIR) + "/data/lexicons/stigma.tsv");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_GT(ok->size(), 20u);
  EXPECT_EQ(LoadLexicon("/nonexistent.tsv").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace tenlik::listen
