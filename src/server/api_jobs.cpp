// Background jobs as the API shows them: GET /api/v1/jobs and /api/v1/jobs/{id}.
#include "server/internal.h"

namespace tenlik::server {
namespace {

nlohmann::json OptionalJson(const std::optional<int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A job id from a path: digits only, no sign, within int64.
std::optional<int64_t> ParseJobId(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(text);
}

}  // namespace

nlohmann::json JobJson(const jobs::Job& job) {
  return {{"id", job.id},
          {"kind", job.kind},
          {"study", job.kind == kStudyRunKind ? nlohmann::json(job.key) : nlohmann::json(nullptr)},
          {"state", jobs::StateName(job.state)},
          {"stage", job.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(job.stage)},
          {"done", job.done},
          {"total", job.total},
          {"rate", job.rate},
          {"eta_seconds", OptionalJson(job.eta_seconds)},
          {"created_at", job.created_at},
          {"started_at", OptionalJson(job.started_at)},
          {"finished_at", OptionalJson(job.finished_at)},
          {"restarts", job.restarts},
          {"error", job.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(job.error)}};
}

void HandleListJobs(Call& call) {
  auto list = jobs::ListJobs(call.db, {.kind = "", .key = "", .state = std::nullopt, .limit = 50});
  if (!list.ok()) return SendInternal(call, list.status());
  nlohmann::json body = nlohmann::json::array();
  for (const jobs::Job& job : *list) body.push_back(JobJson(job));
  SendJson(call.res, 200, {{"jobs", body}});
}

void HandleGetJob(Call& call) {
  std::optional<int64_t> id = ParseJobId(call.params["id"]);
  if (!id) return SendError(call.res, call.lang, 404, "job_not_found", "id");
  auto job = jobs::FindJob(call.db, *id);
  if (!job.ok()) return SendInternal(call, job.status());
  if (!*job) return SendError(call.res, call.lang, 404, "job_not_found", "id");
  SendJson(call.res, 200, JobJson(**job));
}

}  // namespace tenlik::server
