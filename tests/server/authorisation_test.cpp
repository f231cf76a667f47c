// Walks every row of the authorisation table with every role and without a session.
#include <functional>
#include <map>
#include <optional>

#include "server_fixture.h"

namespace tenlik::server {
namespace {

using accounts::Role;

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

  std::map<std::string, Probe> Probes() {
    auto json = [](const nlohmann::json& j) { return j.dump(); };
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
    };
  }
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
