// The authorisation table of the web API. A new endpoint gets a row here; the server
// refuses to start when a route has no row, and tests walk every row with every role.
#include "accounts/accounts.h"

namespace tenlik::accounts {

namespace {

const std::vector<Role> kReviewReaders = {Role::kAdmin, Role::kSchoolCoordinator, Role::kAnalyst,
                                          Role::kViewer};
const std::vector<Role> kReviewWriters = {Role::kAdmin, Role::kSchoolCoordinator};
const std::vector<Role> kPeerReaders = {Role::kAdmin, Role::kSchoolCoordinator, Role::kAnalyst,
                                        Role::kViewer, Role::kPeerReviewer};

}  // namespace

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
      // Respondents of a review cycle answer with an access code sent in the body, no
      // session: the code is their only credential and links to nothing about them.
      {"POST", "/api/v1/respond/open", Access::kPublic, {}},
      {"PUT", "/api/v1/respond/draft", Access::kPublic, {}},
      {"POST", "/api/v1/respond/submit", Access::kPublic, {}},
      // School self-review: coordinators (and administrators) run cycles; analysts and
      // viewers read them.
      {"GET", "/api/v1/review/instruments", Access::kRoles, kReviewReaders},
      {"GET", "/api/v1/review/cycles", Access::kRoles, kReviewReaders},
      {"POST", "/api/v1/review/cycles", Access::kRoles, kReviewWriters},
      {"GET", "/api/v1/review/cycles/{id}", Access::kRoles, kReviewReaders},
      {"POST", "/api/v1/review/cycles/{id}/codes", Access::kRoles, kReviewWriters},
      {"POST", "/api/v1/review/cycles/{id}/close", Access::kRoles, kReviewWriters},
      {"GET", "/api/v1/review/cycles/{id}/results", Access::kRoles, kReviewReaders},
      {"GET", "/api/v1/review/cycles/{id}/export", Access::kRoles, kReviewReaders},
      // District overview and peer review. A peer reviewer passes these rules only; the
      // handlers then let it through to the cycles it was invited to (and their
      // district's overview), no further.
      {"GET", "/api/v1/review/districts/{district}/overview", Access::kRoles, kPeerReaders},
      {"GET", "/api/v1/review/peer/invitations", Access::kRoles, {Role::kPeerReviewer}},
      {"GET", "/api/v1/review/cycles/{id}/peer/results", Access::kRoles, kPeerReaders},
      {"GET", "/api/v1/review/cycles/{id}/peer/reviewers", Access::kRoles, kReviewReaders},
      {"POST", "/api/v1/review/cycles/{id}/peer/reviewers", Access::kRoles, kReviewWriters},
      {"GET", "/api/v1/review/cycles/{id}/peer/notes", Access::kRoles, kPeerReaders},
      {"POST", "/api/v1/review/cycles/{id}/peer/notes", Access::kRoles, {Role::kPeerReviewer}},
      {"PUT", "/api/v1/review/cycles/{id}/peer/notes/{note}/reply", Access::kRoles, kReviewWriters},
      // The development plan: coordinators write it; analysts and viewers read it.
      {"GET", "/api/v1/review/cycles/{id}/plan/suggestions", Access::kRoles, kReviewReaders},
      {"GET", "/api/v1/review/cycles/{id}/plan", Access::kRoles, kReviewReaders},
      {"POST", "/api/v1/review/cycles/{id}/plan/priorities", Access::kRoles, kReviewWriters},
      {"PUT", "/api/v1/review/cycles/{id}/plan/priorities/{priority}", Access::kRoles,
       kReviewWriters},
      {"DELETE", "/api/v1/review/cycles/{id}/plan/priorities/{priority}", Access::kRoles,
       kReviewWriters},
      {"POST", "/api/v1/review/cycles/{id}/plan/priorities/{priority}/actions", Access::kRoles,
       kReviewWriters},
      {"PUT", "/api/v1/review/cycles/{id}/plan/actions/{action}", Access::kRoles, kReviewWriters},
      {"DELETE", "/api/v1/review/cycles/{id}/plan/actions/{action}", Access::kRoles,
       kReviewWriters},
      {"POST", "/api/v1/review/cycles/{id}/plan/actions/{action}/progress", Access::kRoles,
       kReviewWriters},
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
