// Administration of users (admin only, see accounts::EndpointRules).
#include "server/internal.h"

namespace tenlik::server {
namespace {

nlohmann::json UserJson(const accounts::User& user) {
  return {{"name", user.name},
          {"role", accounts::RoleName(user.role)},
          {"created_at", user.created_at}};
}

// Sends the error for a failed accounts call on user `name`.
void SendAccountsError(Call& call, const Status& status) {
  switch (status.code()) {
    case StatusCode::kAlreadyExists:
      return SendError(call.res, call.lang, 409, "user_exists");
    case StatusCode::kNotFound:
      return SendError(call.res, call.lang, 404, "user_not_found");
    case StatusCode::kFailedPrecondition:
      return SendError(call.res, call.lang, 409, "last_admin");
    // Names and roles are checked before the call: what is left is the password.
    case StatusCode::kInvalidArgument:
      return SendError(call.res, call.lang, 400, "weak_password", "password");
    default:
      return SendInternal(call, status);
  }
}

// The role named in `text`, or an error sent and nullopt. Respondents have no account.
std::optional<accounts::Role> AccountRole(Call& call, const std::string& text) {
  auto role = accounts::ParseRole(text);
  if (!role || *role == accounts::Role::kRespondent) {
    SendError(call.res, call.lang, 400, "invalid_role", "role");
    return std::nullopt;
  }
  return role;
}

// The {name} path parameter when valid; otherwise sends 400 and returns nullopt.
std::optional<std::string> PathUserName(Call& call) {
  const std::string& name = call.params["name"];
  if (!accounts::IsValidUserName(name)) {
    SendError(call.res, call.lang, 400, "invalid_user_name", "name");
    return std::nullopt;
  }
  return name;
}

}  // namespace

void HandleListUsers(Call& call) {
  auto users = call.accounts.ListUsers();
  if (!users.ok()) return SendInternal(call, users.status());
  nlohmann::json list = nlohmann::json::array();
  for (const accounts::User& user : *users) list.push_back(UserJson(user));
  SendJson(call.res, 200, {{"users", list}});
}

void HandleAddUser(Call& call) {
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto name = StringField(call, *body, "name", &failed);
  if (failed) return;
  auto role_text = StringField(call, *body, "role", &failed);
  if (failed) return;
  auto password = StringField(call, *body, "password", &failed);
  if (failed) return;
  if (!name || !role_text || !password) {
    return SendError(call.res, call.lang, 400, "invalid_field",
                     !name        ? "name"
                     : !role_text ? "role"
                                  : "password");
  }
  if (!accounts::IsValidUserName(*name)) {
    return SendError(call.res, call.lang, 400, "invalid_user_name", "name");
  }
  auto role = AccountRole(call, *role_text);
  if (!role) return;
  Status added = call.accounts.AddUser(*name, *role, *password, call.Actor());
  if (!added.ok()) return SendAccountsError(call, added);
  SendJson(call.res, 201, {{"name", *name}, {"role", accounts::RoleName(*role)}});
}

void HandleChangeUser(Call& call) {
  auto name = PathUserName(call);
  if (!name) return;
  auto body = JsonBody(call);
  if (!body) return;
  bool failed = false;
  auto role_text = StringField(call, *body, "role", &failed);
  if (failed) return;
  auto password = StringField(call, *body, "password", &failed);
  if (failed) return;
  if (!role_text && !password) return SendError(call.res, call.lang, 400, "invalid_field", "role");
  std::optional<accounts::Role> role;
  if (role_text && !(role = AccountRole(call, *role_text))) return;
  // Checked first so that a bad password does not leave the role half-changed.
  const accounts::Policy& policy = call.options.policy;
  if (password && (password->size() < policy.min_password_length ||
                   password->size() > policy.max_password_length)) {
    return SendError(call.res, call.lang, 400, "weak_password", "password");
  }
  if (role) {
    Status changed = call.accounts.SetRole(*name, *role, call.Actor());
    if (!changed.ok()) return SendAccountsError(call, changed);
  }
  if (password) {
    Status changed = call.accounts.SetPassword(*name, *password, call.Actor());
    if (!changed.ok()) return SendAccountsError(call, changed);
  }
  auto user = call.accounts.FindUser(*name);
  if (!user.ok()) return SendInternal(call, user.status());
  if (!*user) return SendError(call.res, call.lang, 404, "user_not_found");
  SendJson(call.res, 200, UserJson(**user));
}

void HandleRemoveUser(Call& call) {
  auto name = PathUserName(call);
  if (!name) return;
  Status removed = call.accounts.RemoveUser(*name, call.Actor());
  if (!removed.ok()) return SendAccountsError(call, removed);
  call.res.status = 204;
}

void HandleAudit(Call& call) {
  int limit = 100;
  if (call.req.has_param("limit")) {
    const std::string text = call.req.get_param_value("limit");
    size_t used = 0;
    try {
      limit = std::stoi(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size() || limit < 1 || limit > 1000) {
      return SendError(call.res, call.lang, 400, "invalid_parameter", "limit");
    }
  }
  std::string before = call.req.get_param_value("before");
  auto entries = call.accounts.ListAudit(limit, before);
  if (!entries.ok()) return SendInternal(call, entries.status());
  nlohmann::json list = nlohmann::json::array();
  for (const accounts::AuditEntry& entry : *entries) {
    list.push_back({{"id", entry.id},
                    {"at", entry.at},
                    {"actor", entry.actor},
                    {"action", entry.action},
                    {"target", entry.target},
                    {"detail", entry.detail},
                    {"client", entry.client}});
  }
  nlohmann::json body = {{"entries", list}};
  body["next_before"] = static_cast<int>(entries->size()) == limit
                            ? nlohmann::json(entries->back().id)
                            : nlohmann::json(nullptr);
  SendJson(call.res, 200, body);
}

}  // namespace tenlik::server
