// Walks every row of the authorisation table with every role and without a session.
#include <functional>
#include <map>
#include <optional>

#include "jobs/jobs.h"
#include "listen/listen.h"
#include "review/review.h"
#include "server_fixture.h"

namespace tenlik::server {
namespace {

using accounts::Role;

const std::string kAccessQuery = "/api/v1/studies/inclusive-education/queries/barriers-access";

struct Probe {
  int success;  // the status an allowed caller gets
  // Sends the request with `headers`; `n` makes each call's target unique.
  std::function<httplib::Result(ServerTest&, httplib::Client&, const httplib::Headers&, int n)>
      send;
};

class AuthorisationWalk : public ServerTest {
 protected:
  std::string Victim(int n) {
    std::string name = "victim" + std::to_string(n);
    EXPECT_TRUE(Accounts().AddUser(name, Role::kViewer, kPassword, {"cli:test", ""}).ok());
    return name;
  }

  // A post of data/sample/posts.jsonl that query barriers-access of the shipped study
  // matches (the file is ingested on first use).
  int64_t Hit() {
    if (hit_ != 0) return hit_;
    (void)listen::CreatePseudonymKey(listen::KeyPathFor(store_));
    listen::IngestOptions o;
    o.corpus = "public";
    o.files = {std::string(TENLIK_SOURCE_DIR) + "/data/sample/posts.jsonl"};
    o.key_path = listen::KeyPathFor(store_);
    o.rejects_path = listen::RejectsPathFor(store_);
    EXPECT_TRUE(listen::Ingest(*db_, o).ok());
    auto study = listen::LoadStudy(std::string(TENLIK_SOURCE_DIR) +
                                   "/data/studies/inclusive-education.yaml");
    EXPECT_TRUE(study.ok());
    study_ = *study;
    auto sample = listen::SampleQueryHits(*db_, study_, "barriers-access", {.sample = 1});
    EXPECT_TRUE(sample.ok() && !sample->items.empty());
    hit_ = sample->items.front().post_id;
    return hit_;
  }
  // Hit() labelled, so that the query has a validation.
  void Labelled() {
    EXPECT_TRUE(listen::SetValidationLabel(*db_, study_, "barriers-access", Hit(),
                                           listen::ValidationLabel::kRelevant, {})
                    .ok());
  }

