// What the review handlers share (respondents, cycles, plan, district and peer):
// the JSON of cycles and texts (docs/api.md: CYCLE, TEXT), path ids, review errors
// and the audit line of a cycle.
#pragma once

#include <nlohmann/json.hpp>

#include "review/review.h"
#include "server/internal.h"

namespace tenlik::server {

nlohmann::json TextJson(const review::Text& text);
// CYCLE of docs/api.md: review::CycleToJson as a JSON value.
nlohmann::json CycleJson(const review::Cycle& cycle);
// Sends the error for a failed review call: NotFound 404 `not_found_code`,
// AlreadyExists (a used code) 409 code_used, FailedPrecondition (a closed cycle) 409
// cycle_closed, InvalidArgument 400 `invalid_code`; anything else 500.
void SendReviewError(Call& call, const Status& status, std::string_view not_found_code,
                     std::string_view invalid_code);
// The path parameter `name` as a positive id; sends 404 `not_found_code` and returns
// nullopt otherwise.
std::optional<int64_t> PathId(Call& call, const char* name, std::string_view not_found_code);
// Writes `action` on target "cycle N" to the audit log; `detail` must hold no secret
// and no text a respondent or reviewer wrote. Sends 500 and returns false when the log
// cannot be written.
bool AuditedCycle(Call& call, std::string_view action, int64_t cycle_id, std::string_view detail);

}  // namespace tenlik::server
