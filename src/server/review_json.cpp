// JSON of review cycles and the mapping of review errors to API errors.
#include "server/review_json.h"

namespace tenlik::server {

nlohmann::json TextJson(const review::Text& text) {
  return {{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}};
}

nlohmann::json CycleJson(const review::Cycle& cycle) {
  return nlohmann::json::parse(review::CycleToJson(cycle));
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