  // Waits until no run of the shipped study is queued or running, so that POST
  // .../runs is accepted rather than refused with job_running.
  void NoActiveRun() {
    for (int i = 0; i < 60000; ++i) {  // a hang guard, not a speed goal
      auto latest = jobs::ListJobs(
          *db_,
          {.kind = "study_run", .key = "inclusive-education", .state = std::nullopt, .limit = 1});
      ASSERT_TRUE(latest.ok());
      if (latest->empty() || latest->front().state == jobs::State::kDone ||
          latest->front().state == jobs::State::kFailed) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "a study run never ended";
  }
  // A finished run of the shipped study (made on first use), for the report endpoints.
  int64_t FinishedRun() {
    if (finished_run_ != 0) return finished_run_;
    NoActiveRun();
    auto job = jobs::Submit(*db_, "study_run", "inclusive-education",
                            R"({"study":"inclusive-education","lang":"en"})");
    EXPECT_TRUE(job.ok());
    NoActiveRun();
    auto done = jobs::FindJob(*db_, job->job.id);
    EXPECT_TRUE(done.ok() && *done && (*done)->state == jobs::State::kDone);
    return finished_run_ = job->job.id;
  }

  // A new open school cycle on the shipped school instrument (imported on first use),
  // with `codes` staff codes.
  review::OpenedCycle SchoolCycle(int codes) {
    if (!instruments_imported_) {
      auto shipped =
          review::LoadInstrumentsDir(std::string(TENLIK_SOURCE_DIR) + "/data/instruments");
      EXPECT_TRUE(shipped.ok());
      for (const review::Instrument& instrument : *shipped) {
        EXPECT_TRUE(review::ImportInstrument(*db_, instrument, 1000).ok());
      }
      instruments_imported_ = true;
    }
    review::OpenCycleRequest request;
    request.unit = {"s1", "School 1", "KZ-ALA", review::UnitKind::kSchool};
    request.instrument_id = "school";
    request.label = "2026";
    request.codes = {{"staff", codes}};
    auto opened = review::OpenCycle(*db_, request, 1000);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return *opened;
  }
  // A code of one review cycle; `n` picks a different one each call.
  std::string ReviewCode(int n) {
    if (review_codes_.empty()) {
      for (const review::IssuedCode& issued : SchoolCycle(2000).codes) {
        review_codes_.push_back(issued.code);
      }
      review_cycle_ = SchoolCycle(0).cycle.id;
    }
    return review_codes_[static_cast<size_t>(n) % review_codes_.size()];
  }
  std::string ReviewCyclePath() {
    ReviewCode(0);
    return "/api/v1/review/cycles/" + std::to_string(review_cycle_);
  }
  // A new closed cycle whose plan has one priority with one action, for the plan's probes.
  struct PlanItems {
    std::string plan;  // ".../cycles/{id}/plan"
    int64_t priority = 0;
    int64_t action = 0;
  };
  PlanItems FreshPlan() {
    int64_t cycle = SchoolCycle(0).cycle.id;
    EXPECT_TRUE(review::CloseCycle(*db_, cycle, 1000).ok());
    auto priority = review::AddPriority(*db_, cycle, {"A1.1", "low scores", ""});
    EXPECT_TRUE(priority.ok()) << priority.status().ToString();
    auto action = review::AddAction(
        *db_, cycle, *priority,
        {"Train staff", "deputy head", "2026-09-01", "2027-03-31", "", "lesson observations"});
    EXPECT_TRUE(action.ok()) << action.status().ToString();
    return {"/api/v1/review/cycles/" + std::to_string(cycle) + "/plan", *priority, *action};
  }

  // A district cycle "d1" with the fixture's peer_reviewer account invited and one note
  // of it (made on first use), for the peer review endpoints.
  std::string PeerCyclePath() {
    if (peer_cycle_ == 0) {
      ReviewCode(0);
      review::OpenCycleRequest request;
      request.unit = {"d1", "District 1", "KZ-75", review::UnitKind::kDistrict};
      request.instrument_id = "district";
      request.label = "2026";
      auto opened = review::OpenCycle(*db_, request, 1000);
      EXPECT_TRUE(opened.ok()) << opened.status().ToString();
      peer_cycle_ = opened->cycle.id;
      EXPECT_TRUE(
          review::InvitePeerReviewer(*db_, peer_cycle_, {"peer_reviewer", "d9", 0}, 1000).ok());
      auto note = review::AddPeerNote(*db_, peer_cycle_, "peer_reviewer", "",
                                      review::PeerNoteKind::kComment, "A first comment", 1000);
      EXPECT_TRUE(note.ok());
      peer_note_ = *note;
    }
    return "/api/v1/review/cycles/" + std::to_string(peer_cycle_);
  }

  std::map<std::string, Probe> Probes() {
    auto json = [](const nlohmann::json& j) { return j.dump(); };
    const std::string action = json({{"what", "Visit lessons"},
                                     {"responsible_role", "head"},
                                     {"start", "2026-09-01"},
                                     {"due", "2026-12-20"},
                                     {"success_evidence", "notes of visits"}});
    return {
        {"GET /api/v1/health",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/health", h); }}},
        {"POST /api/v1/session",
         {201,
          [json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Post("/api/v1/session", h, json({{"user", "viewer"}, {"password", kPassword}}),
                          "application/json");
          }}},
        {"DELETE /api/v1/session",
         {204, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Delete("/api/v1/session", h); }}},
        {"GET /api/v1/me",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/me", h); }}},
        // The same password again, so that later probes can still log in with it.
        {"PUT /api/v1/me/password",
         {204,
          [json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Put("/api/v1/me/password", h,
                         json({{"current", kPassword}, {"new", kPassword}}), "application/json");
          }}},
        {"GET /api/v1/users",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/users", h); }}},
        {"POST /api/v1/users",
         {201,
          [json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            return c.Post("/api/v1/users", h,
                          json({{"name", "new" + std::to_string(n)},
                                {"role", "viewer"},
                                {"password", kPassword}}),
                          "application/json");
          }}},
        {"PATCH /api/v1/users/{name}",
         {200,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            return c.Patch("/api/v1/users/" + Victim(n), h, json({{"role", "analyst"}}),
                           "application/json");
          }}},
        {"DELETE /api/v1/users/{name}",
         {204, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int n) { return c.Delete("/api/v1/users/" + Victim(n), h); }}},
        {"GET /api/v1/audit",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/audit", h); }}},
        {"GET /api/v1/search",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/search?q=school", h); }}},
        {"GET /api/v1/query/check",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/query/check?q=school", h); }}},
        {"GET /api/v1/posts/{id}",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get("/api/v1/posts/" + std::to_string(Hit()), h); }}},
        {"GET /api/v1/studies/{study}/queries/{query}/sample",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get(kAccessQuery + "/sample?size=5", h); }}},
        {"PUT /api/v1/studies/{study}/queries/{query}/labels/{post_id}",
         {200,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Put(kAccessQuery + "/labels/" + std::to_string(Hit()), h,
                         json({{"label", "relevant"}}), "application/json");
          }}},
        {"GET /api/v1/studies/{study}/queries/{query}/validation",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            Labelled();
            return c.Get(kAccessQuery + "/validation", h);
          }}},
        {"GET /api/v1/studies",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/studies", h); }}},
        {"GET /api/v1/studies/{study}",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/studies/inclusive-education", h); }}},
        {"POST /api/v1/studies/{study}/runs",
         {202,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            NoActiveRun();
            return c.Post("/api/v1/studies/inclusive-education/runs", h, "{}", "application/json");
          }}},
        {"GET /api/v1/jobs",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/jobs", h); }}},
        {"GET /api/v1/jobs/{id}",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get("/api/v1/jobs/" + std::to_string(FinishedRun()), h); }}},
        {"GET /api/v1/studies/{study}/report",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            FinishedRun();
            return c.Get("/api/v1/studies/inclusive-education/report", h);
          }}},
        {"GET /api/v1/studies/{study}/report/files",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            FinishedRun();
            return c.Get("/api/v1/studies/inclusive-education/report/files", h);
          }}},
        {"GET /api/v1/studies/{study}/report/files/{file}",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            FinishedRun();
            return c.Get("/api/v1/studies/inclusive-education/report/files/index.html", h);
          }}},
        {"POST /api/v1/respond/open",
         {200,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            return c.Post("/api/v1/respond/open", h, json({{"code", ReviewCode(n)}}),
                          "application/json");
          }}},
        {"PUT /api/v1/respond/draft",
         {204,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            return c.Put("/api/v1/respond/draft", h,
                         json({{"code", ReviewCode(n)}, {"answers", {{"A1.1.a", "agree"}}}}),
                         "application/json");
          }}},
        {"POST /api/v1/respond/submit",
         {204,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            return c.Post("/api/v1/respond/submit", h,
                          json({{"code", ReviewCode(n)}, {"answers", {{"A1.1.a", "agree"}}}}),
                          "application/json");
          }}},
        {"GET /api/v1/review/instruments",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/review/instruments", h); }}},
        {"GET /api/v1/review/cycles",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/review/cycles", h); }}},
        {"POST /api/v1/review/cycles",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            ReviewCode(0);
            return c.Post(
                "/api/v1/review/cycles", h,
                json({{"unit", {{"id", "s2"}, {"name", "School 2"}, {"region", "KZ-ALA"}}},
                      {"instrument", "school"},
                      {"label", "2026"},
                      {"codes", {{"parents", 1}}}}),
                "application/json");
          }}},
        {"GET /api/v1/review/cycles/{id}",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(ReviewCyclePath(), h); }}},
        {"POST /api/v1/review/cycles/{id}/codes",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Post(ReviewCyclePath() + "/codes", h,
                          json({{"group", "students"}, {"count", 1}}), "application/json");
          }}},
        {"POST /api/v1/review/cycles/{id}/close",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            ReviewCode(0);
            return c.Post(
                "/api/v1/review/cycles/" + std::to_string(SchoolCycle(0).cycle.id) + "/close", h,
                "", "application/json");
          }}},
        {"GET /api/v1/review/cycles/{id}/results",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(ReviewCyclePath() + "/results", h); }}},
        {"GET /api/v1/review/cycles/{id}/export",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(ReviewCyclePath() + "/export?format=csv&lang=kk", h); }}},
        {"GET /api/v1/review/districts/{district}/overview",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PeerCyclePath();
            return c.Get("/api/v1/review/districts/d1/overview", h);
          }}},
        {"GET /api/v1/review/peer/invitations",
         {200, [](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                  int) { return c.Get("/api/v1/review/peer/invitations", h); }}},
        {"GET /api/v1/review/cycles/{id}/peer/results",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(PeerCyclePath() + "/peer/results", h); }}},
        {"GET /api/v1/review/cycles/{id}/peer/reviewers",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(PeerCyclePath() + "/peer/reviewers", h); }}},
        {"POST /api/v1/review/cycles/{id}/peer/reviewers",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int n) {
            std::string name = "peer" + std::to_string(n);
            EXPECT_TRUE(
                Accounts().AddUser(name, Role::kPeerReviewer, kPassword, {"cli:test", ""}).ok());
            return c.Post(PeerCyclePath() + "/peer/reviewers", h,
                          json({{"account", name}, {"district_id", "d9"}}), "application/json");
          }}},
        {"GET /api/v1/review/cycles/{id}/peer/notes",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(PeerCyclePath() + "/peer/notes", h); }}},
        {"POST /api/v1/review/cycles/{id}/peer/notes",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Post(PeerCyclePath() + "/peer/notes", h,
                          json({{"kind", "challenge"}, {"text", "Which evidence?"}}),
                          "application/json");
          }}},
        {"PUT /api/v1/review/cycles/{id}/peer/notes/{note}/reply",
         {200,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            std::string path = PeerCyclePath();
            return c.Put(path + "/peer/notes/" + std::to_string(peer_note_) + "/reply", h,
                         json({{"reply", "The audit of March."}}), "application/json");
          }}},
        {"GET /api/v1/review/cycles/{id}/plan/suggestions",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(FreshPlan().plan + "/suggestions", h); }}},
        {"GET /api/v1/review/cycles/{id}/plan",
         {200, [this](ServerTest&, httplib::Client& c, const httplib::Headers& h,
                      int) { return c.Get(FreshPlan().plan, h); }}},
        {"POST /api/v1/review/cycles/{id}/plan/priorities",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            return c.Post(FreshPlan().plan + "/priorities", h,
                          json({{"indicator_id", "A1.2"}, {"reason", "low scores"}}),
                          "application/json");
          }}},
        {"PUT /api/v1/review/cycles/{id}/plan/priorities/{priority}",
         {200,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Put(items.plan + "/priorities/" + std::to_string(items.priority), h,
                         json({{"indicator_id", "A1.1"}, {"reason", "a gap"}}), "application/json");
          }}},
        {"DELETE /api/v1/review/cycles/{id}/plan/priorities/{priority}",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Delete(items.plan + "/priorities/" + std::to_string(items.priority), h);
          }}},
        {"POST /api/v1/review/cycles/{id}/plan/priorities/{priority}/actions",
         {201,
          [this, action](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Post(items.plan + "/priorities/" + std::to_string(items.priority) + "/actions",
                          h, action, "application/json");
          }}},
        {"PUT /api/v1/review/cycles/{id}/plan/actions/{action}",
         {200,
          [this, action](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Put(items.plan + "/actions/" + std::to_string(items.action), h, action,
                         "application/json");
          }}},
        {"DELETE /api/v1/review/cycles/{id}/plan/actions/{action}",
         {200,
          [this](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Delete(items.plan + "/actions/" + std::to_string(items.action), h);
          }}},
        {"POST /api/v1/review/cycles/{id}/plan/actions/{action}/progress",
         {201,
          [this, json](ServerTest&, httplib::Client& c, const httplib::Headers& h, int) {
            PlanItems items = FreshPlan();
            return c.Post(items.plan + "/actions/" + std::to_string(items.action) + "/progress", h,
                          json({{"date", "2026-10-01"}, {"status", "done"}, {"note", ""}}),
                          "application/json");
          }}},
    };
  }

  int64_t hit_ = 0;
  listen::Study study_;
  int64_t finished_run_ = 0;
  bool instruments_imported_ = false;
  std::vector<std::string> review_codes_;
  int64_t review_cycle_ = 0;
  int64_t peer_cycle_ = 0;
  int64_t peer_note_ = 0;
};

