// Internals of the web server shared by its sources.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "jobs/jobs.h"
#include "listen/listen.h"
#include "server/server.h"
#include "store/store.h"

namespace tenlik::server {

enum class Lang { kEnglish, kRussian, kKazakh };

// From the `lang` cookie, else the first of kk/ru/en in Accept-Language, else English.
Lang RequestLang(const httplib::Request& req);
// The value of cookie `name` in the request; empty when absent.
std::string CookieValue(const httplib::Request& req, std::string_view name);

// Store connections for worker threads: taken for a request, given back after it.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::string location) : location_(std::move(location)) {}
  Result<std::unique_ptr<store::Connection>> Take();
  void Give(std::unique_ptr<store::Connection> connection);
  void CloseAll();

 private:
  std::string location_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Connection>> idle_;
};

// Counts failed access-code attempts (unknown or malformed codes) per client address,
// in memory: after `limit` failures within `window_seconds` the address is refused
// until the oldest failure leaves the window. Guessing a code is hopeless (31^10), but
// a script trying codes should still be slowed down and seen. Thread-safe.
class CodeAttemptLimiter {
 public:
  CodeAttemptLimiter(int limit, int64_t window_seconds)
      : limit_(limit), window_seconds_(window_seconds) {}
  // Seconds until `client` may try again; 0 when it may now.
  int64_t RetryAfter(const std::string& client, int64_t now);
  void RecordFailure(const std::string& client, int64_t now);

 private:
  void Forget(std::vector<int64_t>& failures, int64_t now) const;
  static constexpr size_t kSweepAt = 10000;
  int limit_;
  int64_t window_seconds_;
  std::mutex mutex_;
  std::map<std::string, std::vector<int64_t>> failures_;  // client -> times, oldest first
};

// One API request being handled.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  const Options& options;
  Lang lang;
  std::map<std::string, std::string> params;  // path parameters of the route template
  store::Connection& db;
  accounts::Accounts& accounts;
  std::optional<accounts::Session> session;
  std::string token;             // the session cookie's value; empty when none
  jobs::Runner* jobs = nullptr;  // the server's background jobs
  CodeAttemptLimiter* code_attempts = nullptr;
  accounts::Actor Actor() const;
  // Unix seconds, from the test clock when one is set.
  int64_t Now() const;
};

// Writes the error body {"error":{"code","message"[,"field"]}} with `status`; the
// message is in the request's language. `code` must be one of the codes of errors.cpp.
void SendError(httplib::Response& res, Lang lang, int status, std::string_view code,
               std::string_view field = {});
// The code for an HTTP status httplib set on its own (413, 400, 404...).
std::string_view CodeForStatus(int status);
// A store or internal failure: 500 "internal"; the message goes to the log only.
void SendInternal(Call& call, const Status& status);
void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// The same for a body that is already serialised JSON (the review module's *ToJson).
void SendJsonText(httplib::Response& res, int status, std::string body);
// The message of error `code` in `lang`, as SendError writes it.
const char* ErrorMessage(Lang lang, std::string_view code);
// Query-string parameter `name` as a whole number in [min, max], `fallback` when
// absent; sends 400 invalid_parameter naming it and returns nullopt otherwise.
std::optional<int64_t> IntParam(Call& call, const char* name, int64_t min, int64_t max,
                                int64_t fallback);

// Parses the body as a JSON object; sends 400 invalid_json and returns nullopt if not.
std::optional<nlohmann::json> JsonBody(Call& call);
// A string member `name` of `body`: nullopt when absent; sends 400 invalid_field and
// sets `failed` when present with another type.
std::optional<std::string> StringField(Call& call, const nlohmann::json& body, const char* name,
                                       bool* failed);

