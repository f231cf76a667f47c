// A study run compared with an earlier one: the rows, their z-test, and reading
// the earlier results.json back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "listen/annotate_internal.h"

namespace tenlik::listen {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json Results(int64_t original, int64_t inclusive, int64_t ramps, int64_t girls, int64_t boys,
             const std::string& fingerprint) {
  return {{"posts", {{"original", original}, {"all", original + 10}}},
          {"study",
           {{"generated_at", "2026-11-01T10:00:00Z"},
            {"period", {{"from", "2025-01-01"}, {"to", "2025-12-31"}}},
            {"fingerprint", fingerprint}}},
          {"subtopics", json::array({{{"key", "inclusive"}, {"posts", inclusive}}})},
          {"lexicon",
           {{"barriers",
             {{"denominator", original},
              {"categories", json::array({{{"key", "access"}, {"posts", ramps}}})}}}}},
          {"gender", {{"girls", girls}, {"boys", boys}}},
          {"stigma",
           {{"quarters", json::array({{{"any", 40}, {"stigmatising", 20}},
                                      {{"any", 60}, {"stigmatising", 10}}})}}},
          {"sentiment", {{"available", false}}}};
}

const json* Row(const json& comparison, const std::string& section, const std::string& key) {
  for (const json& row : comparison["rows"]) {
    if (row["section"] == section && row["key"] == key) return &row;
  }
  return nullptr;
}

TEST(StudyCompareTest, SharesSideBySideWithChangeAndTwoProportionTest) {
  json before = Results(1000, 300, 100, 50, 50, "aaa");
  json now = Results(1000, 450, 105, 50, 80, "aaa");
  now["subtopics"].push_back({{"key", "new_subtopic"}, {"posts", 7}});
  json comparison = CompareResults(before, now);

  const json* inclusive = Row(comparison, "subtopic", "inclusive");
  ASSERT_NE(inclusive, nullptr);
  EXPECT_EQ((*inclusive)["previous"], 300);
  EXPECT_EQ((*inclusive)["now_of"], 1000);
  EXPECT_NEAR((*inclusive)["change_points"].get<double>(), 15.0, 1e-9);
  // Pooled p = 0.375; se = sqrt(0.375 * 0.625 * 2 / 1000) = 0.021651; z = 0.15 / se.
  EXPECT_NEAR((*inclusive)["z"].get<double>(), 0.15 / std::sqrt(0.375 * 0.625 * 0.002), 1e-9);
  EXPECT_TRUE((*inclusive)["significant"].get<bool>());

  const json* access = Row(comparison, "barriers", "access");
  ASSERT_NE(access, nullptr);
  EXPECT_NEAR((*access)["change_points"].get<double>(), 0.5, 1e-9);
  EXPECT_FALSE((*access)["significant"].get<bool>());

  const json* girls = Row(comparison, "gender", "girls");
  ASSERT_NE(girls, nullptr);
  EXPECT_EQ((*girls)["change_points"].get<double>(), 0.0);
  EXPECT_FALSE((*girls)["significant"].get<bool>());
  EXPECT_TRUE((*Row(comparison, "gender", "boys"))["significant"].get<bool>());  // 5 % -> 8 %

  const json* added = Row(comparison, "subtopic", "new_subtopic");
  ASSERT_NE(added, nullptr);  // only in this run: 0 before
  EXPECT_EQ((*added)["previous"], 0);
  EXPECT_EQ((*added)["now"], 7);

  const json* stigma = Row(comparison, "stigma", "stigmatising");
  ASSERT_NE(stigma, nullptr);
  EXPECT_EQ((*stigma)["previous"], 30);
  EXPECT_EQ((*stigma)["previous_of"], 100);
  // Sentiment is compared only when both runs rated it.
  EXPECT_EQ(Row(comparison, "sentiment", "positive"), nullptr);

  EXPECT_TRUE(comparison["previous"]["same_fingerprint"].get<bool>());
  EXPECT_EQ(comparison["previous"]["generated_at"], "2026-11-01T10:00:00Z");
  EXPECT_FALSE(
      CompareResults(before, Results(1000, 300, 100, 50, 50, "bbb"))["previous"]["same_fingerprint"]
          .get<bool>());
}

TEST(StudyCompareTest, AnEmptyOrOddEarlierRunGivesRowsWithoutFailing) {
  json comparison = CompareResults(json::object(), Results(10, 5, 1, 1, 1, "a"));
  const json* inclusive = Row(comparison, "subtopic", "inclusive");
  ASSERT_NE(inclusive, nullptr);
  EXPECT_EQ((*inclusive)["previous_of"], 0);
  EXPECT_EQ((*inclusive)["z"].get<double>(), 0.0);
  json odd = Results(10, 5, 1, 1, 1, "a");
  odd["posts"]["original"] = "ten";
  odd["stigma"]["quarters"] = json::array({{{"any", "x"}}});
  EXPECT_NO_THROW(CompareResults(odd, Results(10, 5, 1, 1, 1, "a")));
}

TEST(StudyCompareTest, ReadsTheEarlierResultsFromTheFileOrItsFolder) {
  fs::path dir = fs::temp_directory_path() / ("tenlik_compare_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "results.json") << Results(10, 5, 1, 1, 1, "a").dump(); }
  Result<json> from_dir = LoadPreviousResults(dir.string());
  ASSERT_TRUE(from_dir.ok()) << from_dir.status().ToString();
  EXPECT_EQ((*from_dir)["posts"]["original"], 10);
  EXPECT_TRUE(LoadPreviousResults((dir / "results.json").string()).ok());

  Result<json> missing = LoadPreviousResults((dir / "nothing").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nothing"), std::string::npos);

  std::ofstream(dir / "not.json") << "{ not json";
  Result<json> broken = LoadPreviousResults((dir / "not.json").string());
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("not.json: not JSON"), std::string::npos);

  std::ofstream(dir / "other.json") << R"({"a": 1})";
  EXPECT_FALSE(LoadPreviousResults((dir / "other.json").string()).ok());

  json newer = Results(10, 5, 1, 1, 1, "a");
  newer["results_version"] = kResultsVersion + 1;
  std::ofstream(dir / "newer.json") << newer.dump();
  Result<json> refused = LoadPreviousResults((dir / "newer.json").string());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("newer Tenlik"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tenlik::listen
