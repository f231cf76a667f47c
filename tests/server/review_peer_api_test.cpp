// The district overview and the peer review of a district cycle through the API: a
// reviewer from another district reads the district's evidence, comments and
// challenges, is refused everywhere else, and never receives a response. SQLite and
// PostgreSQL.
#include "review_server_fixture.h"

namespace tenlik::server {
namespace {

using store::testing::Backend;

constexpr const char* kDistrict = "d-almaty-1";

class PeerReviewApiTest : public ReviewServerTest {
 protected:
  void SetUp() override {
    ReviewServerTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* name : {"reviewer-a", "reviewer-b"}) {
      ASSERT_TRUE(Accounts()
                      .AddUser(name, accounts::Role::kPeerReviewer, kPassword, {"cli:test", ""})
                      .ok());
    }
  }

  // Every response body this test received, to look for per-respondent data at the end.
  httplib::Result Get(const std::string& path, const Login& login) {
    auto res = Client().Get(path, Auth(login));
    if (res) bodies_.push_back(res->body);
    return res;
  }
  httplib::Result Post(const std::string& path, const nlohmann::json& body, const Login& login) {
    auto res = Client().Post(path, Auth(login), body.dump(), "application/json");
    if (res) bodies_.push_back(res->body);
    return res;
  }

  // Opens a cycle through the API, answers every code (`answer` for the first group,
  // "disagree" for the others) and closes it; the cycle's id.
  int64_t ClosedCycle(const nlohmann::json& request, const std::string& answer) {
    auto opened = Post("/api/v1/review/cycles", request, coordinator_);
    EXPECT_TRUE(opened && opened->status == 201) << (opened ? opened->body : "no response");
    if (!opened || opened->status != 201) return 0;
    nlohmann::json body = nlohmann::json::parse(opened->body);
    const std::string first_group = body["cycle"]["groups"][0]["group"];
    for (const auto& issued : body["codes"]) {
      std::string code = issued["code"];
      codes_.push_back(code);
      auto submitted = Client().Post(
          "/api/v1/respond/submit",
          nlohmann::json{
              {"code", code},
              {"answers", AllAnswered(issued["group"] == first_group ? answer : "disagree",
                                      request["instrument"])}}
              .dump(),
          "application/json");
      EXPECT_TRUE(submitted && submitted->status == 204);
    }
    int64_t id = body["cycle"]["id"];
    auto closed = Post("/api/v1/review/cycles/" + std::to_string(id) + "/close", {}, coordinator_);
    EXPECT_TRUE(closed && closed->status == 200);
    return id;
  }

  nlohmann::json SchoolCycle(const std::string& id, const nlohmann::json& codes) {
    return {{"unit", {{"id", id}, {"name", "School " + id}, {"region", "KZ-ALA"}}},
            {"instrument", "school"},
            {"label", "2026"},
            {"district_id", kDistrict},
            {"codes", codes}};
  }
  nlohmann::json DistrictCycle(const std::string& id, const nlohmann::json& codes) {
    return {{"unit", {{"id", id}, {"name", "District " + id}, {"region", "KZ-75"}}},
            {"instrument", "district"},
            {"label", "2026"},
            {"codes", codes}};
  }

  static std::string Path(int64_t cycle, const std::string& rest) {
    return "/api/v1/review/cycles/" + std::to_string(cycle) + rest;
  }

