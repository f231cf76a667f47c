// Login (password and respondent code), sessions and logout.
#include "accounts/internal.h"
#include "accounts/secrets.h"

namespace tenlik::accounts {

Result<NewSession> Accounts::CreateSession(std::string_view user, Role role,
                                           std::string_view respondent_key, int64_t lifetime) {
  int64_t now = NowFrom(clock_);
  TENLIK_ASSIGN_OR_RETURN(std::string token, RandomToken());
  // Expired sessions are of no use to anyone: drop them as new ones are made.
  TENLIK_RETURN_IF_ERROR(
      ExecWith(db_, "DELETE FROM accounts_sessions WHERE expires_at < $1", {now}));
  TENLIK_RETURN_IF_ERROR(
      ExecWith(db_,
               "INSERT INTO accounts_sessions "
               "(token_hash, user_name, role, respondent_key, created_at, expires_at) "
               "VALUES ($1, $2, $3, $4, $5, $6)",
               {std::string_view(HashToken(token)), user, RoleName(role), respondent_key, now,
                now + lifetime}));
  NewSession created;
  created.session = {std::string(user), role, now + lifetime, CsrfTokenFor(token),
                     std::string(respondent_key)};
  created.token = std::move(token);
  return created;
}

Result<LoginResult> Accounts::Refused(const std::vector<std::string>& subjects,
                                      std::string_view action, std::string_view target,
                                      std::string_view client) {
  TENLIK_ASSIGN_OR_RETURN(int64_t wait, LockedFor(subjects));
  LoginResult result;
  if (wait > 0) {
    result.outcome = LoginOutcome::kRateLimited;
    result.retry_after_seconds = wait;
    TENLIK_RETURN_IF_ERROR(Audit({"", std::string(client)}, "login_blocked", target, action));
  }
  return result;
}

Result<LoginResult> Accounts::Login(std::string_view name, std::string_view password,
                                    std::string_view client) {
  bool valid_name = IsValidUserName(name);
  std::vector<std::string> subjects = {AddressSubject(client)};
  if (valid_name) subjects.push_back(UserSubject(name));
  TENLIK_ASSIGN_OR_RETURN(LoginResult refused,
                          Refused(subjects, "password", valid_name ? name : "", client));
  if (refused.outcome == LoginOutcome::kRateLimited) return refused;

  std::string hash = DummyPasswordHash();
  std::optional<Role> role;
  if (valid_name) {
    TENLIK_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("SELECT role, password_hash FROM accounts_users WHERE name = $1"));
    TENLIK_RETURN_IF_ERROR(stmt->Bind(1, name));
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (row) {
      role = ParseRole(stmt->ColumnText(0));
      hash = std::string(stmt->ColumnText(1));
    }
  }
  bool matches = VerifyPassword(hash, password);
  if (!matches || !role) {
    TENLIK_RETURN_IF_ERROR(RecordFailure(AddressSubject(client), policy_.address_failures));
    if (role) TENLIK_RETURN_IF_ERROR(RecordFailure(UserSubject(name), policy_.account_failures));
    // Names that are not users are not recorded: they may be mistyped passwords.
    TENLIK_RETURN_IF_ERROR(
        Audit({"", std::string(client)}, "login_failed", role ? name : "", "password"));
    return LoginResult{};
  }
  TENLIK_RETURN_IF_ERROR(ClearFailures(UserSubject(name)));
  TENLIK_ASSIGN_OR_RETURN(NewSession session,
                          CreateSession(name, *role, "", policy_.session_seconds));
  TENLIK_RETURN_IF_ERROR(
      Audit({std::string(name), std::string(client)}, "login", name, RoleName(*role)));
  return LoginResult{LoginOutcome::kOk, std::move(session), 0};
}

