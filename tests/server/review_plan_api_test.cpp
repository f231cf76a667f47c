// The development plan through the API: suggestions from a closed cycle's results,
// priorities, actions and progress, and the next cycle's follow-up. SQLite and
// PostgreSQL.
#include <set>
#include <tuple>

#include "review_server_fixture.h"

namespace tenlik::server {
namespace {

using store::testing::Backend;

class ReviewPlanApiTest : public ReviewServerTest {
 protected:
  // The response of a write with the coordinator's session.
  httplib::Result Send(const std::string& method, const std::string& path,
                       const nlohmann::json& body = nlohmann::json::object()) {
    httplib::Client client = Client();
    if (method == "PUT")
      return client.Put(path, Auth(coordinator_), body.dump(), "application/json");
    if (method == "DELETE") {
      return client.Delete(path, Auth(coordinator_), body.dump(), "application/json");
    }
    return client.Post(path, Auth(coordinator_), body.dump(), "application/json");
  }

  nlohmann::json Get(const std::string& path, int want = 200) {
    auto res = Client().Get(path, Auth(coordinator_));
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, want) << path << ": " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  nlohmann::json BodyOf(const httplib::Result& res, int want) {
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, want) << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  // Opens a cycle of school s17 labelled `label`, has each group of `answers` answer
  // (group -> {respondents, answer}) and closes it; the cycle's path.
  std::string RunCycle(const std::string& label,
                       const std::vector<std::tuple<std::string, int, std::string>>& answers) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [group, respondents, answer] : answers) counts[group] = respondents;
    auto opened =
        BodyOf(Send("POST", "/api/v1/review/cycles",
                    {{"unit", {{"id", "s17"}, {"name", "School No. 17"}, {"region", "KZ-ALA"}}},
                     {"instrument", "school"},
                     {"label", label},
                     {"codes", counts}}),
               201);
    if (!opened.is_object()) return "";
    for (const auto& code : opened["codes"]) {
      for (const auto& [group, respondents, answer] : answers) {
        if (code["group"] != group) continue;
        auto submitted = Client().Post(
            "/api/v1/respond/submit",
            nlohmann::json{{"code", code["code"]}, {"answers", AllAnswered(answer)}}.dump(),
            "application/json");
        EXPECT_TRUE(submitted && submitted->status == 204);
      }
    }
    return "/api/v1/review/cycles/" + std::to_string(opened["cycle"]["id"].get<int64_t>());
  }
};

const nlohmann::json kAction = {{"what", "Train staff in differentiated lessons"},
                                {"responsible_role", "deputy head"},
                                {"start", "2026-09-01"},
                                {"due", "2027-03-31"},
                                {"resources", "two training days"},
                                {"success_evidence", "lesson observations show adapted tasks"}};

