// Review cycles through the API: coordinators open, issue, close and read results;
// respondents answer with codes in the body. SQLite and PostgreSQL.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <set>

#include "review_server_fixture.h"

namespace tenlik::server {
namespace {

using store::testing::Backend;

class ReviewApiTest : public ReviewServerTest {
 protected:
  httplib::Result Post(const std::string& path, const nlohmann::json& body,
                       const httplib::Headers& headers = {}) {
    return Client().Post(path, headers, body.dump(), "application/json");
  }

  // Opens a school cycle with `counts` codes per group; the response body.
  nlohmann::json OpenCycle(const nlohmann::json& counts) {
    auto res = Post("/api/v1/review/cycles",
                    {{"unit", {{"id", "s17"}, {"name", "School No. 17"}, {"region", "KZ-ALA"}}},
                     {"instrument", "school"},
                     {"label", "2026 spring"},
                     {"base_url", "https://tenlik.example.kz/"},
                     {"codes", counts}},
                    Auth(coordinator_));
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, 201) << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  std::vector<std::string> CodesOf(const nlohmann::json& opened, const std::string& group) {
    std::vector<std::string> codes;
    for (const auto& code : opened["codes"]) {
      if (code["group"] == group) codes.push_back(code["code"]);
    }
    return codes;
  }

  httplib::Result Submit(const std::string& code, const nlohmann::json& answers) {
    return Post("/api/v1/respond/submit", {{"code", code}, {"answers", answers}});
  }

  void ExpectNoCodeLogged(const std::vector<std::string>& codes) {
    for (const std::string& line : LogLines()) {
      for (const std::string& code : codes) {
        EXPECT_EQ(line.find(code), std::string::npos) << line;
        EXPECT_EQ(line.find(code.substr(0, 5)), std::string::npos) << line;
      }
    }
  }
};

TEST_P(ReviewApiTest, CoordinatorRunsACycleAndRespondentsAnswerWithCodes) {
  nlohmann::json opened = OpenCycle({{"staff", 6}, {"students", 6}, {"parents", 3}});
  ASSERT_TRUE(opened.is_object());
  ASSERT_EQ(opened["codes"].size(), 15u);
  const nlohmann::json& first = opened["codes"][0];
  EXPECT_EQ(first["url"], "https://tenlik.example.kz/r/" + first["code"].get<std::string>());
  EXPECT_NE(first["qr_svg"].get<std::string>().find("<svg"), std::string::npos);
  int64_t id = opened["cycle"]["id"];
  EXPECT_EQ(opened["cycle"]["state"], "open");
  EXPECT_EQ(opened["cycle"]["groups"][0]["group"], "staff");
  EXPECT_EQ(opened["cycle"]["groups"][0]["codes_issued"], 6);
  std::vector<std::string> staff = CodesOf(opened, "staff");
  std::vector<std::string> students = CodesOf(opened, "students");
  std::vector<std::string> parents = CodesOf(opened, "parents");
  ASSERT_EQ(students.size(), 6u);

  // A student opens the form, typing the code in lower case with a dash.
  std::string typed = students[0].substr(0, 5) + "-" + students[0].substr(5);
  std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
  auto open = Post("/api/v1/respond/open", {{"code", typed}});
  ASSERT_TRUE(open);
  ASSERT_EQ(open->status, 200) << open->body;
  nlohmann::json form = nlohmann::json::parse(open->body);
  EXPECT_EQ(form["group"], "students");
  EXPECT_EQ(form["cycle"]["label"], "2026 spring");
  EXPECT_EQ(form["cycle"]["unit_name"], "School No. 17");
  EXPECT_FALSE(form["group_label"]["kk"].get<std::string>().empty());
  EXPECT_EQ(form["scale"].size(), 4u);
  EXPECT_TRUE(form["draft"].empty());
  auto instrument = review::GetInstrument(*db_, "school", std::nullopt);
  ASSERT_TRUE(instrument.ok());
  const review::Question& question = review::Indicators(*instrument)[0]->questions[0];
  ASSERT_FALSE(form["questions"].empty());
  EXPECT_EQ(form["questions"][0]["id"], question.id);
  EXPECT_EQ(form["questions"][0]["text"]["ru"], question.student.ru);  // student wording
  auto staff_form = nlohmann::json::parse(Post("/api/v1/respond/open", {{"code", staff[0]}})->body);
  EXPECT_EQ(staff_form["questions"][0]["text"]["kk"], question.adult.kk);

  // The draft is kept between visits, merged answer by answer.
  auto saved = Client().Put(
      "/api/v1/respond/draft",
      nlohmann::json{{"code", students[0]}, {"answers", {{question.id, "disagree"}}}}.dump(),
      "application/json");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 204) << saved->body;
  form = nlohmann::json::parse(Post("/api/v1/respond/open", {{"code", students[0]}})->body);
  EXPECT_EQ(form["draft"][question.id], "disagree");
  EXPECT_EQ(ErrorCode(Client().Put(
                "/api/v1/respond/draft",
                nlohmann::json{{"code", students[0]}, {"answers", {{question.id, "maybe"}}}}.dump(),
                "application/json")),
            "invalid_answers");
  EXPECT_EQ(ErrorCode(Submit(students[1], {{"no-such-question", "agree"}})), "invalid_answers");

