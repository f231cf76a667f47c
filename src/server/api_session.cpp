// Health, login, logout and "who am I".
#include "server/internal.h"

namespace tenlik::server {
namespace {

nlohmann::json SessionJson(const accounts::Session& session) {
  nlohmann::json body = {{"role", accounts::RoleName(session.role)},
                         {"expires_at", session.expires_at},
                         {"csrf_token", session.csrf_token}};
  body["user"] = session.user.empty() ? nlohmann::json(nullptr) : nlohmann::json(session.user);
  return body;
}

}  // namespace

void HandleHealth(Call& call) {
  nlohmann::json schema = nlohmann::json::object();
  for (const char* module : {"accounts", "listen"}) {
    auto version = call.db.SchemaVersion(module);
    if (!version.ok()) return SendInternal(call, version.status());
    schema[module] = *version;
  }
  SendJson(call.res, 200, {{"status", "ok"}, {"backend", call.db.Backend()}, {"schema", schema}});
}

void HandleLogin(Call& call) {
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto user = StringField(call, *body, "user", &failed);
  if (failed) return;
  auto password = StringField(call, *body, "password", &failed);
  if (failed) return;
  auto code = StringField(call, *body, "code", &failed);
  if (failed) return;
  Result<accounts::LoginResult> result = accounts::LoginResult{};
  if (user && password && !code) {
    result = call.accounts.Login(*user, *password, call.req.remote_addr);
  } else if (code && !user && !password) {
    result = call.accounts.LoginWithCode(*code, call.req.remote_addr);
  } else {
    return SendError(call.res, call.lang, 400, "invalid_field", code ? "code" : "password");
  }
  if (!result.ok()) return SendInternal(call, result.status());
  switch (result->outcome) {
    case accounts::LoginOutcome::kRateLimited:
      call.res.set_header("Retry-After", std::to_string(result->retry_after_seconds));
      return SendError(call.res, call.lang, 429, "rate_limited");
    case accounts::LoginOutcome::kWrongCredentials:
      return SendError(call.res, call.lang, 401, "invalid_credentials");
    case accounts::LoginOutcome::kOk:
      break;
  }
  const accounts::NewSession& created = *result->session;
  int64_t now = call.options.clock ? call.options.clock() : std::time(nullptr);
  call.res.set_header("Set-Cookie", SessionCookie(created.token, created.session.expires_at - now,
                                                  call.options.secure_cookies));
  SendJson(call.res, 201, SessionJson(created.session));
}

void HandleLogout(Call& call) {
  Status done = call.accounts.Logout(call.token, call.Actor());
  if (!done.ok()) return SendInternal(call, done);
  call.res.set_header("Set-Cookie", SessionCookie("", 0, call.options.secure_cookies));
  call.res.status = 204;
}

void HandleMe(Call& call) { SendJson(call.res, 200, SessionJson(*call.session)); }

}  // namespace tenlik::server
