#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "review_cli_fixture.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::RunTenlik;

class ReviewDistrictCommandTest : public testing::ReviewCliTest {
 protected:
  void SetUp() override {
    ReviewCliTest::SetUp();
    Init();
  }
};

TEST_F(ReviewDistrictCommandTest, OverviewShowsTheDistrictsSchoolsWithoutSmallGroups) {
  ClosedPaperCycle("1", "s1", "2026", "d-1");
  ClosedPaperCycle("2", "s2", "2026", "d-1");
  ClosedPaperCycle("3", "s3", "2026", "d-2");
  auto list = RunTenlik({"review", "cycle", "list", "--json"}, "", env_);
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(list.out)[0]["district_id"], "d-2");

  auto overview = RunTenlik({"review", "district", "overview", "d-1", "--json"}, "", env_);
  ASSERT_EQ(overview.exit_code, 0) << overview.err;
  const auto json = nlohmann::json::parse(overview.out);
  EXPECT_EQ(json["format"], "tenlik-review-district-overview");
  ASSERT_EQ(json["schools"].size(), 2u);
  EXPECT_EQ(json["schools"][0]["cycle"]["unit"]["id"], "s1");
  EXPECT_EQ(json["schools"][1]["cycle"]["unit"]["id"], "s2");
  for (const auto& school : json["schools"]) {
    for (const auto& node : school["nodes"]) {
      EXPECT_NE(node["level"], "section");
      EXPECT_EQ(node["groups"][2], (nlohmann::json{{"group", "parents"}, {"suppressed", true}}));
    }
  }

  auto text = RunTenlik({"review", "district", "overview", "d-1", "--lang", "en"}, "", env_);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("[2] School s2 · 2026 (2)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[1] Staff 100 Students 0"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Parents"), std::string::npos);

  auto none = RunTenlik({"review", "district", "overview", "d-9"}, "", env_);
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("No closed school cycle"), std::string::npos);
  auto help = RunTenlik({"review", "district", "overview", "--help", "--lang", "kk"}, "", env_);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("көрсетілмейді"), std::string::npos) << help.out;
}

TEST_F(ReviewDistrictCommandTest, PeerReviewOfADistrictCycle) {
  ASSERT_EQ(
      RunTenlik({"review", "cycle", "open", "--unit-id", "d-3", "--unit-name", "Medeu district",
                 "--region", "KZ-75", "--instrument", "district", "--label", "2026"},
                "", env_)
          .exit_code,
      0);
  auto peer = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"review", "peer"});
    return RunTenlik(args, "", env_);
  };
  auto own = peer({"invite", "1", "--account", "aigerim", "--district", "d-3"});
  EXPECT_EQ(own.exit_code, 2);
  EXPECT_NE(own.err.find("district_id"), std::string::npos) << own.err;
  EXPECT_EQ(peer({"comment", "1", "--account", "aigerim", "--text", "x"}).exit_code, 1);
  ASSERT_EQ(peer({"invite", "1", "--account", "aigerim", "--district", "d-5"}).exit_code, 0);
  auto challenge = peer({"comment", "1", "--account", "aigerim", "--kind", "challenge", "--text",
                         "Which schools does this rest on?", "--json"});
  ASSERT_EQ(challenge.exit_code, 0) << challenge.err;
  EXPECT_EQ(nlohmann::json::parse(challenge.out)["note"], 1);
  EXPECT_EQ(
      peer({"comment", "1", "--account", "aigerim", "--kind", "praise", "--text", "x"}).exit_code,
      2);
  ASSERT_EQ(peer({"reply", "1", "1", "--text", "Schools 1-12"}).exit_code, 0);
  EXPECT_EQ(peer({"reply", "1", "7", "--text", "none"}).exit_code, 1);

  auto list = peer({"list", "1", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto json = nlohmann::json::parse(list.out);
  EXPECT_EQ(json["reviewers"][0]["district_id"], "d-5");
  ASSERT_EQ(json["notes"].size(), 1u);
  EXPECT_EQ(json["notes"][0]["kind"], "challenge");
  EXPECT_EQ(json["notes"][0]["node_id"], "");
  EXPECT_EQ(json["notes"][0]["reply"], "Schools 1-12");
  auto text = peer({"list", "1", "--lang", "ru"});
  EXPECT_NE(text.out.find("весь обзор"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("ответ: Schools 1-12"), std::string::npos);
}

}  // namespace
}  // namespace tenlik
