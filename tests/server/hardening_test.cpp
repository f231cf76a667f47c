// Hostile input: oversized bodies, path traversal, SQL injection; and what the log
// and the response headers say.
#include <unistd.h>

#include <fstream>

#include "server_fixture.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;

TEST_F(ServerTest, OversizedBodyIs413Json) {
  std::string big(2 << 20, 'x');
  auto res = Client().Post("/api/v1/session", big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(ErrorCode(res), "payload_too_large");
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/api/v1/health", "/", "/api/v1/nothing"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos)
        << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos)
        << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST_F(ServerTest, WithoutAFrontEndTheRootSaysSoInThreeLanguages) {
  auto res = Client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("not built"), std::string::npos);
  EXPECT_NE(res->body.find("не собран"), std::string::npos);
  EXPECT_NE(res->body.find("құрастырылмаған"), std::string::npos);
  EXPECT_EQ(ErrorCode(Client().Get("/app.js")), "not_found");
}

// Sends `target` exactly as written (clients would normalise "..").
std::string RawGet(int port, const std::string& target) {
  int sock = ConnectLoopback(port);
  if (sock < 0) return "";
  std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  (void)!::write(sock, request.data(), request.size());
  std::string response;
  char buffer[4096];
  ssize_t got;
  while ((got = ::read(sock, buffer, sizeof buffer)) > 0) response.append(buffer, got);
  ::close(sock);
  return response;
}

TEST_F(ServerTest, StaticFilesAndPathTraversal) {
  fs::create_directories(dir_ / "web" / "assets");
  std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>app</title>";
  std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log(1)";
  std::ofstream(dir_ / "secret.txt") << "outside the web folder";
  fs::create_symlink(dir_ / "secret.txt", dir_ / "web" / "leak.txt");

  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<!doctype html><title>app</title>");
  auto js = Client().Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "console.log(1)");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto route = Client().Get("/reports/2025");  // a client-side route
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, "<!doctype html><title>app</title>");
  EXPECT_EQ(ErrorCode(Client().Get("/assets/missing.js")), "not_found");

  int port = server_->port();
  for (const std::string target :
       {"/../secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt", "/%00index.html", "/leak.txt"}) {
    std::string response = RawGet(port, target);
    EXPECT_EQ(response.find("outside the web folder"), std::string::npos) << target;
    EXPECT_NE(response.find("HTTP/1.1 4"), std::string::npos) << target << "\n" << response;
    EXPECT_NE(response.find("\"error\""), std::string::npos) << target;
  }
  // Path parameters: a name that is a path, or not a name.
  Login admin = LogIn("admin");
  for (const std::string target :
       {"/api/v1/users/..%2F..%2Fetc%2Fpasswd", "/api/v1/users/%2e%2e", "/api/v1/users/.",
        "/api/v1/users/admin%00", "/api/v1/users/../users"}) {
    auto res = Client().Delete(target.c_str(), Auth(admin));
    ASSERT_TRUE(res) << target;
    EXPECT_GE(res->status, 400) << target;
    EXPECT_LT(res->status, 500) << target;
    EXPECT_NE(ErrorCode(res), "") << target << ": " << res->body;
  }
  EXPECT_TRUE(*Accounts().FindUser("admin"));
}

