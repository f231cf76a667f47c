// The authorisation table of the web API. A new endpoint gets a row here; the server
// refuses to start when a route has no row, and tests walk every row with every role.
#include "accounts/accounts.h"

namespace tenlik::accounts {

const std::vector<EndpointRule>& EndpointRules() {
  static const std::vector<EndpointRule> kRules = {
      {"GET", "/api/v1/health", Access::kPublic, {}},
      {"POST", "/api/v1/session", Access::kPublic, {}},
      {"DELETE", "/api/v1/session", Access::kAnySession, {}},
      {"GET", "/api/v1/me", Access::kAnySession, {}},
      {"GET", "/api/v1/users", Access::kRoles, {Role::kAdmin}},
      {"POST", "/api/v1/users", Access::kRoles, {Role::kAdmin}},
      {"PATCH", "/api/v1/users/{name}", Access::kRoles, {Role::kAdmin}},
      {"DELETE", "/api/v1/users/{name}", Access::kRoles, {Role::kAdmin}},
      {"GET", "/api/v1/audit", Access::kRoles, {Role::kAdmin}},
  };
  return kRules;
}

const EndpointRule* FindEndpointRule(std::string_view method, std::string_view path_template) {
  for (const EndpointRule& rule : EndpointRules()) {
    if (rule.method == method && rule.path == path_template) return &rule;
  }
  return nullptr;
}

bool RoleMayCall(const EndpointRule& rule, Role role) {
  switch (rule.access) {
    case Access::kPublic:
    case Access::kAnySession:
      return true;
    case Access::kRoles:
      break;
  }
  for (Role allowed : rule.roles) {
    if (allowed == role) return true;
  }
  return false;
}

}  // namespace tenlik::accounts
