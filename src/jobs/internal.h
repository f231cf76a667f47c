// Internals of the jobs module shared by its sources.
#pragma once

#include <optional>
#include <string_view>

#include "jobs/jobs.h"

namespace tenlik::jobs {

// The columns every job query selects, in the order ReadJob expects.
inline constexpr std::string_view kJobColumns =
    "id, kind, job_key, params, state, stage, done, total, rate, eta_seconds, created_at, "
    "started_at, finished_at, restarts, error, result";

// The job in the current row of a statement that selected kJobColumns.
Job ReadJob(store::Statement& statement);

std::optional<State> ParseState(std::string_view name);

int64_t UnixNow();

}  // namespace tenlik::jobs
