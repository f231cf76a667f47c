// Users: adding, listing, removing, roles and passwords.
#include "accounts/internal.h"
#include "accounts/secrets.h"

namespace tenlik::accounts {

Status ExecWith(store::Connection& db, std::string_view sql,
                const std::vector<std::variant<int64_t, std::string_view>>& params) {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  int index = 1;
  for (const auto& param : params) {
    if (const int64_t* number = std::get_if<int64_t>(&param)) {
      TENLIK_RETURN_IF_ERROR(stmt->Bind(index++, *number));
    } else {
      // A default string_view has no data pointer, which SQLite would bind as NULL.
      std::string_view text = std::get<std::string_view>(param);
      TENLIK_RETURN_IF_ERROR(stmt->Bind(index++, text.data() ? text : std::string_view("")));
    }
  }
  return stmt->Step().status();
}

Accounts::Accounts(store::Connection& db, Policy policy, Clock clock)
    : db_(db), policy_(policy), clock_(std::move(clock)) {}

Status Accounts::CheckPassword(std::string_view password) const {
  if (password.size() < policy_.min_password_length) {
    return InvalidArgument("the password is shorter than " +
                           std::to_string(policy_.min_password_length) + " characters");
  }
  if (password.size() > policy_.max_password_length) {
    return InvalidArgument("the password is longer than " +
                           std::to_string(policy_.max_password_length) + " bytes");
  }
  return Status::Ok();
}

Status Accounts::AddUser(std::string_view name, Role role, std::string_view password,
                         const Actor& actor) {
  if (!IsValidUserName(name)) {
    return InvalidArgument("a user name has 1-64 characters: a-z, 0-9, '.', '_', '-', '@'");
  }
  if (role == Role::kRespondent) {
    return InvalidArgument("respondents log in with codes and have no user name");
  }
  TENLIK_RETURN_IF_ERROR(CheckPassword(password));
  TENLIK_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  int64_t now = NowFrom(clock_);
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("INSERT INTO accounts_users (name, role, password_hash, created_at, updated_at) "
                  "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (name) DO NOTHING"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, name));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, RoleName(role)));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(3, std::string_view(hash)));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(4, now));
  TENLIK_RETURN_IF_ERROR(stmt->Step().status());
  if (stmt->ChangedRows() == 0) {
    return Status(StatusCode::kAlreadyExists, "the user " + std::string(name) + " exists");
  }
  return Audit(actor, "user_add", name, RoleName(role));
}

Result<std::vector<User>> Accounts::ListUsers() {
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("SELECT name, role, created_at FROM accounts_users ORDER BY name"));
  std::vector<User> users;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    users.push_back({std::string(stmt->ColumnText(0)),
                     ParseRole(stmt->ColumnText(1)).value_or(Role::kViewer), stmt->ColumnInt(2)});
  }
  return users;
}

Result<std::optional<User>> Accounts::FindUser(std::string_view name) {
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("SELECT name, role, created_at FROM accounts_users WHERE name = $1"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, name));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<User>();
  return std::optional<User>(User{std::string(stmt->ColumnText(0)),
                                  ParseRole(stmt->ColumnText(1)).value_or(Role::kViewer),
                                  stmt->ColumnInt(2)});
}

Result<int64_t> Accounts::CountAdmins() {
  TENLIK_ASSIGN_OR_RETURN(auto stmt,
                          db_.Prepare("SELECT COUNT(*) FROM accounts_users WHERE role = $1"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, RoleName(Role::kAdmin)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Status Accounts::EndSessionsOf(std::string_view name) {
  return ExecWith(db_,
                  "UPDATE accounts_sessions SET revoked_at = $2 "
                  "WHERE user_name = $1 AND revoked_at IS NULL",
                  {name, NowFrom(clock_)});
}

namespace {

Status NoSuchUser(std::string_view name) {
  return NotFound("there is no user " + std::string(name));
}

Status LastAdmin() {
  return FailedPrecondition("this would leave no admin: add another admin first");
}

}  // namespace

Status Accounts::RemoveUser(std::string_view name, const Actor& actor) {
  TENLIK_ASSIGN_OR_RETURN(auto user, FindUser(name));
  if (!user) return NoSuchUser(name);
  TENLIK_RETURN_IF_ERROR(db_.Begin());
  Status done = [&]() -> Status {
    if (user->role == Role::kAdmin) {
      TENLIK_ASSIGN_OR_RETURN(int64_t admins, CountAdmins());
      if (admins <= 1) return LastAdmin();
    }
    TENLIK_RETURN_IF_ERROR(ExecWith(db_, "DELETE FROM accounts_users WHERE name = $1", {name}));
    TENLIK_RETURN_IF_ERROR(EndSessionsOf(name));
    return Audit(actor, "user_remove", name);
  }();
  if (!done.ok()) {
    (void)db_.Rollback();
    return done;
  }
  return db_.Commit();
}

Status Accounts::SetRole(std::string_view name, Role role, const Actor& actor) {
  if (role == Role::kRespondent) {
    return InvalidArgument("respondents log in with codes and have no user name");
  }
  TENLIK_ASSIGN_OR_RETURN(auto user, FindUser(name));
  if (!user) return NoSuchUser(name);
  TENLIK_RETURN_IF_ERROR(db_.Begin());
  Status done = [&]() -> Status {
    if (user->role == Role::kAdmin && role != Role::kAdmin) {
      TENLIK_ASSIGN_OR_RETURN(int64_t admins, CountAdmins());
      if (admins <= 1) return LastAdmin();
    }
    TENLIK_RETURN_IF_ERROR(
        ExecWith(db_, "UPDATE accounts_users SET role = $2, updated_at = $3 WHERE name = $1",
                 {name, RoleName(role), NowFrom(clock_)}));
    return Audit(actor, "user_role", name, RoleName(role));
  }();
  if (!done.ok()) {
    (void)db_.Rollback();
    return done;
  }
  return db_.Commit();
}

Status Accounts::SetPassword(std::string_view name, std::string_view password, const Actor& actor) {
  TENLIK_RETURN_IF_ERROR(CheckPassword(password));
  TENLIK_ASSIGN_OR_RETURN(auto user, FindUser(name));
  if (!user) return NoSuchUser(name);
  TENLIK_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  TENLIK_RETURN_IF_ERROR(
      ExecWith(db_, "UPDATE accounts_users SET password_hash = $2, updated_at = $3 WHERE name = $1",
               {name, std::string_view(hash), NowFrom(clock_)}));
  TENLIK_RETURN_IF_ERROR(EndSessionsOf(name));
  return Audit(actor, "user_password", name);
}

}  // namespace tenlik::accounts
