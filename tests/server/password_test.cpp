// PUT /api/v1/me/password: a logged-in user changing their own password.
#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace tenlik::server {
namespace {

const char kNewPassword[] = "a brand new pa55word";

httplib::Result ChangePassword(httplib::Client client, const httplib::Headers& headers,
                               const nlohmann::json& body) {
  return client.Put("/api/v1/me/password", headers, body.dump(), "application/json");
}

std::string ErrorField(const httplib::Result& result) {
  auto body = nlohmann::json::parse(result->body, nullptr, false);
  if (!body.is_object() || !body["error"].contains("field")) return "";
  return body["error"]["field"];
}

TEST_F(ServerTest, ChangingOwnPasswordKeepsThisSessionAndEndsTheOthers) {
  Login here = LogIn("analyst");
  Login elsewhere = LogIn("analyst");
  Login other_user = LogIn("viewer");
  ASSERT_EQ(here.status, 201);
  ASSERT_EQ(elsewhere.status, 201);
  ASSERT_EQ(other_user.status, 201);

  auto changed =
      ChangePassword(Client(), Auth(here), {{"current", kPassword}, {"new", kNewPassword}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 204) << changed->body;
  EXPECT_TRUE(changed->get_header_value("Set-Cookie").empty());  // the cookie stays valid

  EXPECT_EQ(Client().Get("/api/v1/me", Auth(here))->status, 200);
  auto ended = Client().Get("/api/v1/me", Auth(elsewhere));
  EXPECT_EQ(ended->status, 401);
  EXPECT_EQ(ErrorCode(ended), "unauthenticated");
  EXPECT_EQ(Client().Get("/api/v1/me", Auth(other_user))->status, 200);
  EXPECT_EQ(LogIn("analyst").status, 401);
  EXPECT_EQ(LogIn("analyst", kNewPassword).status, 201);

  auto entries = Accounts().ListAudit(100, "");
  ASSERT_TRUE(entries.ok());
  bool audited = false;
  for (const accounts::AuditEntry& e : *entries) {
    if (e.action == "password_change") {
      audited = true;
      EXPECT_EQ(e.actor, "analyst");
      EXPECT_EQ(e.target, "analyst");
      EXPECT_EQ(e.client, "127.0.0.1");
    }
    for (const std::string& field : {e.actor, e.target, e.detail, e.client}) {
      EXPECT_EQ(field.find(kPassword), std::string::npos);
      EXPECT_EQ(field.find(kNewPassword), std::string::npos);
    }
  }
  EXPECT_TRUE(audited);
  for (const std::string& line : LogLines()) {
    EXPECT_EQ(line.find(kPassword), std::string::npos) << line;
    EXPECT_EQ(line.find(kNewPassword), std::string::npos) << line;
  }
}

TEST_F(ServerTest, AWrongCurrentPasswordIs401AndCountsTowardsTheLoginLimit) {
  Start([](Options& options) { options.policy.account_failures = 3; });
  Login login = LogIn("viewer");
  ASSERT_EQ(login.status, 201);
  for (int i = 0; i < 3; ++i) {
    auto wrong = ChangePassword(Client(), Auth(login),
                                {{"current", "not the password"}, {"new", kNewPassword}});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 401);
    EXPECT_EQ(ErrorCode(wrong), "invalid_credentials");
    EXPECT_EQ(ErrorField(wrong), "current");
  }
  EXPECT_EQ(LogIn("viewer").status, 429);
  auto locked =
      ChangePassword(Client(), Auth(login), {{"current", kPassword}, {"new", kNewPassword}});
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 429);
  EXPECT_EQ(ErrorCode(locked), "rate_limited");
  EXPECT_FALSE(locked->get_header_value("Retry-After").empty());
  // Nothing changed and the session is still live.
  EXPECT_EQ(Client().Get("/api/v1/me", Auth(login))->status, 200);
}

TEST_F(ServerTest, AWeakOrMissingNewPasswordIs400) {
  Login login = LogIn("viewer");
  ASSERT_EQ(login.status, 201);
  auto weak = ChangePassword(Client(), Auth(login), {{"current", kPassword}, {"new", "short"}});
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->status, 400);
  EXPECT_EQ(ErrorCode(weak), "weak_password");
  EXPECT_EQ(ErrorField(weak), "new");
  auto missing = ChangePassword(Client(), Auth(login), {{"current", kPassword}});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(ErrorCode(missing), "invalid_field");
  EXPECT_EQ(ErrorField(missing), "new");
  EXPECT_EQ(LogIn("viewer").status, 201);  // unchanged
}

TEST_F(ServerTest, ChangingAPasswordNeedsTheCsrfTokenAndAnAccount) {
  Login login = LogIn("viewer");
  ASSERT_EQ(login.status, 201);
  auto no_csrf = ChangePassword(Client(), {{"Cookie", login.cookie}},
                                {{"current", kPassword}, {"new", kNewPassword}});
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf_failed");
  EXPECT_EQ(LogIn("viewer").status, 201);  // unchanged

  Login respondent = SessionFor(accounts::Role::kRespondent);
  ASSERT_EQ(respondent.status, 201);
  auto forbidden =
      ChangePassword(Client(), Auth(respondent), {{"current", kPassword}, {"new", kNewPassword}});
  ASSERT_TRUE(forbidden);
  EXPECT_EQ(forbidden->status, 403);
  EXPECT_EQ(ErrorCode(forbidden), "forbidden");
}

}  // namespace
}  // namespace tenlik::server
