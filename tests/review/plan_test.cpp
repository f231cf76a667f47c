#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "review/review.h"
#include "review_store_fixture.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PlanTest : public testing::ReviewStoreTest {
 protected:
  void Close(int64_t cycle) { ASSERT_TRUE(CloseCycle(*db_, cycle, 1'790'000'000).ok()); }

  // staff (5): A1.1.a agree x4, disagree x1, A1.1.b need more information: score 80,
  // need more information 50%. students (6): A1.1.a disagree x3, to some extent x3
  // (score 25), A1.2.a disagree (score 0). parents (4, suppressed): A1.3.a disagree.
  int64_t ClosedCycleWithKnownAnswers() {
    const int64_t cycle = Open("s1", "2026", 1'780'000'000);
    std::vector<Answers> staff(
        4, {{"A1.1.a", Response::kAgree}, {"A1.1.b", Response::kNeedMoreInformation}});
    staff.push_back({{"A1.1.a", Response::kDisagree}, {"A1.1.b", Response::kNeedMoreInformation}});
    Add(cycle, "staff", staff);
    std::vector<Answers> students(
        3, {{"A1.1.a", Response::kDisagree}, {"A1.2.a", Response::kDisagree}});
    students.insert(students.end(), 3,
                    {{"A1.1.a", Response::kAgreeToSomeExtent}, {"A1.2.a", Response::kDisagree}});
    Add(cycle, "students", students);
    Add(cycle, "parents", std::vector<Answers>(4, {{"A1.3.a", Response::kDisagree}}));
    Close(cycle);
    return cycle;
  }

  static ActionFields SomeAction() {
    return {"Staff workshop on adapting lessons",
            "deputy head",
            "2026-09-01",
            "2026-12-20",
            "two trainer days",
            "lesson observations show adapted tasks"};
  }
};

TEST_P(PlanTest, SuggestsIndicatorsWithLowScoresGapsAndMissingInformationRanked) {
  const int64_t cycle = ClosedCycleWithKnownAnswers();
  Result<CycleResults> results = ComputeResults(*db_, cycle);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  const std::vector<PrioritySuggestion> suggestions = SuggestPriorities(*results);
  // A1.3 only has answers of the suppressed parents: never suggested.
  ASSERT_EQ(suggestions.size(), 2u);
  const PrioritySuggestion& first = suggestions[0];
  EXPECT_EQ(first.indicator_id, "A1.1");
  EXPECT_FALSE(first.title.en.empty());
  ASSERT_EQ(first.findings.size(), 3u);
  EXPECT_EQ(first.findings[0].reason, SuggestionReason::kLowScore);
  EXPECT_EQ(first.findings[0].group, "students");
  EXPECT_DOUBLE_EQ(first.findings[0].value, 25);
  EXPECT_EQ(first.findings[1].reason, SuggestionReason::kFlaggedGap);
  EXPECT_EQ(first.findings[1].group, "staff");
  EXPECT_EQ(first.findings[1].other_group, "students");
  EXPECT_DOUBLE_EQ(first.findings[1].value, 55);
  EXPECT_GT(first.findings[1].effect_size.value_or(0), 0.5);
  EXPECT_EQ(first.findings[2].reason, SuggestionReason::kNeedMoreInformation);
  EXPECT_EQ(first.findings[2].group, "staff");
  EXPECT_DOUBLE_EQ(first.findings[2].value, 0.5);
  ASSERT_TRUE(first.lowest_score.has_value());
  EXPECT_DOUBLE_EQ(*first.lowest_score, 25);
  EXPECT_EQ(suggestions[1].indicator_id, "A1.2");
  ASSERT_EQ(suggestions[1].findings.size(), 1u);
  EXPECT_DOUBLE_EQ(suggestions[1].findings[0].value, 0);
  for (const PrioritySuggestion& s : suggestions) {
    for (const SuggestionFinding& f : s.findings) {
      EXPECT_NE(f.group, "parents");
      EXPECT_NE(f.other_group, "parents");
    }
  }
  // A stricter gap threshold drops the gap, not the other findings.
  results = ComputeResults(*db_, cycle, 5.0);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(SuggestPriorities(*results)[0].findings.size(), 2u);
}

TEST_P(PlanTest, PlanNeedsAClosedCycleAndValidFields) {
  const int64_t open = Open("s1", "2026", 1'780'000'000);
  EXPECT_EQ(AddPriority(*db_, open, {"A1.1", "low score", ""}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(AddPriority(*db_, 999, {"A1.1", "low score", ""}).status().code(),
            StatusCode::kNotFound);
  Close(open);
  const int64_t cycle = open;

  Result<int64_t> unknown = AddPriority(*db_, cycle, {"Z9.9", "why", ""});
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("indicator_id"), std::string::npos);
  Result<int64_t> no_reason = AddPriority(*db_, cycle, {"A1.1", "  ", ""});
  EXPECT_EQ(no_reason.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_reason.status().message().find("reason"), std::string::npos);

  Result<int64_t> priority = AddPriority(*db_, cycle, {"A1.1", "students score 25", ""});
  ASSERT_TRUE(priority.ok()) << priority.status().ToString();
  EXPECT_EQ(AddPriority(*db_, cycle, {"A1.1", "again", ""}).status().code(),
            StatusCode::kAlreadyExists);

  auto action_error = [&](ActionFields fields) {
    Result<int64_t> added = AddAction(*db_, cycle, *priority, fields);
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    return added.status().message();
  };
  ActionFields fields = SomeAction();
  fields.responsible_role = "";
  EXPECT_NE(action_error(fields).find("responsible_role"), std::string::npos);
  fields = SomeAction();
  fields.start = "2026-02-30";
  EXPECT_NE(action_error(fields).find("start '2026-02-30'"), std::string::npos);
  fields = SomeAction();
  fields.due = "2026-08-31";
  EXPECT_NE(action_error(fields).find("due 2026-08-31 is before start"), std::string::npos);
  fields = SomeAction();
  fields.success_evidence = "";
  EXPECT_NE(action_error(fields).find("success_evidence"), std::string::npos);
  fields = SomeAction();
  fields.start = fields.due = "2028-02-29";  // a leap day
  EXPECT_TRUE(AddAction(*db_, cycle, *priority, fields).ok());

  // A priority of another cycle is not found through this one.
  const int64_t other = Open("s1", "2027", 1'790'000'000);
  Close(other);
  EXPECT_EQ(AddAction(*db_, other, *priority, SomeAction()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(
      AddProgress(*db_, cycle, 12345, {"2026-10-01", ActionStatus::kDone, ""}).status().code(),
      StatusCode::kNotFound);
}

TEST_P(PlanTest, ActionsProgressEditsAndRemovalsAreStored) {
  const int64_t cycle = ClosedCycleWithKnownAnswers();
  Result<int64_t> a11 = AddPriority(*db_, cycle, {"A1.1", "students score 25", "first"});
  Result<int64_t> a12 = AddPriority(*db_, cycle, {"A1.2", "students score 0", ""});
  ASSERT_TRUE(a11.ok() && a12.ok());
  Result<int64_t> workshop = AddAction(*db_, cycle, *a11, SomeAction());
  Result<int64_t> visit =
      AddAction(*db_, cycle, *a12,
                {"Visit a partner school", "head", "2026-10-01", "2026-10-31", "", "visit notes"});
  ASSERT_TRUE(workshop.ok() && visit.ok());
  // Updates entered out of date order: the latest by date decides the status.
  ASSERT_TRUE(
      AddProgress(*db_, cycle, *workshop, {"2026-11-15", ActionStatus::kDone, "held"}).ok());
  ASSERT_TRUE(
      AddProgress(*db_, cycle, *workshop, {"2026-09-10", ActionStatus::kInProgress, "planned"})
          .ok());
  EXPECT_EQ(
      AddProgress(*db_, cycle, *workshop, {"15.11.2026", ActionStatus::kDone, ""}).status().code(),
      StatusCode::kInvalidArgument);

  Result<DevelopmentPlan> plan = GetPlan(*db_, cycle);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->priorities.size(), 2u);
  const Priority& first = plan->priorities[0];
  EXPECT_EQ(first.fields.indicator_id, "A1.1");
  EXPECT_EQ(first.fields.note, "first");
  ASSERT_EQ(first.actions.size(), 1u);
  EXPECT_EQ(first.actions[0].fields.responsible_role, "deputy head");
  ASSERT_EQ(first.actions[0].progress.size(), 2u);
  EXPECT_EQ(first.actions[0].progress[0].date, "2026-09-10");
  EXPECT_EQ(LatestStatus(first.actions[0]), ActionStatus::kDone);
  EXPECT_EQ(LatestStatus(plan->priorities[1].actions[0]), ActionStatus::kNotStarted);

  // Edits: the indicator may change, but not to one already chosen.
  EXPECT_EQ(EditPriority(*db_, cycle, *a12, {"A1.1", "x", ""}).code(), StatusCode::kAlreadyExists);
  ASSERT_TRUE(EditPriority(*db_, cycle, *a12, {"A1.4", "moved", ""}).ok());
  ActionFields later = SomeAction();
  later.due = "2027-01-31";
  ASSERT_TRUE(EditAction(*db_, cycle, *workshop, later).ok());
  later.due = "2020-01-01";
  EXPECT_EQ(EditAction(*db_, cycle, *workshop, later).code(), StatusCode::kInvalidArgument);

  // Removing a priority removes its actions and their progress.
  ASSERT_TRUE(RemovePriority(*db_, cycle, *a11).ok());
  EXPECT_EQ(
      AddProgress(*db_, cycle, *workshop, {"2026-12-01", ActionStatus::kDone, ""}).status().code(),
      StatusCode::kNotFound);
  ASSERT_TRUE(RemoveAction(*db_, cycle, *visit).ok());
  plan = GetPlan(*db_, cycle);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->priorities.size(), 1u);
  EXPECT_EQ(plan->priorities[0].fields.indicator_id, "A1.4");
  EXPECT_EQ(plan->priorities[0].fields.reason, "moved");
  EXPECT_TRUE(plan->priorities[0].actions.empty());
  // Everything of the removed priority is gone, so the indicator can be chosen again.
  EXPECT_TRUE(AddPriority(*db_, cycle, {"A1.1", "again", ""}).ok());
}

TEST_P(PlanTest, NextCycleLooksBackAtThePlanWithScoresThenAndNow) {
  const int64_t first = ClosedCycleWithKnownAnswers();
  Result<int64_t> priority = AddPriority(*db_, first, {"A1.1", "students score 25", ""});
  ASSERT_TRUE(priority.ok());
  Result<int64_t> action = AddAction(*db_, first, *priority, SomeAction());
  ASSERT_TRUE(action.ok());
  ASSERT_TRUE(
      AddProgress(*db_, first, *action, {"2027-03-01", ActionStatus::kBlocked, "no trainer"}).ok());

  Result<std::optional<PlanFollowUp>> none = FollowUpPreviousPlan(*db_, first);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  // The next year: students all agree to some extent (50); staff too few to show.
  const int64_t second = Open("s1", "2027", 1'800'000'000);
  Add(second, "students", std::vector<Answers>(5, {{"A1.1.a", Response::kAgreeToSomeExtent}}));
  Add(second, "staff", std::vector<Answers>(2, {{"A1.1.a", Response::kAgree}}));
  Result<std::optional<PlanFollowUp>> follow_up = FollowUpPreviousPlan(*db_, second);
  ASSERT_TRUE(follow_up.ok()) << follow_up.status().ToString();
  ASSERT_TRUE(follow_up->has_value());
  const PlanFollowUp& back = **follow_up;
  EXPECT_EQ(back.planned_cycle_id, first);
  EXPECT_EQ(back.planned_label, "2026");
  ASSERT_EQ(back.priorities.size(), 1u);
  const PriorityFollowUp& item = back.priorities[0];
  EXPECT_EQ(item.priority.fields.indicator_id, "A1.1");
  ASSERT_EQ(item.scores.size(), 3u);
  EXPECT_EQ(item.scores[0].group, "staff");
  EXPECT_DOUBLE_EQ(item.scores[0].then.value_or(-1), 80);
  EXPECT_FALSE(item.scores[0].now.has_value());  // 2 respondents: suppressed
  EXPECT_DOUBLE_EQ(item.scores[1].then.value_or(-1), 25);
  EXPECT_DOUBLE_EQ(item.scores[1].now.value_or(-1), 50);
  EXPECT_FALSE(item.scores[2].then.has_value());  // parents were 4
  ASSERT_EQ(item.priority.actions.size(), 1u);
  EXPECT_EQ(LatestStatus(item.priority.actions[0]), ActionStatus::kBlocked);

  Result<DevelopmentPlan> plan = GetPlan(*db_, second);
  ASSERT_TRUE(plan.ok());
  const auto json = nlohmann::json::parse(PlanToJson(*plan, *follow_up));
  EXPECT_EQ(json["format"], "tenlik-review-plan");
  EXPECT_EQ(json["format_version"], 1);
  EXPECT_EQ(json["cycle"]["id"], second);
  EXPECT_TRUE(json["priorities"].empty());
  const auto& previous = json["previous_plan"]["priorities"][0];
  EXPECT_EQ(previous["indicator_id"], "A1.1");
  EXPECT_EQ(previous["actions"][0]["status"], "blocked");
  EXPECT_EQ(previous["actions"][0]["progress"][0]["note"], "no trainer");
  EXPECT_EQ(previous["scores"][1]["now"], 50.0);
  EXPECT_TRUE(previous["scores"][0]["now"].is_null());
}

TEST_P(PlanTest, HtmlReportHasTheDevelopmentPlanSection) {
  const int64_t cycle = ClosedCycleWithKnownAnswers();
  Result<int64_t> priority = AddPriority(*db_, cycle, {"A1.1", "students score 25", ""});
  ASSERT_TRUE(priority.ok());
  ASSERT_TRUE(AddAction(*db_, cycle, *priority, SomeAction()).ok());
  Result<CycleResults> results = ComputeResults(*db_, cycle);
  Result<Instrument> instrument = GetInstrument(*db_, "school", std::nullopt);
  Result<DevelopmentPlan> plan = GetPlan(*db_, cycle);
  ASSERT_TRUE(results.ok() && instrument.ok() && plan.ok());
  const fs::path dir =
      fs::temp_directory_path() / ("tenlik_review_plan_" + std::to_string(::getpid()) + "_" +
                                   std::string(store::testing::BackendName({GetParam(), 0})));
  fs::create_directories(dir);
  const std::string with = (dir / "with.html").string();
  const std::string without = (dir / "without.html").string();
  ASSERT_TRUE(ExportResults(*results, *instrument, "ru", with, *plan).ok());
  ASSERT_TRUE(ExportResults(*results, *instrument, "ru", without).ok());
  const std::string html = ReadFile(with);
  EXPECT_NE(html.find("План развития"), std::string::npos);
  EXPECT_NE(html.find("Staff workshop on adapting lessons"), std::string::npos);
  EXPECT_NE(html.find("Не начато"), std::string::npos);
  EXPECT_EQ(ReadFile(without).find("План развития"), std::string::npos);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
