// Login rate limiting, persisted in accounts_login_failures so that it holds across
// restarts and across server processes sharing a store. Subjects are "user:<name>"
// and "addr:<client address>".
#include <algorithm>

#include "accounts/internal.h"

namespace tenlik::accounts {

Result<int64_t> Accounts::LockedFor(const std::vector<std::string>& subjects) {
  int64_t now = NowFrom(clock_);
  int64_t wait = 0;
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT locked_until FROM accounts_login_failures WHERE subject = $1"));
  for (const std::string& subject : subjects) {
    TENLIK_RETURN_IF_ERROR(stmt->Reset());
    TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(subject)));
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (row) wait = std::max(wait, stmt->ColumnInt(0) - now);
  }
  return wait;
}

Status Accounts::RecordFailure(const std::string& subject, int limit) {
  int64_t now = NowFrom(clock_);
  // A failure outside the current window starts a new one.
  TENLIK_RETURN_IF_ERROR(ExecWith(
      db_,
      "INSERT INTO accounts_login_failures (subject, failures, window_start, locked_until) "
      "VALUES ($1, 1, $2, 0) ON CONFLICT (subject) DO UPDATE SET "
      "failures = CASE WHEN accounts_login_failures.window_start <= $3 THEN 1 "
      "ELSE accounts_login_failures.failures + 1 END, "
      "window_start = CASE WHEN accounts_login_failures.window_start <= $3 THEN $2 "
      "ELSE accounts_login_failures.window_start END",
      {std::string_view(subject), now, now - policy_.failure_window_seconds}));
  TENLIK_RETURN_IF_ERROR(ExecWith(
      db_,
      "UPDATE accounts_login_failures SET locked_until = $2, failures = 0, window_start = $3 "
      "WHERE subject = $1 AND failures >= $4",
      {std::string_view(subject), now + policy_.lockout_seconds, now,
       static_cast<int64_t>(limit)}));
  // Forget subjects idle for a whole window, so guessed names do not pile up.
  return ExecWith(
      db_, "DELETE FROM accounts_login_failures WHERE window_start < $1 AND locked_until < $2",
      {now - policy_.failure_window_seconds, now});
}

Status Accounts::ClearFailures(const std::string& subject) {
  return ExecWith(db_, "DELETE FROM accounts_login_failures WHERE subject = $1",
                  {std::string_view(subject)});
}

}  // namespace tenlik::accounts