TEST_F(ServerTest, SqlInjectionStringsAreCleanErrorsAndDoNoDamage) {
  const std::vector<std::string> attacks = {
      "' OR '1'='1",
      "admin' --",
      "x'; DROP TABLE accounts_users; --",
      "\"; DELETE FROM accounts_sessions; --",
      "1; UPDATE accounts_users SET role='admin'",
      "admin\\",
      "$1",
  };
  Login admin = LogIn("admin");
  ASSERT_EQ(admin.status, 201);
  auto before = Accounts().ListUsers();
  ASSERT_TRUE(before.ok());
  for (const std::string& attack : attacks) {
    std::vector<httplib::Result> results;
    results.push_back(Client().Post("/api/v1/session",
                                    nlohmann::json({{"user", attack}, {"password", attack}}).dump(),
                                    "application/json"));
    results.push_back(Client().Post(
        "/api/v1/session", nlohmann::json({{"user", "admin"}, {"password", attack}}).dump(),
        "application/json"));
    results.push_back(Client().Post("/api/v1/session", nlohmann::json({{"code", attack}}).dump(),
                                    "application/json"));
    for (const char* field : {"name", "role", "password"}) {
      nlohmann::json user = {{"name", "eve"}, {"role", "viewer"}, {"password", kPassword}};
      user[field] = attack;
      results.push_back(
          Client().Post("/api/v1/users", Auth(admin), user.dump(), "application/json"));
      // The password is the only field where any string is fine: undo that one.
      if (std::string(field) == "password" && results.back() && results.back()->status == 201) {
        ASSERT_TRUE(Accounts().RemoveUser("eve", {"cli:test", ""}).ok());
      }
    }
    std::string encoded = httplib::detail::encode_query_param(attack);
    results.push_back(Client().Patch(("/api/v1/users/" + encoded).c_str(), Auth(admin),
                                     R"({"role":"viewer"})", "application/json"));
    results.push_back(Client().Patch("/api/v1/users/viewer", Auth(admin),
                                     nlohmann::json({{"role", attack}}).dump(),
                                     "application/json"));
    results.push_back(Client().Delete(("/api/v1/users/" + encoded).c_str(), Auth(admin)));
    results.push_back(
        Client().Get(("/api/v1/audit?limit=" + encoded).c_str(), {{"Cookie", admin.cookie}}));
    httplib::Params params = {{"before", attack}};
    results.push_back(Client().Get("/api/v1/audit", params, {{"Cookie", admin.cookie}}));
    results.push_back(Client().Get("/api/v1/me", {{"Cookie", "tenlik_session=" + encoded}}));
    for (const auto& result : results) {
      ASSERT_TRUE(result) << attack;
      EXPECT_LT(result->status, 500) << attack << ": " << result->body;
      if (result->status >= 400) {
        EXPECT_NE(ErrorCode(result), "") << attack;
      }
    }
  }
  auto after = Accounts().ListUsers();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (size_t i = 0; i < after->size(); ++i) {
    EXPECT_EQ((*after)[i].name, (*before)[i].name);
    EXPECT_EQ((*after)[i].role, (*before)[i].role);
  }
  EXPECT_EQ(Client().Get("/api/v1/me", {{"Cookie", admin.cookie}})->status, 200);
}

TEST_F(ServerTest, LogHasOneLinePerRequestAndNoSecrets) {
  Login admin = LogIn("admin");
  ASSERT_EQ(admin.status, 201);
  const std::string new_password = "a-very-secret-password";
  Client().Post(
      "/api/v1/users", Auth(admin),
      nlohmann::json({{"name", "fatima"}, {"role", "viewer"}, {"password", new_password}}).dump(),
      "application/json");
  Client().Patch("/api/v1/users/fatima", Auth(admin), R"({"role":"analyst"})", "application/json");
  Client().Get("/api/v1/audit?before=QUERYSECRET", {{"Cookie", admin.cookie}});
  LogIn("fatima", "wrong-secret-password");
  Client().Delete("/api/v1/session", Auth(admin));

  StopServer();  // the log line is written after the response: wait for the workers
  auto lines = LogLines();
  ASSERT_GE(lines.size(), 6u);
  bool saw_login = false, saw_patch = false;
  for (const std::string& line : lines) {
    for (const std::string& secret :
         {std::string(kPassword), new_password, std::string("wrong-secret-password"),
          admin.cookie.substr(admin.cookie.find('=') + 1), admin.csrf, std::string("QUERYSECRET"),
          std::string("tenlik_session"), std::string("fatima")}) {
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
    }
    saw_login |= line.find(" POST /api/v1/session 201 ") != std::string::npos;
    saw_patch |= line.find(" PATCH /api/v1/users/{name} 200 ") != std::string::npos;
  }
  EXPECT_TRUE(saw_login);
  EXPECT_TRUE(saw_patch);
}

}  // namespace
}  // namespace tenlik::server
