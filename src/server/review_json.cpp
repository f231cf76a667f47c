// What the review handlers share: cycle JSON, review errors, path ids, audit lines.
#include "server/review_json.h"

#include <charconv>

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

std::optional<int64_t> PathId(Call& call, const char* name, std::string_view not_found_code) {
  const std::string& text = call.params[name];
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    SendError(call.res, call.lang, 404, not_found_code);
    return std::nullopt;
  }
  return id;
}

bool AuditedCycle(Call& call, std::string_view action, int64_t cycle_id, std::string_view detail) {
  Status audited =
      call.accounts.Audit(call.Actor(), action, "cycle " + std::to_string(cycle_id), detail);
  if (!audited.ok()) SendInternal(call, audited);
  return audited.ok();
}

}  // namespace tenlik::server