  // Staff all agree, students all disagree: a gap; 3 parents stay below 5.
  for (const std::string& code : staff) {
    if (code == staff.back()) continue;  // kept for after the close
    auto sent = Submit(code, AllAnswered("agree"));
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 204) << sent->body;
  }
  for (const std::string& code : students) {
    EXPECT_EQ(Submit(code, AllAnswered("disagree"))->status, 204);
  }
  for (const std::string& code : parents)
    EXPECT_EQ(Submit(code, AllAnswered("agree"))->status, 204);

  // A retried submit (its reply lost) is refused as used and counts once.
  auto again = Submit(students[0], AllAnswered("agree"));
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(ErrorCode(again), "code_used");
  EXPECT_EQ(ErrorCode(Post("/api/v1/respond/open", {{"code", students[0]}})), "code_used");

  auto cycle = nlohmann::json::parse(
      Client().Get("/api/v1/review/cycles/" + std::to_string(id), Auth(coordinator_))->body);
  EXPECT_EQ(cycle["cycle"]["groups"][0]["responses"], 5);
  EXPECT_EQ(cycle["cycle"]["groups"][1]["responses"], 6);
  EXPECT_TRUE(cycle["cycle"]["groups"][2]["responses"].is_null());  // 3 parents: not shown

  // More codes, then the close; a code of a closed cycle says so.
  auto more = Post("/api/v1/review/cycles/" + std::to_string(id) + "/codes",
                   {{"group", "parents"}, {"count", 2}}, Auth(coordinator_));
  ASSERT_TRUE(more);
  ASSERT_EQ(more->status, 201) << more->body;
  nlohmann::json more_json = nlohmann::json::parse(more->body);
  ASSERT_EQ(more_json["codes"].size(), 2u);
  EXPECT_EQ(more_json["cycle"]["groups"][2]["codes_issued"], 5);
  EXPECT_EQ(ErrorCode(Post("/api/v1/review/cycles/" + std::to_string(id) + "/codes",
                           {{"group", "district_staff"}, {"count", 2}}, Auth(coordinator_))),
            "invalid_cycle");
  auto closed = Post("/api/v1/review/cycles/" + std::to_string(id) + "/close",
                     nlohmann::json::object(), Auth(coordinator_));
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->status, 200) << closed->body;
  EXPECT_EQ(nlohmann::json::parse(closed->body)["cycle"]["state"], "closed");
  auto late = Submit(staff.back(), AllAnswered("agree"));
  EXPECT_EQ(late->status, 409);
  EXPECT_EQ(ErrorCode(late), "cycle_closed");
  EXPECT_EQ(ErrorCode(Post("/api/v1/review/cycles/" + std::to_string(id) + "/close",
                           nlohmann::json::object(), Auth(coordinator_))),
            "cycle_closed");

  // Results: parents suppressed everywhere, the staff-students gap flagged.
  auto results_res = Client().Get("/api/v1/review/cycles/" + std::to_string(id) + "/results",
                                  Auth(LogIn("viewer")));
  ASSERT_TRUE(results_res);
  ASSERT_EQ(results_res->status, 200);
  nlohmann::json results = nlohmann::json::parse(results_res->body);
  ASSERT_FALSE(results["nodes"].empty());
  for (const auto& node : results["nodes"]) {
    ASSERT_EQ(node["groups"].size(), 3u);
    EXPECT_TRUE(node["groups"][2]["suppressed"].get<bool>());
    EXPECT_FALSE(node["groups"][2].contains("respondents"));
    ASSERT_EQ(node["gaps"].size(), 1u);  // staff-students only
    EXPECT_TRUE(node["gaps"][0]["flagged"].get<bool>());
    EXPECT_DOUBLE_EQ(node["gaps"][0]["difference"].get<double>(), 100.0);
  }

  // A chosen priority is printed with the results in the staff-meeting report.
  {
    auto db = store::Connection::Open(temporary_->location(), false);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(review::AddPriority(**db, id, {"A1.1", "students feel less welcome", ""}).ok());
  }
  for (const char* format : {"csv", "xlsx", "html"}) {
    auto exported = Client().Get(
        "/api/v1/review/cycles/" + std::to_string(id) + "/export?format=" + format + "&lang=kk",
        Auth(coordinator_));
    ASSERT_TRUE(exported);
    EXPECT_EQ(exported->status, 200) << format << ": " << exported->body;
    EXPECT_GT(exported->body.size(), 100u) << format;
    EXPECT_NE(exported->get_header_value("Content-Disposition").find("attachment"),
              std::string::npos);
    if (std::string(format) == "html") {
      EXPECT_NE(exported->body.find("Даму жоспары"), std::string::npos);
      EXPECT_NE(exported->body.find("students feel less welcome"), std::string::npos);
    }
  }
  EXPECT_EQ(
      ErrorCode(Client().Get("/api/v1/review/cycles/" + std::to_string(id) + "/export?format=pdf",
                             Auth(coordinator_))),
      "invalid_parameter");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/review/cycles/999/results", Auth(coordinator_))),
            "cycle_not_found");

  // The audit log says what was done and how many codes, never which.
  auto audit = Accounts().ListAudit(100, "");
  ASSERT_TRUE(audit.ok());
  std::set<std::string> actions;
  for (const accounts::AuditEntry& entry : *audit) {
    actions.insert(entry.action);
    for (const auto& code : opened["codes"]) {
      EXPECT_EQ(entry.detail.find(code["code"].get<std::string>()), std::string::npos);
      EXPECT_EQ(entry.target.find(code["code"].get<std::string>()), std::string::npos);
    }
  }
  EXPECT_TRUE(actions.count("review_cycle_open"));
  EXPECT_TRUE(actions.count("review_codes"));
  EXPECT_TRUE(actions.count("review_cycle_close"));

  std::vector<std::string> every_code;
  for (const auto& code : opened["codes"]) every_code.push_back(code["code"]);
  for (const auto& code : more_json["codes"]) every_code.push_back(code["code"]);
  ExpectNoCodeLogged(every_code);
  bool logged_respond = false;
  for (const std::string& line : LogLines()) {
    logged_respond |= line.find("/api/v1/respond/submit 204") != std::string::npos;
  }
  EXPECT_TRUE(logged_respond);
}