TEST_F(AuthorisationWalk, EveryEndpointForEveryRole) {
  auto probes = Probes();
  std::map<Role, Login> sessions;
  for (Role role : accounts::kAllRoles) {
    sessions[role] = SessionFor(role);
    ASSERT_EQ(sessions[role].status, 201) << accounts::RoleName(role);
  }
  int n = 0;
  for (const accounts::EndpointRule& rule : accounts::EndpointRules()) {
    std::string key = std::string(rule.method) + " " + std::string(rule.path);
    auto probe = probes.find(key);
    ASSERT_NE(probe, probes.end()) << "no probe for " << key << ": add one to this test";
    httplib::Client client = Client();

    // Without a session.
    auto anonymous = probe->second.send(*this, client, {}, ++n);
    ASSERT_TRUE(anonymous) << key;
    if (rule.access == accounts::Access::kPublic) {
      EXPECT_EQ(anonymous->status, probe->second.success) << key << " anonymous";
    } else {
      EXPECT_EQ(anonymous->status, 401) << key << " anonymous";
      EXPECT_EQ(ErrorCode(anonymous), "unauthenticated") << key;
    }

    for (Role role : accounts::kAllRoles) {
      // Logging out ends the session: use a fresh one for that endpoint.
      Login login = key == "DELETE /api/v1/session" ? SessionFor(role) : sessions[role];
      auto result = probe->second.send(*this, client, Auth(login), ++n);
      ASSERT_TRUE(result) << key;
      std::string who = key + " as " + std::string(accounts::RoleName(role));
      if (accounts::RoleMayCall(rule, role)) {
        EXPECT_EQ(result->status, probe->second.success) << who << ": " << result->body;
      } else {
        EXPECT_EQ(result->status, 403) << who;
        EXPECT_EQ(ErrorCode(result), "forbidden") << who;
      }
    }
  }
}

}  // namespace
}  // namespace tenlik::server
