// JSON of review cycles and instruments shared by the respondents' and the
// coordinators' handlers (docs/api.md: CYCLE, TEXT).
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

}  // namespace tenlik::server
