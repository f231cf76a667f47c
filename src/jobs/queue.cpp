// The job table: submitting, finding and listing jobs.
#include <ctime>
#include <string>

#include "jobs/internal.h"

namespace tenlik::jobs {
namespace {

std::optional<int64_t> OptionalInt(store::Statement& statement, int column) {
  if (statement.ColumnIsNull(column)) return std::nullopt;
  return statement.ColumnInt(column);
}

// The queued or running job of `kind` and `key`, if any.
Result<std::optional<Job>> FindActive(store::Connection& db, std::string_view kind,
                                      std::string_view key) {
  TENLIK_ASSIGN_OR_RETURN(auto statement,
                          db.Prepare("SELECT " + std::string(kJobColumns) +
                                     " FROM jobs_queue WHERE kind = $1 AND job_key = $2 AND "
                                     "(state = 'queued' OR state = 'running')"));
  TENLIK_RETURN_IF_ERROR(statement->Bind(1, kind));
  TENLIK_RETURN_IF_ERROR(statement->Bind(2, key));
  TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
  if (!row) return std::optional<Job>();
  return std::optional<Job>(ReadJob(*statement));
}

}  // namespace

const char* StateName(State state) {
  switch (state) {
    case State::kQueued:
      return "queued";
    case State::kRunning:
      return "running";
    case State::kDone:
      return "done";
    case State::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<State> ParseState(std::string_view name) {
  for (State state : {State::kQueued, State::kRunning, State::kDone, State::kFailed}) {
    if (name == StateName(state)) return state;
  }
  return std::nullopt;
}

int64_t UnixNow() { return static_cast<int64_t>(std::time(nullptr)); }

Job ReadJob(store::Statement& statement) {
  Job job;
  job.id = statement.ColumnInt(0);
  job.kind = statement.ColumnText(1);
  job.key = statement.ColumnText(2);
  job.params = statement.ColumnText(3);
  // A state this program does not know (written by a later one) reads as failed.
  job.state = ParseState(statement.ColumnText(4)).value_or(State::kFailed);
  job.stage = statement.ColumnText(5);
  job.done = statement.ColumnInt(6);
  job.total = statement.ColumnInt(7);
  job.rate = statement.ColumnDouble(8);
  job.eta_seconds = OptionalInt(statement, 9);
  job.created_at = statement.ColumnInt(10);
  job.started_at = OptionalInt(statement, 11);
  job.finished_at = OptionalInt(statement, 12);
  job.restarts = statement.ColumnInt(13);
  job.error = statement.ColumnText(14);
  job.result = statement.ColumnText(15);
  return job;
}

Result<Submitted> Submit(store::Connection& db, std::string_view kind, std::string_view key,
                         std::string_view params, int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO jobs_queue (kind, job_key, params, state, stage, done, total, rate, "
                 "created_at, restarts, error, result) VALUES ($1, $2, $3, 'queued', '', 0, 0, "
                 "0.0, $4, 0, '', '') ON CONFLICT DO NOTHING RETURNING id"));
  TENLIK_RETURN_IF_ERROR(insert->Bind(1, kind));
  TENLIK_RETURN_IF_ERROR(insert->Bind(2, key));
  TENLIK_RETURN_IF_ERROR(insert->Bind(3, params));
  TENLIK_RETURN_IF_ERROR(insert->Bind(4, now != 0 ? now : UnixNow()));
  TENLIK_ASSIGN_OR_RETURN(bool inserted, insert->Step());
  int64_t id = inserted ? insert->ColumnInt(0) : 0;
  insert.reset();
  if (inserted) {
    TENLIK_ASSIGN_OR_RETURN(std::optional<Job> job, FindJob(db, id));
    if (!job) return Internal("job " + std::to_string(id) + " vanished after it was queued");
    return Submitted{std::move(*job), true};
  }
  // The active job may finish between the insert and this look: then queue again.
  TENLIK_ASSIGN_OR_RETURN(std::optional<Job> active, FindActive(db, kind, key));
  if (!active) return Submit(db, kind, key, params, now);
  return Submitted{std::move(*active), false};
}

Result<std::optional<Job>> FindJob(store::Connection& db, int64_t id) {
  TENLIK_ASSIGN_OR_RETURN(auto statement, db.Prepare("SELECT " + std::string(kJobColumns) +
                                                     " FROM jobs_queue WHERE id = $1"));
  TENLIK_RETURN_IF_ERROR(statement->Bind(1, id));
  TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
  if (!row) return std::optional<Job>();
  return std::optional<Job>(ReadJob(*statement));
}

Result<std::vector<Job>> ListJobs(store::Connection& db, const JobFilter& filter) {
  std::string sql = "SELECT " + std::string(kJobColumns) + " FROM jobs_queue WHERE 1 = 1";
  std::vector<std::string> values;
  auto condition = [&](const char* column, std::string value) {
    values.push_back(std::move(value));
    sql += std::string(" AND ") + column + " = $" + std::to_string(values.size());
  };
  if (!filter.kind.empty()) condition("kind", filter.kind);
  if (!filter.key.empty()) condition("job_key", filter.key);
  if (filter.state) condition("state", StateName(*filter.state));
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(values.size() + 1);
  TENLIK_ASSIGN_OR_RETURN(auto statement, db.Prepare(sql));
  for (size_t i = 0; i < values.size(); ++i) {
    TENLIK_RETURN_IF_ERROR(statement->Bind(static_cast<int>(i + 1), values[i]));
  }
  TENLIK_RETURN_IF_ERROR(
      statement->Bind(static_cast<int>(values.size() + 1), static_cast<int64_t>(filter.limit)));
  std::vector<Job> jobs;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
    if (!row) break;
    jobs.push_back(ReadJob(*statement));
  }
  return jobs;
}

}  // namespace tenlik::jobs
