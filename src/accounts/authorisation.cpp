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
      // Respondents have no password.
      {"PUT",
       "/api/v1/me/password",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer, Role::kSchoolCoordinator,
        Role::kPeerReviewer}},
      {"GET", "/api/v1/users", Access::kRoles, {Role::kAdmin}},
      {"POST", "/api/v1/users", Access::kRoles, {Role::kAdmin}},
      {"PATCH", "/api/v1/users/{name}", Access::kRoles, {Role::kAdmin}},
      {"DELETE", "/api/v1/users/{name}", Access::kRoles, {Role::kAdmin}},
      {"GET", "/api/v1/audit", Access::kRoles, {Role::kAdmin}},
      {"GET", "/api/v1/search", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET", "/api/v1/query/check", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET", "/api/v1/posts/{id}", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET",
       "/api/v1/studies/{study}/queries/{query}/sample",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"PUT",
       "/api/v1/studies/{study}/queries/{query}/labels/{post_id}",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst}},
      {"GET",
       "/api/v1/studies/{study}/queries/{query}/validation",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET", "/api/v1/studies", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET",
       "/api/v1/studies/{study}",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"POST", "/api/v1/studies/{study}/runs", Access::kRoles, {Role::kAdmin, Role::kAnalyst}},
      {"GET", "/api/v1/jobs", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET", "/api/v1/jobs/{id}", Access::kRoles, {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET",
       "/api/v1/studies/{study}/report",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET",
       "/api/v1/studies/{study}/report/files",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
      {"GET",
       "/api/v1/studies/{study}/report/files/{file}",
       Access::kRoles,
       {Role::kAdmin, Role::kAnalyst, Role::kViewer}},
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
