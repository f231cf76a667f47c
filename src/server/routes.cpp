// The route table: method and path template to handler. Who may call each route is
// in accounts::EndpointRules; the server checks at start that both tables agree.
#include "server/internal.h"

namespace tenlik::server {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool Matches(std::string_view path_template, std::string_view path,
             std::map<std::string, std::string>* params) {
  auto want = Segments(path_template);
  auto got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (got[i].empty()) return false;
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(got[i]);
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/v1/health", HandleHealth},
      {"POST", "/api/v1/session", HandleLogin},
      {"DELETE", "/api/v1/session", HandleLogout},
      {"GET", "/api/v1/me", HandleMe},
      {"PUT", "/api/v1/me/password", HandleChangePassword},
      {"GET", "/api/v1/users", HandleListUsers},
      {"POST", "/api/v1/users", HandleAddUser},
      {"PATCH", "/api/v1/users/{name}", HandleChangeUser},
      {"DELETE", "/api/v1/users/{name}", HandleRemoveUser},
      {"GET", "/api/v1/audit", HandleAudit},
      {"GET", "/api/v1/search", HandleSearch},
      {"GET", "/api/v1/query/check", HandleQueryCheck},
      {"GET", "/api/v1/posts/{id}", HandlePost},
      {"GET", "/api/v1/studies/{study}/queries/{query}/sample", HandleQuerySample},
      {"PUT", "/api/v1/studies/{study}/queries/{query}/labels/{post_id}", HandleSetLabel},
      {"GET", "/api/v1/studies/{study}/queries/{query}/validation", HandleQueryValidation},
      {"GET", "/api/v1/studies", HandleListStudies},
      {"GET", "/api/v1/studies/{study}", HandleGetStudy},
      {"POST", "/api/v1/studies/{study}/runs", HandleStartRun},
      {"GET", "/api/v1/jobs", HandleListJobs},
      {"GET", "/api/v1/jobs/{id}", HandleGetJob},
      {"GET", "/api/v1/studies/{study}/report", HandleStudyReport},
      {"GET", "/api/v1/studies/{study}/report/files", HandleStudyReportFiles},
      {"GET", "/api/v1/studies/{study}/report/files/{file}", HandleStudyReportFile},
      {"POST", "/api/v1/respond/open", HandleRespondOpen},
      {"PUT", "/api/v1/respond/draft", HandleRespondDraft},
      {"POST", "/api/v1/respond/submit", HandleRespondSubmit},
      {"GET", "/api/v1/review/instruments", HandleListInstruments},
      {"GET", "/api/v1/review/cycles", HandleListCycles},
      {"POST", "/api/v1/review/cycles", HandleOpenCycle},
      {"GET", "/api/v1/review/cycles/{id}", HandleGetCycle},
      {"POST", "/api/v1/review/cycles/{id}/codes", HandleIssueCodes},
      {"POST", "/api/v1/review/cycles/{id}/close", HandleCloseCycle},
      {"GET", "/api/v1/review/cycles/{id}/results", HandleCycleResults},
      {"GET", "/api/v1/review/cycles/{id}/export", HandleCycleExport},
      {"GET", "/api/v1/review/districts/{district}/overview", HandleDistrictOverview},
      {"GET", "/api/v1/review/peer/invitations", HandlePeerInvitations},
      {"GET", "/api/v1/review/cycles/{id}/peer/results", HandlePeerResults},
      {"GET", "/api/v1/review/cycles/{id}/peer/reviewers", HandleListPeerReviewers},
      {"POST", "/api/v1/review/cycles/{id}/peer/reviewers", HandleInvitePeerReviewer},
      {"GET", "/api/v1/review/cycles/{id}/peer/notes", HandleListPeerNotes},
      {"POST", "/api/v1/review/cycles/{id}/peer/notes", HandleAddPeerNote},
      {"PUT", "/api/v1/review/cycles/{id}/peer/notes/{note}/reply", HandleReplyToPeerNote},
      {"GET", "/api/v1/review/cycles/{id}/plan/suggestions", HandlePlanSuggestions},
      {"GET", "/api/v1/review/cycles/{id}/plan", HandleGetPlan},
      {"POST", "/api/v1/review/cycles/{id}/plan/priorities", HandleAddPriority},
      {"PUT", "/api/v1/review/cycles/{id}/plan/priorities/{priority}", HandleEditPriority},
      {"DELETE", "/api/v1/review/cycles/{id}/plan/priorities/{priority}", HandleRemovePriority},
      {"POST", "/api/v1/review/cycles/{id}/plan/priorities/{priority}/actions", HandleAddAction},
      {"PUT", "/api/v1/review/cycles/{id}/plan/actions/{action}", HandleEditAction},
      {"DELETE", "/api/v1/review/cycles/{id}/plan/actions/{action}", HandleRemoveAction},
      {"POST", "/api/v1/review/cycles/{id}/plan/actions/{action}/progress", HandleAddProgress},
  };
  return kRoutes;
}

const Route* MatchRoute(std::string_view method, std::string_view path,
                        std::map<std::string, std::string>* params) {
  for (const Route& route : Routes()) {
    if (route.method == method && Matches(route.path, path, params)) return &route;
  }
  return nullptr;
}

bool PathHasRoute(std::string_view path) {
  for (const Route& route : Routes()) {
    if (Matches(route.path, path, nullptr)) return true;
  }
  return false;
}

}  // namespace tenlik::server
