// A logged-in user changing their own password: proven by the current password, rate
// limited like a login, ending the user's other sessions.
#include "accounts/internal.h"
#include "accounts/secrets.h"

namespace tenlik::accounts {

Result<PasswordChange> Accounts::ChangeOwnPassword(std::string_view token, std::string_view current,
                                                   std::string_view new_password,
                                                   std::string_view client) {
  TENLIK_RETURN_IF_ERROR(CheckPassword(new_password));
  std::string token_hash = HashToken(token);
  TENLIK_ASSIGN_OR_RETURN(auto stmt,
                          db_.Prepare("SELECT u.name, u.password_hash FROM accounts_sessions s "
                                      "JOIN accounts_users u ON u.name = s.user_name "
                                      "WHERE s.token_hash = $1 AND s.revoked_at IS NULL "
                                      "AND s.expires_at > $2"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(token_hash)));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, NowFrom(clock_)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return FailedPrecondition("only a logged-in user can change their password");
  const std::string name(stmt->ColumnText(0));
  const std::string hash(stmt->ColumnText(1));
  TENLIK_RETURN_IF_ERROR(stmt->Reset());  // no read left open under the writes below
  const Actor actor{name, std::string(client)};

  TENLIK_ASSIGN_OR_RETURN(LoginResult refused, Refused({AddressSubject(client), UserSubject(name)},
                                                       "password_change", name, client));
  if (refused.outcome == LoginOutcome::kRateLimited) {
    return PasswordChange{LoginOutcome::kRateLimited, refused.retry_after_seconds, 0};
  }
  if (!VerifyPassword(hash, current)) {
    TENLIK_RETURN_IF_ERROR(RecordFailure(AddressSubject(client), policy_.address_failures));
    TENLIK_RETURN_IF_ERROR(RecordFailure(UserSubject(name), policy_.account_failures));
    TENLIK_RETURN_IF_ERROR(Audit(actor, "password_change_failed", name));
    return PasswordChange{};
  }

  TENLIK_ASSIGN_OR_RETURN(std::string new_hash, HashPassword(new_password));
  int64_t ended = 0;
  TENLIK_RETURN_IF_ERROR(db_.Begin());
  Status done = [&]() -> Status {
    int64_t now = NowFrom(clock_);
    TENLIK_RETURN_IF_ERROR(ExecWith(
        db_, "UPDATE accounts_users SET password_hash = $2, updated_at = $3 WHERE name = $1",
        {std::string_view(name), std::string_view(new_hash), now}));
    TENLIK_ASSIGN_OR_RETURN(auto revoke, db_.Prepare("UPDATE accounts_sessions SET revoked_at = $3 "
                                                     "WHERE user_name = $1 AND token_hash != $2 "
                                                     "AND revoked_at IS NULL AND expires_at > $3"));
    TENLIK_RETURN_IF_ERROR(revoke->Bind(1, std::string_view(name)));
    TENLIK_RETURN_IF_ERROR(revoke->Bind(2, std::string_view(token_hash)));
    TENLIK_RETURN_IF_ERROR(revoke->Bind(3, now));
    TENLIK_RETURN_IF_ERROR(revoke->Step().status());
    ended = revoke->ChangedRows();
    TENLIK_RETURN_IF_ERROR(ClearFailures(UserSubject(name)));
    return Audit(actor, "password_change", name, "other sessions ended: " + std::to_string(ended));
  }();
  if (!done.ok()) {
    (void)db_.Rollback();
    return done;
  }
  TENLIK_RETURN_IF_ERROR(db_.Commit());
  return PasswordChange{LoginOutcome::kOk, 0, ended};
}

}  // namespace tenlik::accounts