// Handlers of the API, one per route.
void HandleHealth(Call& call);
void HandleLogin(Call& call);
void HandleLogout(Call& call);
void HandleMe(Call& call);
void HandleChangePassword(Call& call);
void HandleListUsers(Call& call);
void HandleAddUser(Call& call);
void HandleChangeUser(Call& call);
void HandleRemoveUser(Call& call);
void HandleAudit(Call& call);
void HandleListStudies(Call& call);
void HandleGetStudy(Call& call);
void HandleStartRun(Call& call);
void HandleListJobs(Call& call);
void HandleGetJob(Call& call);
void HandleStudyReport(Call& call);
void HandleStudyReportFiles(Call& call);
void HandleStudyReportFile(Call& call);
void HandleSearch(Call& call);
void HandleQueryCheck(Call& call);
void HandlePost(Call& call);
void HandleQuerySample(Call& call);
void HandleSetLabel(Call& call);
void HandleQueryValidation(Call& call);
void HandleRespondOpen(Call& call);
void HandleRespondDraft(Call& call);
void HandleRespondSubmit(Call& call);
void HandleListInstruments(Call& call);
void HandleListCycles(Call& call);
void HandleOpenCycle(Call& call);
void HandleGetCycle(Call& call);
void HandleIssueCodes(Call& call);
void HandleCloseCycle(Call& call);
void HandleCycleResults(Call& call);
void HandleCycleExport(Call& call);
// District overview and peer review (api_review_district.cpp).
void HandleDistrictOverview(Call& call);
void HandlePeerInvitations(Call& call);
void HandlePeerResults(Call& call);
void HandleListPeerReviewers(Call& call);
void HandleInvitePeerReviewer(Call& call);
void HandleListPeerNotes(Call& call);
void HandleAddPeerNote(Call& call);
void HandleReplyToPeerNote(Call& call);
// The development plan of a cycle (api_review_plan.cpp).
void HandlePlanSuggestions(Call& call);
void HandleGetPlan(Call& call);
void HandleAddPriority(Call& call);
void HandleEditPriority(Call& call);
void HandleRemovePriority(Call& call);
void HandleAddAction(Call& call);
void HandleEditAction(Call& call);
void HandleRemoveAction(Call& call);
void HandleAddProgress(Call& call);

struct Route {
  std::string_view method;
  std::string_view path;  // template, as in accounts::EndpointRules
  void (*handle)(Call&);
};
const std::vector<Route>& Routes();
// The route matching `method` and `path`, with its parameters; nullptr when none.
const Route* MatchRoute(std::string_view method, std::string_view path,
                        std::map<std::string, std::string>* params);
// True when some route has this path under another method.
bool PathHasRoute(std::string_view path);

// The ids of the studies folder's *.yaml files, sorted; empty when it has none.
std::vector<std::string> StudyIds(const Options& options);
// Loads study `id` of the studies folder. Sends 404 study_not_found (an unknown or
// malformed id) or 500 (a study file that does not load) and returns nullopt.
std::optional<listen::Study> LoadStudyForCall(Call& call, const std::string& id);

// Study runs as background jobs (study_run_job.cpp, api_jobs.cpp).
inline constexpr std::string_view kStudyRunKind = "study_run";
// Reports go to <reports dir>/<study>/<job id>/. The default reports dir is
// "tenlik-reports" beside a file store, else in the working folder.
std::string DefaultReportsDir(const std::string& store_location);
std::filesystem::path ReportDir(const Options& options, const std::string& study_id,
                                int64_t job_id);
// The job function of kind "study_run" (params {"study","lang"}): runs the study and
// returns {"posts","original_posts","lang","files":{download name: path in the run's
// folder}}. Cancelled when the runner stops mid-annotation.
Result<std::string> RunStudyJob(const Options& options, const jobs::Job& job,
                                jobs::JobContext& context);
// JOB of docs/api.md.
nlohmann::json JobJson(const jobs::Job& job);

// VALIDATION of docs/api.md: listen::ValidationJson with the query's id.
nlohmann::json ValidationWithId(const listen::QueryValidation& validation);

// Static front end: GET of anything outside /api/.
void ServeStatic(const httplib::Request& req, httplib::Response& res, const std::string& web_dir,
                 Lang lang);

// Cookie header values.
std::string SessionCookie(const std::string& token, int64_t max_age, bool secure);
inline constexpr std::string_view kSessionCookie = "tenlik_session";

}  // namespace tenlik::server