TEST_P(ReviewApiTest, UnknownCodesAreOneAnswerAndRateLimitedPerAddress) {
  int64_t now = std::time(nullptr);
  Start([&](Options& options) { options.clock = [&now] { return now; }; });
  nlohmann::json opened = OpenCycle({{"parents", 1}});
  std::string code = CodesOf(opened, "parents").at(0);

  // Unknown and malformed codes get the same answer.
  std::string unknown = code == "2222222222" ? "3333333333" : "2222222222";
  auto a = Post("/api/v1/respond/open", {{"code", unknown}});
  auto b = Post("/api/v1/respond/open", {{"code", "not a code at all"}});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->status, 404);
  EXPECT_EQ(a->body, b->body);
  EXPECT_EQ(ErrorCode(a), "code_not_found");
  EXPECT_EQ(ErrorCode(Post("/api/v1/respond/open", nlohmann::json::object())), "invalid_field");

  for (int i = 2; i < 30; ++i) {
    EXPECT_EQ(
        Post("/api/v1/respond/submit", {{"code", unknown}, {"answers", nlohmann::json::object()}})
            ->status,
        404);
  }
  // The 31st failure is refused, and so is a good code from that address meanwhile.
  auto limited = Post("/api/v1/respond/open", {{"code", unknown}});
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(ErrorCode(limited), "rate_limited");
  EXPECT_EQ(limited->get_header_value("Retry-After"), "600");
  EXPECT_EQ(Post("/api/v1/respond/open", {{"code", code}})->status, 429);
  now += 300;
  EXPECT_EQ(Post("/api/v1/respond/open", {{"code", code}})->get_header_value("Retry-After"), "300");
  now += 301;
  auto allowed = Post("/api/v1/respond/open", {{"code", code}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 200) << allowed->body;
  // Good codes never count as failures.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(Post("/api/v1/respond/open", {{"code", code}})->status, 200);
  }
  ExpectNoCodeLogged({code, unknown});
}

