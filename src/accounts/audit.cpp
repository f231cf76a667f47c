// The audit log: who did what to whom, when, from where. Never secrets.
#include <chrono>
#include <cstdio>

#include "accounts/internal.h"
#include "accounts/secrets.h"

namespace tenlik::accounts {

Status Accounts::Audit(const Actor& actor, std::string_view action, std::string_view target,
                       std::string_view detail) {
  // Ids sort by time (microseconds, zero-padded) and are unique by their random tail,
  // so several processes can append without a shared counter.
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%017lld", static_cast<long long>(micros));
  TENLIK_ASSIGN_OR_RETURN(std::string tail, RandomHex(6));
  std::string id = std::string(stamp) + "-" + tail;
  return ExecWith(db_,
                  "INSERT INTO accounts_audit (id, at, actor, action, target, detail, client) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                  {std::string_view(id), NowFrom(clock_), std::string_view(actor.name), action,
                   target, detail, std::string_view(actor.client)});
}

Result<std::vector<AuditEntry>> Accounts::ListAudit(int limit, std::string_view before_id) {
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT id, at, actor, action, target, detail, client FROM accounts_audit "
                  "WHERE $1 = '' OR id < $1 ORDER BY id DESC LIMIT $2"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, before_id.data() ? before_id : std::string_view("")));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(2, static_cast<int64_t>(limit)));
  std::vector<AuditEntry> entries;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    entries.push_back({std::string(stmt->ColumnText(0)), stmt->ColumnInt(1),
                       std::string(stmt->ColumnText(2)), std::string(stmt->ColumnText(3)),
                       std::string(stmt->ColumnText(4)), std::string(stmt->ColumnText(5)),
                       std::string(stmt->ColumnText(6))});
  }
  return entries;
}

}  // namespace tenlik::accounts