Result<std::vector<std::string>> Accounts::IssueRespondentCodes(int count, int64_t valid_seconds,
                                                                std::string_view label,
                                                                const Actor& actor) {
  if (count < 1 || count > 100000) return InvalidArgument("between 1 and 100000 codes at a time");
  int64_t now = NowFrom(clock_);
  std::vector<std::string> codes;
  TENLIK_RETURN_IF_ERROR(db_.Begin());
  Status done = [&]() -> Status {
    for (int i = 0; i < count; ++i) {
      TENLIK_ASSIGN_OR_RETURN(std::string code, RandomCode());
      TENLIK_RETURN_IF_ERROR(ExecWith(
          db_,
          "INSERT INTO accounts_respondent_codes (code_hash, label, created_at, expires_at) "
          "VALUES ($1, $2, $3, $4)",
          {std::string_view(HashToken(code)), label, now, now + valid_seconds}));
      codes.push_back(std::move(code));
    }
    return Audit(actor, "respondent_codes", label, std::to_string(count));
  }();
  if (!done.ok()) {
    (void)db_.Rollback();
    return done;
  }
  TENLIK_RETURN_IF_ERROR(db_.Commit());
  return codes;
}

Result<LoginResult> Accounts::LoginWithCode(std::string_view code, std::string_view client) {
  std::vector<std::string> subjects = {AddressSubject(client)};
  TENLIK_ASSIGN_OR_RETURN(LoginResult refused, Refused(subjects, "code", "", client));
  if (refused.outcome == LoginOutcome::kRateLimited) return refused;

  std::string code_hash = HashToken(code);
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("SELECT label FROM accounts_respondent_codes "
                             "WHERE code_hash = $1 AND expires_at > $2 AND revoked_at IS NULL"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(code_hash)));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, NowFrom(clock_)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  Actor actor{"", std::string(client)};
  if (!row) {
    TENLIK_RETURN_IF_ERROR(RecordFailure(AddressSubject(client), policy_.address_failures));
    TENLIK_RETURN_IF_ERROR(Audit(actor, "login_failed", "", "code"));
    return LoginResult{};
  }
  std::string label(stmt->ColumnText(0));
  // The key names the respondent across sessions without being the code itself.
  std::string respondent_key = code_hash.substr(0, 32);
  TENLIK_ASSIGN_OR_RETURN(NewSession session, CreateSession("", Role::kRespondent, respondent_key,
                                                            policy_.respondent_session_seconds));
  TENLIK_RETURN_IF_ERROR(Audit(actor, "login", label, "respondent"));
  return LoginResult{LoginOutcome::kOk, std::move(session), 0};
}

Result<std::optional<Session>> Accounts::Authenticate(std::string_view token) {
  if (token.empty() || token.size() > 128) return std::optional<Session>();
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT s.user_name, s.role, s.expires_at, s.respondent_key, u.role "
                  "FROM accounts_sessions s LEFT JOIN accounts_users u ON u.name = s.user_name "
                  "WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(HashToken(token))));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, NowFrom(clock_)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<Session>();
  Session session;
  session.user = std::string(stmt->ColumnText(0));
  session.expires_at = stmt->ColumnInt(2);
  session.respondent_key = std::string(stmt->ColumnText(3));
  session.csrf_token = CsrfTokenFor(token);
  if (session.user.empty()) {
    session.role = Role::kRespondent;
  } else {
    if (stmt->ColumnIsNull(4)) return std::optional<Session>();  // the user was removed
    auto role = ParseRole(stmt->ColumnText(4));
    if (!role) return std::optional<Session>();
    session.role = *role;
  }
  return std::optional<Session>(std::move(session));
}

Status Accounts::Logout(std::string_view token, const Actor& actor) {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("UPDATE accounts_sessions SET revoked_at = $2 "
                                                 "WHERE token_hash = $1 AND revoked_at IS NULL"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(HashToken(token))));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, NowFrom(clock_)));
  TENLIK_RETURN_IF_ERROR(stmt->Step().status());
  if (stmt->ChangedRows() == 0) return Status::Ok();
  return Audit(actor, "logout", actor.name);
}

bool CsrfMatches(const Session& session, std::string_view given) {
  return !session.csrf_token.empty() && SecretEquals(session.csrf_token, given);
}

}  // namespace tenlik::accounts