TEST_P(ReviewPlanApiTest, CoordinatorPlansFromSuggestionsAndTheNextCycleFollowsUp) {
  // Staff disagree, students agree: low staff scores and a flagged gap everywhere. Two
  // parents answer too, a group too small ever to be shown.
  std::string first = RunCycle(
      "2026", {{"staff", 5, "disagree"}, {"students", 5, "agree"}, {"parents", 2, "disagree"}});
  ASSERT_FALSE(first.empty());

  // The plan rests on final results: nothing is chosen while the cycle is open.
  EXPECT_EQ(Get(first + "/plan")["priorities"].size(), 0u);
  EXPECT_EQ(ErrorCode(Send("POST", first + "/plan/priorities",
                           {{"indicator_id", "A1.1"}, {"reason", "low staff score"}})),
            "plan_needs_closed_cycle");
  ASSERT_EQ(BodyOf(Send("POST", first + "/close"), 200)["cycle"]["state"], "closed");

  nlohmann::json suggested = Get(first + "/plan/suggestions");
  ASSERT_FALSE(suggested["suggestions"].empty());
  EXPECT_EQ(suggested["low_score_below"], review::kLowScoreBelow);
  const nlohmann::json top = suggested["suggestions"][0];
  EXPECT_EQ(top["lowest_score"], 0.0);
  EXPECT_TRUE(top["priority_id"].is_null());
  std::set<std::string> reasons;
  for (const auto& suggestion : suggested["suggestions"]) {
    for (const auto& finding : suggestion["findings"]) {
      reasons.insert(finding["reason"]);
      EXPECT_NE(finding["group"], "parents") << suggestion;
      EXPECT_NE(finding["other_group"], "parents") << suggestion;
    }
  }
  EXPECT_EQ(reasons, (std::set<std::string>{"low_score", "flagged_gap"}));
  const std::string indicator = top["indicator_id"];

  // Choosing the top suggestion makes it a priority, once.
  nlohmann::json chosen = BodyOf(Send("POST", first + "/plan/priorities",
                                      {{"indicator_id", indicator}, {"reason", "low staff score"}}),
                                 201);
  int64_t priority = chosen["id"];
  ASSERT_EQ(chosen["plan"]["priorities"].size(), 1u);
  EXPECT_EQ(chosen["plan"]["format"], "tenlik-review-plan");
  EXPECT_EQ(chosen["plan"]["priorities"][0]["title"], top["title"]);
  EXPECT_EQ(ErrorCode(Send("POST", first + "/plan/priorities",
                           {{"indicator_id", indicator}, {"reason", "again"}})),
            "priority_exists");
  auto unknown =
      Send("POST", first + "/plan/priorities", {{"indicator_id", "Z9"}, {"reason", "x"}});
  EXPECT_EQ(ErrorCode(unknown), "invalid_plan");
  EXPECT_EQ(nlohmann::json::parse(unknown->body)["error"]["field"], "indicator_id");
  EXPECT_EQ(Get(first + "/plan/suggestions")["suggestions"][0]["priority_id"], priority);

  // An action with its dates, then progress through the year.
  std::string priority_path = first + "/plan/priorities/" + std::to_string(priority);
  nlohmann::json backwards = kAction;
  backwards["due"] = "2026-08-01";
  auto refused = Send("POST", priority_path + "/actions", backwards);
  EXPECT_EQ(ErrorCode(refused), "invalid_plan");
  EXPECT_EQ(nlohmann::json::parse(refused->body)["error"]["field"], "due");
  nlohmann::json added = BodyOf(Send("POST", priority_path + "/actions", kAction), 201);
  int64_t action = added["id"];
  const nlohmann::json& written = added["plan"]["priorities"][0]["actions"][0];
  EXPECT_EQ(written["id"], action);
  EXPECT_EQ(written["success_evidence"], kAction["success_evidence"]);
  EXPECT_EQ(written["status"], "not_started");
  std::string action_path = first + "/plan/actions/" + std::to_string(action);
  nlohmann::json edited = kAction;
  edited["resources"] = "three training days";
  EXPECT_EQ(BodyOf(Send("PUT", action_path, edited),
                   200)["plan"]["priorities"][0]["actions"][0]["resources"],
            "three training days");
  auto bad_status = Send("POST", action_path + "/progress",
                         {{"date", "2026-10-15"}, {"status", "finished"}, {"note", ""}});
  EXPECT_EQ(nlohmann::json::parse(bad_status->body)["error"]["field"], "status");
  nlohmann::json progressed =
      BodyOf(Send("POST", action_path + "/progress",
                  {{"date", "2026-10-15"}, {"status", "in_progress"}, {"note", "first day held"}}),
             201);
  const nlohmann::json& updated = progressed["plan"]["priorities"][0]["actions"][0];
  EXPECT_EQ(updated["status"], "in_progress");
  EXPECT_EQ(updated["progress"][0]["note"], "first day held");
  EXPECT_EQ(BodyOf(Send("PUT", priority_path,
                        {{"indicator_id", indicator}, {"reason", "staff and students disagree"}}),
                   200)["plan"]["priorities"][0]["reason"],
            "staff and students disagree");

  // Analysts and viewers read the plan.
  Login viewer = LogIn("viewer");
  auto read = Client().Get(first + "/plan", Auth(viewer));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  EXPECT_EQ(nlohmann::json::parse(read->body)["priorities"][0]["actions"][0]["status"],
            "in_progress");

  // The next cycle: everyone agrees. Its plan looks back at the first one's.
  std::string next = RunCycle("2027", {{"staff", 5, "agree"}, {"students", 5, "agree"}});
  ASSERT_FALSE(next.empty());
  ASSERT_EQ(BodyOf(Send("POST", next + "/close"), 200)["cycle"]["state"], "closed");
  nlohmann::json follow_up = Get(next + "/plan")["previous_plan"];
  ASSERT_TRUE(follow_up.is_object());
  EXPECT_EQ(first,
            "/api/v1/review/cycles/" + std::to_string(follow_up["cycle"]["id"].get<int64_t>()));
  ASSERT_EQ(follow_up["priorities"].size(), 1u);
  const nlohmann::json& scores = follow_up["priorities"][0]["scores"];
  EXPECT_EQ(scores[0], (nlohmann::json{{"group", "staff"}, {"then", 0.0}, {"now", 100.0}}));
  EXPECT_EQ(scores[2], (nlohmann::json{{"group", "parents"}, {"then", nullptr}, {"now", nullptr}}));
  EXPECT_EQ(follow_up["priorities"][0]["actions"][0]["status"], "in_progress");
  EXPECT_TRUE(Get(first + "/plan")["previous_plan"].is_null());

  // A priority or action is addressed through its own cycle only.
  EXPECT_EQ(ErrorCode(Send("DELETE", next + "/plan/actions/" + std::to_string(action))),
            "plan_item_not_found");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/review/cycles/999/plan", Auth(coordinator_))),
            "cycle_not_found");

  // Removing the action, then the priority, empties the plan.
  EXPECT_EQ(BodyOf(Send("DELETE", action_path), 200)["plan"]["priorities"][0]["actions"].size(),
            0u);
  EXPECT_EQ(BodyOf(Send("DELETE", priority_path), 200)["plan"]["priorities"].size(), 0u);
  EXPECT_EQ(ErrorCode(Send("DELETE", priority_path)), "plan_item_not_found");

  // The audit log says what changed, never the plan's text.
  auto audit = Accounts().ListAudit(100, "");
  ASSERT_TRUE(audit.ok());
  int edits = 0;
  for (const accounts::AuditEntry& entry : *audit) {
    if (entry.action != "review_plan_edit") continue;
    ++edits;
    EXPECT_EQ(entry.detail.find("training"), std::string::npos);
  }
  EXPECT_EQ(edits, 7);
}

TEST_P(ReviewPlanApiTest, PlanWritesNeedTheCsrfToken) {
  auto no_csrf =
      Client().Post("/api/v1/review/cycles/1/plan/priorities", {{"Cookie", coordinator_.cookie}},
                    R"({"indicator_id":"A1.1","reason":"x"})", "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf_failed");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewPlanApiTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::server
