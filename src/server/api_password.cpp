// A logged-in user changing their own password (accounts::ChangeOwnPassword).
#include "server/internal.h"

namespace tenlik::server {

void HandleChangePassword(Call& call) {
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto current = StringField(call, *body, "current", &failed);
  if (failed) return;
  auto next = StringField(call, *body, "new", &failed);
  if (failed) return;
  if (!current || !next) {
    return SendError(call.res, call.lang, 400, "invalid_field", !current ? "current" : "new");
  }
  auto changed = call.accounts.ChangeOwnPassword(call.token, *current, *next, call.req.remote_addr);
  if (!changed.ok()) {
    switch (changed.status().code()) {
      case StatusCode::kInvalidArgument:
        return SendError(call.res, call.lang, 400, "weak_password", "new");
      // The session has no user (a respondent) or ended since it was checked.
      case StatusCode::kFailedPrecondition:
        return SendError(call.res, call.lang, 403, "forbidden");
      default:
        return SendInternal(call, changed.status());
    }
  }
  switch (changed->outcome) {
    case accounts::LoginOutcome::kRateLimited:
      call.res.set_header("Retry-After", std::to_string(changed->retry_after_seconds));
      return SendError(call.res, call.lang, 429, "rate_limited");
    case accounts::LoginOutcome::kWrongCredentials:
      return SendError(call.res, call.lang, 401, "invalid_credentials", "current");
    case accounts::LoginOutcome::kOk:
      break;
  }
  call.res.status = 204;
}

}  // namespace tenlik::server
