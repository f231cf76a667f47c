#include "store/migrate.h"

#include <algorithm>

namespace tenlik::store {
namespace {

// Runs `m` and records it, in one transaction.
Status ApplyOne(Connection& db, const Migration& m) {
  TENLIK_RETURN_IF_ERROR(db.Begin());
  Status applied = db.Exec(m.sql);
  if (applied.ok()) {
    Result<std::unique_ptr<Statement>> record = db.Prepare(
        "INSERT INTO schema_migrations (module, version, applied_at)"
        " VALUES ($1, $2, CURRENT_TIMESTAMP)");
    applied = record.status();
    if (applied.ok()) applied = (*record)->Bind(1, std::string_view(m.module));
    if (applied.ok()) applied = (*record)->Bind(2, int64_t{m.version});
    if (applied.ok()) applied = (*record)->Step().status();
  }
  if (!applied.ok()) {
    (void)db.Rollback();
    return applied;
  }
  return db.Commit();
}

}  // namespace

Status ApplyMigrations(Connection& db, const std::vector<Migration>& migrations) {
  TENLIK_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
              " module TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,"
              " PRIMARY KEY (module, version))"));
  int known = 0;
  std::string module;
  for (const Migration& m : migrations) {
    if (m.module != module) {
      module = m.module;
      TENLIK_ASSIGN_OR_RETURN(known, RecordedSchemaVersion(db, module));
    }
    if (m.version <= known) continue;
    if (m.version != known + 1) {
      return Internal("migration " + m.module + "/" + std::to_string(m.version) +
                      " does not follow version " + std::to_string(known));
    }
    TENLIK_RETURN_IF_ERROR(ApplyOne(db, m));
    known = m.version;
  }
  // A store written by a newer Tenlik has versions this program does not know.
  for (const Migration& m : migrations) {
    TENLIK_ASSIGN_OR_RETURN(int recorded, RecordedSchemaVersion(db, m.module));
    int newest_known = 0;
    for (const Migration& n : migrations) {
      if (n.module == m.module) newest_known = std::max(newest_known, n.version);
    }
    if (recorded > newest_known) {
      return FailedPrecondition("the store's " + m.module + " schema is version " +
                                std::to_string(recorded) + ", newer than this program (" +
                                std::to_string(newest_known) + "); upgrade Tenlik");
    }
  }
  return Status::Ok();
}

Result<int> RecordedSchemaVersion(Connection& db, const std::string& module) {
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = $1"));
  TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(module)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? static_cast<int>(stmt->ColumnInt(0)) : 0;
}

}  // namespace tenlik::store