TEST_P(ReviewApiTest, RespondentWritesNeedNoSessionButOurOrigin) {
  nlohmann::json opened = OpenCycle({{"staff", 1}});
  std::string code = CodesOf(opened, "staff").at(0);
  auto foreign = Client().Post("/api/v1/respond/open", {{"Origin", "https://evil.example"}},
                               nlohmann::json{{"code", code}}.dump(), "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  EXPECT_EQ(ErrorCode(foreign), "origin_mismatch");
  // Coordinators' writes still need the CSRF token.
  auto no_csrf = Client().Post("/api/v1/review/cycles/1/close", {{"Cookie", coordinator_.cookie}},
                               "{}", "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf_failed");
  // Opening needs a known instrument and a unit that fits it.
  auto bad_region = Post("/api/v1/review/cycles",
                         {{"unit", {{"id", "s1"}, {"name", "S"}, {"region", "Almaty"}}},
                          {"instrument", "school"},
                          {"label", "2026"},
                          {"codes", {{"staff", 1}}}},
                         Auth(coordinator_));
  EXPECT_EQ(ErrorCode(bad_region), "invalid_cycle");
  EXPECT_EQ(ErrorCode(Post("/api/v1/review/cycles",
                           {{"unit", {{"id", "s1"}, {"name", "S"}, {"region", "KZ-ALA"}}},
                            {"instrument", "national"},
                            {"label", "2026"},
                            {"codes", nlohmann::json::object()}},
                           Auth(coordinator_))),
            "instrument_not_for_cycles");
  EXPECT_EQ(ErrorCode(Post("/api/v1/review/cycles",
                           {{"unit", {{"id", "s1"}, {"name", "S"}, {"region", "KZ-ALA"}}},
                            {"instrument", "none"},
                            {"label", "2026"},
                            {"codes", nlohmann::json::object()}},
                           Auth(coordinator_))),
            "instrument_not_found");
  auto instruments = nlohmann::json::parse(
      Client().Get("/api/v1/review/instruments", Auth(coordinator_))->body)["instruments"];
  ASSERT_EQ(instruments.size(), 3u);
}

TEST_P(ReviewApiTest, TheFormRouteServesTheApplication) {
  std::filesystem::create_directories(dir_ / "web");
  std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>app</title>";
  auto page = Client().Get("/r/ABCDE-FGHJK");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>app</title>"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewApiTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::server
