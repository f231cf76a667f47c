// JSON of review cycles and the mapping of review errors to API errors.
#include "server/review_json.h"

namespace tenlik::server {

nlohmann::json TextJson(const review::Text& text) {
  return {{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}};
}

nlohmann::json CycleJson(const review::Cycle& cycle) {
  nlohmann::json groups = nlohmann::json::array();
  for (const review::GroupProgress& progress : cycle.groups) {
    const review::Text* label = review::GroupLabel(progress.group);
    groups.push_back({{"group", progress.group},
                      {"label", label ? TextJson(*label) : nlohmann::json(nullptr)},
                      {"codes_issued", progress.codes_issued},
                      {"responses", progress.responses ? nlohmann::json(*progress.responses)
                                                       : nlohmann::json(nullptr)}});
  }
  return {{"id", cycle.id},
          {"unit",
           {{"id", cycle.unit.id},
            {"name", cycle.unit.name},
            {"region", cycle.unit.region},
            {"kind", review::KindName(cycle.unit.kind)}}},
          {"instrument", {{"id", cycle.instrument_id}, {"version", cycle.instrument_version}}},
          {"label", cycle.label},
          {"state", review::CycleStateName(cycle.state)},
          {"opened_at", cycle.opened_at},
          {"closed_at",
           cycle.closed_at == 0 ? nlohmann::json(nullptr) : nlohmann::json(cycle.closed_at)},
          {"minimum_group_size", review::kMinGroupSize},
          {"groups", std::move(groups)}};
}

void SendReviewError(Call& call, const Status& status, std::string_view not_found_code,
                     std::string_view invalid_code) {
  switch (status.code()) {
    case StatusCode::kNotFound:
      return SendError(call.res, call.lang, 404, not_found_code);
    // The form tells "your answers were received" from "the review has ended".
    case StatusCode::kAlreadyExists:
      return SendError(call.res, call.lang, 409, "code_used");
    case StatusCode::kFailedPrecondition:
      return SendError(call.res, call.lang, 409, "cycle_closed");
    case StatusCode::kInvalidArgument:
      return SendError(call.res, call.lang, 400, invalid_code);
    default:
      return SendInternal(call, status);
  }
}

}  // namespace tenlik::server
