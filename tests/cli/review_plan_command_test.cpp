#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "review_cli_fixture.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::kReviewData;
using testing::ReadFile;
using testing::RunTenlik;

// A store with cycle 1 of school s1 answered on paper and closed (ClosedPaperCycle).
class ReviewPlanCommandTest : public testing::ReviewCliTest {
 protected:
  void SetUp() override {
    ReviewCliTest::SetUp();
    Init();
    ClosedPaperCycle("1", "s1", "2026");
  }

  testing::CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"review", "plan"});
    return RunTenlik(args, "", env_);
  }
};

TEST_F(ReviewPlanCommandTest, SuggestsFromShownGroupsOnly) {
  auto suggest = Run({"suggest", "1", "--json"});
  ASSERT_EQ(suggest.exit_code, 0) << suggest.err;
  const auto json = nlohmann::json::parse(suggest.out);
  const auto& list = json["suggestions"];
  ASSERT_EQ(list.size(), 2u) << suggest.out;
  // A1.1: students score 0 and the staff-students gap; A1.2: staff all need more
  // information.
  EXPECT_EQ(list[0]["indicator_id"], "A1.1");
  ASSERT_EQ(list[0]["findings"].size(), 2u);
  EXPECT_EQ(list[0]["findings"][0]["reason"], "low_score");
  EXPECT_EQ(list[0]["findings"][0]["group"], "students");
  EXPECT_EQ(list[0]["findings"][1]["reason"], "flagged_gap");
  EXPECT_EQ(list[0]["findings"][1]["value"], 100.0);  // no spread: d is undefined
  EXPECT_TRUE(list[0]["findings"][1]["effect_size"].is_null());
  EXPECT_EQ(list[1]["indicator_id"], "A1.2");
  EXPECT_EQ(list[1]["findings"][0]["reason"], "need_more_information");
  EXPECT_EQ(list[1]["findings"][0]["value"], 1.0);
  EXPECT_EQ(suggest.out.find("parents"), std::string::npos);

  auto text = Run({"suggest", "1", "--lang", "ru"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("низкий балл: Обучающиеся 0"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("нужно больше информации: Сотрудники 100%"), std::string::npos);
  EXPECT_NE(text.out.find("расхождение: Сотрудники - Обучающиеся 100 (d не определён: внутри "
                          "каждой группы ответы одинаковы)"),
            std::string::npos);
}

TEST_F(ReviewPlanCommandTest, BuildsAPlanAndTheNextCycleLooksBack) {
  auto added = Run({"add", "1", "--json", "--indicator", "A1.1", "--why", "students score 0"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(nlohmann::json::parse(added.out)["priority"], 1);
  auto action = Run({"action", "1", "--priority", "1", "--what", "Peer support in lessons",
                     "--role", "deputy head", "--start", "2026-09-01", "--due", "2026-12-20",
                     "--resources", "two trainer days", "--evidence", "lesson observations"});
  ASSERT_EQ(action.exit_code, 0) << action.err;
  ASSERT_EQ(Run({"progress", "1", "--action", "1", "--status", "in_progress", "--date",
                 "2026-10-01", "--note", "first sessions held"})
                .exit_code,
            0);

  auto shown = Run({"show", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("A1.1"), std::string::npos);
  EXPECT_NE(shown.out.find("Peer support in lessons [in_progress]"), std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("2026-10-01 in_progress: first sessions held"), std::string::npos);

  // The HTML export of the cycle carries the plan.
  const std::string html = (dir_ / "r.html").string();
  ASSERT_EQ(RunTenlik({"review", "cycle", "export", "1", "--format", "html", "--out", html,
                       "--lang", "en"},
                      "", env_)
                .exit_code,
            0);
  EXPECT_NE(ReadFile(html).find("Development plan"), std::string::npos);

  // The next cycle shows the plan of this one with the scores then and now.
  ClosedPaperCycle("2", "s1", "2027");
  auto next = Run({"show", "2", "--json"});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  const auto json = nlohmann::json::parse(next.out);
  EXPECT_EQ(json["format"], "tenlik-review-plan");
  EXPECT_TRUE(json["priorities"].empty());
  EXPECT_EQ(json["previous_plan"]["cycle"]["id"], 1);
  const auto& priority = json["previous_plan"]["priorities"][0];
  EXPECT_EQ(priority["indicator_id"], "A1.1");
  EXPECT_EQ(priority["actions"][0]["status"], "in_progress");
  EXPECT_EQ(priority["scores"][1]["group"], "students");
  EXPECT_EQ(priority["scores"][1]["then"], 0.0);
  EXPECT_EQ(priority["scores"][1]["now"], 0.0);
  EXPECT_TRUE(priority["scores"][2]["then"].is_null());  // parents: suppressed
}

TEST_F(ReviewPlanCommandTest, RefusesBadInputWithUsageOrFailureCodes) {
  auto unknown = Run({"add", "1", "--indicator", "Z9", "--why", "x"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("indicator_id"), std::string::npos) << unknown.err;
  EXPECT_EQ(Run({"add", "1", "--indicator", "A1.1"}).exit_code, 2);  // --why missing
  ASSERT_EQ(Run({"add", "1", "--indicator", "A1.1", "--why", "x"}).exit_code, 0);
  auto dates = Run({"action", "1", "--priority", "1", "--what", "w", "--role", "head", "--start",
                    "2026-10-01", "--due", "2026-09-01", "--evidence", "e"});
  EXPECT_EQ(dates.exit_code, 2);
  EXPECT_NE(dates.err.find("due 2026-09-01 is before start"), std::string::npos) << dates.err;
  EXPECT_EQ(Run({"progress", "1", "--action", "1", "--status", "finished"}).exit_code, 2);
  EXPECT_EQ(Run({"progress", "1", "--action", "7", "--status", "done"}).exit_code, 1);
  EXPECT_EQ(Run({"show", "9"}).exit_code, 1);
  // A cycle still open has no plan yet.
  ASSERT_EQ(RunTenlik({"review", "cycle", "open", "--unit-id", "s2", "--unit-name", "School 2",
                       "--region", "KZ-ALA", "--instrument", "school", "--label", "2026"},
                      "", env_)
                .exit_code,
            0);
  EXPECT_EQ(Run({"add", "2", "--indicator", "A1.1", "--why", "x"}).exit_code, 1);

  auto help = Run({"action", "--help", "--lang", "kk"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Жауапты рөл"), std::string::npos) << help.out;
  help = Run({"--help", "--lang", "ru"});
  EXPECT_NE(help.out.find("suggest"), std::string::npos);
  EXPECT_NE(help.out.find("План развития"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace tenlik