  std::vector<std::string> bodies_;
  std::vector<std::string> codes_;
};

TEST_P(PeerReviewApiTest, InvitedReviewerReadsEvidenceChallengesAndTheDistrictReplies) {
  int64_t s1 = ClosedCycle(SchoolCycle("s1", {{"staff", 6}, {"parents", 3}}), "agree");
  int64_t s2 = ClosedCycle(SchoolCycle("s2", {{"staff", 5}}), "disagree");
  int64_t district =
      ClosedCycle(DistrictCycle(kDistrict, {{"district_staff", 5}, {"school_leaders", 2}}),
                  "agree_to_some_extent");
  int64_t other = ClosedCycle(DistrictCycle("d-other", {{"district_staff", 5}}), "agree");
  ASSERT_FALSE(HasFailure());

  // The school cycles carry their district.
  auto cycle = Get(Path(s1, ""), coordinator_);
  ASSERT_TRUE(cycle);
  EXPECT_EQ(nlohmann::json::parse(cycle->body)["cycle"]["district_id"], kDistrict);

  // The district sees its schools side by side, small groups suppressed.
  auto overview =
      Get(std::string("/api/v1/review/districts/") + kDistrict + "/overview", LogIn("viewer"));
  ASSERT_TRUE(overview);
  ASSERT_EQ(overview->status, 200) << overview->body;
  nlohmann::json schools = nlohmann::json::parse(overview->body)["schools"];
  ASSERT_EQ(schools.size(), 2u);
  EXPECT_EQ(schools[0]["cycle"]["unit"]["id"], "s1");
  EXPECT_EQ(schools[1]["cycle"]["id"], s2);
  const nlohmann::json& first_node = schools[0]["nodes"][0];
  bool parents_suppressed = false;
  for (const auto& cell : first_node["groups"]) {
    if (cell["group"] == "parents") parents_suppressed = cell.value("suppressed", false);
    if (cell["group"] == "staff") {
      EXPECT_DOUBLE_EQ(cell["score"].get<double>(), 100.0);
    }
  }
  EXPECT_TRUE(parents_suppressed) << first_node.dump();

  // The district invites a reviewer of another district, once; only peer reviewers
  // from elsewhere, only on district cycles.
  nlohmann::json invite = {{"account", "reviewer-a"}, {"district_id", "d-taraz-2"}};
  auto invited = Post(Path(district, "/peer/reviewers"), invite, coordinator_);
  ASSERT_TRUE(invited);
  EXPECT_EQ(invited->status, 201) << invited->body;
  auto again = Post(Path(district, "/peer/reviewers"), invite, coordinator_);
  EXPECT_EQ(ErrorCode(again), "reviewer_invited");
  auto not_peer = Post(Path(district, "/peer/reviewers"),
                       {{"account", "viewer"}, {"district_id", "d-taraz-2"}}, coordinator_);
  EXPECT_EQ(not_peer->status, 400);
  EXPECT_EQ(ErrorCode(not_peer), "invalid_reviewer");
  auto same_district = Post(Path(district, "/peer/reviewers"),
                            {{"account", "reviewer-b"}, {"district_id", kDistrict}}, coordinator_);
  EXPECT_EQ(ErrorCode(same_district), "invalid_reviewer");
  auto school = Post(Path(s1, "/peer/reviewers"), invite, coordinator_);
  EXPECT_EQ(school->status, 409);
  EXPECT_EQ(ErrorCode(school), "not_a_district_cycle");
  auto reviewers = Get(Path(district, "/peer/reviewers"), coordinator_);
  nlohmann::json listed = nlohmann::json::parse(reviewers->body)["reviewers"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["account"], "reviewer-a");
  EXPECT_EQ(listed[0]["district_id"], "d-taraz-2");

  // The reviewer sees its invitation and reads the district's evidence.
  Login reviewer = LogIn("reviewer-a");
  ASSERT_EQ(reviewer.status, 201);
  auto invitations = Get("/api/v1/review/peer/invitations", reviewer);
  ASSERT_EQ(invitations->status, 200);
  nlohmann::json mine = nlohmann::json::parse(invitations->body)["cycles"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["id"], district);
  auto results = Get(Path(district, "/peer/results"), reviewer);
  ASSERT_EQ(results->status, 200) << results->body;
  nlohmann::json nodes = nlohmann::json::parse(results->body)["nodes"];
  ASSERT_FALSE(nodes.empty());
  EXPECT_EQ(nodes[0]["groups"][0]["score"], 50.0);               // district_staff, "to some extent"
  EXPECT_TRUE(nodes[0]["groups"][1]["suppressed"].get<bool>());  // 2 school leaders
  auto district_overview =
      Get(std::string("/api/v1/review/districts/") + kDistrict + "/overview", reviewer);
  EXPECT_EQ(district_overview->status, 200);
  EXPECT_EQ(district_overview->body, overview->body);

  // Everything else is refused: other cycles and districts, the coordinators' routes.
  for (const std::string& path :
       {Path(other, "/peer/results"), Path(other, "/peer/notes"),
        std::string("/api/v1/review/districts/d-other/overview"), Path(district, "/results"),
        Path(s1, "/export?format=csv&lang=en"), std::string("/api/v1/review/cycles"),
        Path(district, "/peer/reviewers"), Path(999, "/peer/results")}) {
    auto refused = Get(path, reviewer);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << path;
  }
  // A peer route on a school cycle is no way around that.
  EXPECT_EQ(Get(Path(s1, "/peer/results"), reviewer)->status, 403);
  EXPECT_EQ(ErrorCode(Get(Path(s1, "/peer/results"), coordinator_)), "not_a_district_cycle");

  // Comments and challenges by the invited reviewer only.
  const std::string dimension = nodes[0]["id"];
  auto challenge = Post(Path(district, "/peer/notes"),
                        {{"node_id", dimension},
                         {"kind", "challenge"},
                         {"text", "Which evidence shows that every school has a ramp?"}},
                        reviewer);
  ASSERT_TRUE(challenge);
  ASSERT_EQ(challenge->status, 201) << challenge->body;
  nlohmann::json note = nlohmann::json::parse(challenge->body)["note"];
  EXPECT_EQ(note["kind"], "challenge");
  EXPECT_EQ(note["author"], "reviewer-a");
  EXPECT_TRUE(note["reply"].is_null());
  auto comment = Post(Path(district, "/peer/notes"),
                      {{"kind", "comment"}, {"text", "A careful review overall."}}, reviewer);
  EXPECT_EQ(comment->status, 201);
  EXPECT_EQ(ErrorCode(Post(Path(district, "/peer/notes"),
                           {{"node_id", "Z9"}, {"kind", "comment"}, {"text", "x"}}, reviewer)),
            "invalid_note");
  EXPECT_EQ(ErrorCode(Post(Path(district, "/peer/notes"),
                           {{"node_id", dimension}, {"kind", "praise"}, {"text", "x"}}, reviewer)),
            "invalid_note");
  EXPECT_EQ(
      Post(Path(other, "/peer/notes"), {{"kind", "comment"}, {"text", "x"}}, reviewer)->status,
      403);
  Login uninvited = LogIn("reviewer-b");
  EXPECT_EQ(
      Post(Path(district, "/peer/notes"), {{"kind", "comment"}, {"text", "x"}}, uninvited)->status,
      403);
  EXPECT_EQ(Get(Path(district, "/peer/notes"), uninvited)->status, 403);
  EXPECT_EQ(Post(Path(district, "/peer/notes"), {{"kind", "comment"}, {"text", "x"}}, coordinator_)
                ->status,
            403);

  // The district replies; the reviewer reads the thread.
  int64_t note_id = note["id"];
  auto reply = Client().Put(
      Path(district, "/peer/notes/" + std::to_string(note_id) + "/reply"), Auth(coordinator_),
      nlohmann::json{{"reply", "The access audit of March, annex 2."}}.dump(), "application/json");
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  auto missing = Client().Put(Path(district, "/peer/notes/9999/reply"), Auth(coordinator_),
                              nlohmann::json{{"reply", "x"}}.dump(), "application/json");
  EXPECT_EQ(ErrorCode(missing), "note_not_found");
  auto reviewer_reply =
      Client().Put(Path(district, "/peer/notes/" + std::to_string(note_id) + "/reply"),
                   Auth(reviewer), nlohmann::json{{"reply", "x"}}.dump(), "application/json");
  EXPECT_EQ(reviewer_reply->status, 403);
  auto thread = Get(Path(district, "/peer/notes"), reviewer);
  ASSERT_EQ(thread->status, 200);
  nlohmann::json notes = nlohmann::json::parse(thread->body)["notes"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["reply"], "The access audit of March, annex 2.");
  EXPECT_EQ(notes[0]["node_id"], dimension);
  EXPECT_TRUE(notes[1]["reply"].is_null());
  EXPECT_EQ(notes[1]["node_id"], "");

  // No body held a single response: no question id (answers are per question), no code.
  std::vector<std::string> questions;
  for (const char* id : {"school", "district"}) {
    nlohmann::json answers = AllAnswered("agree", id);
    for (const auto& [question, answer] : answers.items()) {
      questions.push_back("\"" + question + "\"");
    }
  }
  for (const std::string& body : bodies_) {
    EXPECT_EQ(body.find("\"answers\""), std::string::npos) << body.substr(0, 200);
    for (const std::string& question : questions) {
      ASSERT_EQ(body.find(question), std::string::npos) << question;
    }
  }
  for (const std::string& body : {overview->body, results->body, thread->body}) {
    for (const std::string& code : codes_) ASSERT_EQ(body.find(code), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PeerReviewApiTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::server
