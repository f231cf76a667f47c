#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace tenlik::server {
namespace {

TEST_F(ServerTest, HealthNeedsNoLoginAndNamesBackendAndSchema) {
  auto res = Client().Get("/api/v1/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["backend"], "sqlite");
  EXPECT_EQ(body["schema"]["accounts"], 1);
}

TEST_F(ServerTest, LoginSetsAHardenedCookieAndLogoutEndsTheSession) {
  Login login = LogIn("analyst");
  ASSERT_EQ(login.status, 201);
  EXPECT_EQ(login.cookie.rfind("tenlik_session=", 0), 0u);
  EXPECT_NE(login.set_cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(login.set_cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(login.set_cookie.find("; Path=/"), std::string::npos);
  EXPECT_EQ(login.set_cookie.find("Secure"), std::string::npos);  // plain http here
  EXPECT_FALSE(login.csrf.empty());

  auto me = Client().Get("/api/v1/me", {{"Cookie", login.cookie}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  auto body = nlohmann::json::parse(me->body);
  EXPECT_EQ(body["user"], "analyst");
  EXPECT_EQ(body["role"], "analyst");
  EXPECT_EQ(body["csrf_token"], login.csrf);
  EXPECT_EQ(me->get_header_value("Cache-Control"), "no-store");

  auto out = Client().Delete("/api/v1/session", Auth(login));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto after = Client().Get("/api/v1/me", {{"Cookie", login.cookie}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  EXPECT_EQ(ErrorCode(after), "unauthenticated");
}

TEST_F(ServerTest, SecureCookiesWhenBehindHttps) {
  Start([](Options& options) { options.secure_cookies = true; });
  Login login = LogIn("viewer");
  ASSERT_EQ(login.status, 201);
  EXPECT_NE(login.set_cookie.find("; Secure"), std::string::npos);
}

TEST_F(ServerTest, WrongPasswordIs401InTheUsersLanguage) {
  nlohmann::json body = {{"user", "viewer"}, {"password", "not the password"}};
  auto ru = Client().Post("/api/v1/session", {{"Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"}},
                          body.dump(), "application/json");
  ASSERT_TRUE(ru);
  EXPECT_EQ(ru->status, 401);
  EXPECT_EQ(ErrorCode(ru), "invalid_credentials");
  EXPECT_EQ(nlohmann::json::parse(ru->body)["error"]["message"],
            "Неверное имя пользователя, пароль или код.");
  EXPECT_TRUE(ru->get_header_value("Set-Cookie").empty());
  auto kk = Client().Post("/api/v1/session", {{"Cookie", "lang=kk"}, {"Accept-Language", "ru"}},
                          body.dump(), "application/json");
  ASSERT_TRUE(kk);
  EXPECT_EQ(nlohmann::json::parse(kk->body)["error"]["message"],
            "Пайдаланушы аты, құпиясөз немесе код қате.");
  auto unknown = Client().Post("/api/v1/session",
                               nlohmann::json({{"user", "nobody"}, {"password", kPassword}}).dump(),
                               "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(ErrorCode(unknown), "invalid_credentials");
}

TEST_F(ServerTest, RateLimitingKicksInAfterRepeatedFailures) {
  Start([](Options& options) { options.policy.account_failures = 3; });
  for (int i = 0; i < 3; ++i) EXPECT_EQ(LogIn("viewer", "wrong password").status, 401);
  nlohmann::json body = {{"user", "viewer"}, {"password", kPassword}};
  auto locked = Client().Post("/api/v1/session", body.dump(), "application/json");
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 429);
  EXPECT_EQ(ErrorCode(locked), "rate_limited");
  EXPECT_GT(std::stoi(locked->get_header_value("Retry-After")), 0);
  EXPECT_EQ(LogIn("analyst").status, 201);  // other accounts are not affected
}

TEST_F(ServerTest, RespondentLogsInWithACodeAndHasNoName) {
  Login login = LogInWithCode(respondent_code_);
  ASSERT_EQ(login.status, 201);
  auto me = Client().Get("/api/v1/me", {{"Cookie", login.cookie}});
  ASSERT_TRUE(me);
  auto body = nlohmann::json::parse(me->body);
  EXPECT_TRUE(body["user"].is_null());
  EXPECT_EQ(body["role"], "respondent");
  EXPECT_EQ(LogInWithCode("WRONGCODE").status, 401);
}

TEST_F(ServerTest, StateChangesNeedTheSessionsCsrfToken) {
  Login admin = LogIn("admin");
  ASSERT_EQ(admin.status, 201);
  nlohmann::json user = {{"name", "carol"}, {"role", "viewer"}, {"password", kPassword}};
  auto none =
      Client().Post("/api/v1/users", {{"Cookie", admin.cookie}}, user.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  EXPECT_EQ(ErrorCode(none), "csrf_failed");
  auto wrong =
      Client().Post("/api/v1/users", {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf + "0"}},
                    user.dump(), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(ErrorCode(wrong), "csrf_failed");
  // Another session's token does not fit this session.
  Login other = LogIn("admin");
  auto foreign =
      Client().Post("/api/v1/users", {{"Cookie", admin.cookie}, {"X-CSRF-Token", other.csrf}},
                    user.dump(), "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(ErrorCode(foreign), "csrf_failed");
  auto logout = Client().Delete("/api/v1/session", {{"Cookie", admin.cookie}});
  ASSERT_TRUE(logout);
  EXPECT_EQ(ErrorCode(logout), "csrf_failed");

  httplib::Headers cross = Auth(admin);
  cross.emplace("Origin", "https://evil.example");
  auto from_elsewhere = Client().Post("/api/v1/users", cross, user.dump(), "application/json");
  ASSERT_TRUE(from_elsewhere);
  EXPECT_EQ(from_elsewhere->status, 403);
  EXPECT_EQ(ErrorCode(from_elsewhere), "origin_mismatch");
  // The login form is also protected from other sites.
  auto cross_login = Client().Post(
      "/api/v1/session", {{"Origin", "http://evil.example"}},
      nlohmann::json({{"user", "admin"}, {"password", kPassword}}).dump(), "application/json");
  ASSERT_TRUE(cross_login);
  EXPECT_EQ(ErrorCode(cross_login), "origin_mismatch");

  httplib::Headers same = Auth(admin);
  same.emplace("Origin", "http://127.0.0.1:" + std::to_string(server_->port()));
  auto ok = Client().Post("/api/v1/users", same, user.dump(), "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
}

TEST_F(ServerTest, AdminManagesUsersAndTheAuditShowsIt) {
  Login admin = LogIn("admin");
  nlohmann::json user = {{"name", "dana"}, {"role", "analyst"}, {"password", kPassword}};
  auto added = Client().Post("/api/v1/users", Auth(admin), user.dump(), "application/json");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201);
  auto again = Client().Post("/api/v1/users", Auth(admin), user.dump(), "application/json");
  EXPECT_EQ(ErrorCode(again), "user_exists");
  auto weak = Client().Post(
      "/api/v1/users", Auth(admin),
      nlohmann::json({{"name", "erlan"}, {"role", "viewer"}, {"password", "short"}}).dump(),
      "application/json");
  EXPECT_EQ(ErrorCode(weak), "weak_password");
  auto respondent = Client().Post(
      "/api/v1/users", Auth(admin),
      nlohmann::json({{"name", "erlan"}, {"role", "respondent"}, {"password", kPassword}}).dump(),
      "application/json");
  EXPECT_EQ(ErrorCode(respondent), "invalid_role");

  auto changed = Client().Patch("/api/v1/users/dana", Auth(admin), R"({"role":"peer_reviewer"})",
                                "application/json");
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(nlohmann::json::parse(changed->body)["role"], "peer_reviewer");
  auto list = Client().Get("/api/v1/users", {{"Cookie", admin.cookie}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  auto dana = Accounts().FindUser("dana");
  ASSERT_TRUE(dana.ok() && *dana);
  EXPECT_EQ((*dana)->role, accounts::Role::kPeerReviewer);
  auto self_demote = Client().Patch("/api/v1/users/admin", Auth(admin), R"({"role":"viewer"})",
                                    "application/json");
  EXPECT_EQ(ErrorCode(self_demote), "last_admin");
  auto removed = Client().Delete("/api/v1/users/dana", Auth(admin));
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  EXPECT_EQ(ErrorCode(Client().Delete("/api/v1/users/dana", Auth(admin))), "user_not_found");

  auto audit = Client().Get("/api/v1/audit?limit=3", {{"Cookie", admin.cookie}});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200);
  auto entries = nlohmann::json::parse(audit->body)["entries"];
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0]["action"], "user_remove");
  EXPECT_EQ(entries[0]["actor"], "admin");
  EXPECT_EQ(entries[0]["target"], "dana");
  EXPECT_EQ(entries[0]["client"], "127.0.0.1");
  EXPECT_EQ(entries[1]["action"], "user_role");
  EXPECT_EQ(entries[1]["detail"], "peer_reviewer");
  EXPECT_EQ(ErrorCode(Client().Get("/api/v1/audit?limit=0", {{"Cookie", admin.cookie}})),
            "invalid_parameter");
}

}  // namespace
}  // namespace tenlik::server
