// Public API of the store: a connection to a Tenlik database, prepared statements,
// transactions, and versioned schema migrations owned by each module.
//
// SQL is written once for all backends: parameters are numbered `$1, $2, ...`,
// types are INTEGER (64-bit) / TEXT / REAL (double) / BLOB, upserts use
// `ON CONFLICT`, the current time is CURRENT_TIMESTAMP, and a subquery in FROM has an
// alias. The backends are SQLite (a file path; WAL mode) and PostgreSQL (a
// "postgresql://" URL), see docs/store.md. Differences to keep in mind: on
// PostgreSQL a failed statement aborts the whole open transaction, and TEXT cannot
// hold a NUL byte. No PRAGMA or other backend-only SQL outside src/store/.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace tenlik::store {

// Resolves where the store is: `flag` if not empty, else $TENLIK_STORE, else
// "./tenlik.db".
std::string ResolveLocation(const std::string& flag);

// `location` fit to print: a URL's password is replaced by "****".
std::string PrintableLocation(const std::string& location);

// True when `location` is a file (a SQLite store), beside which files such as a key
// can live; false for a server URL.
bool IsFileLocation(const std::string& location);

// A prepared statement. Owned by the caller; must not outlive its Connection.
// Not thread-safe.
class Statement {
 public:
  virtual ~Statement() = default;

  // Binds parameter `index` (1-based, as in `$1`). Values are copied.
  virtual Status Bind(int index, int64_t value) = 0;
  virtual Status Bind(int index, double value) = 0;
  virtual Status Bind(int index, std::string_view text) = 0;
  virtual Status BindNull(int index) = 0;

  // Runs to the next row. Returns true when a row is available, false when done.
  virtual Result<bool> Step() = 0;

  // Columns of the current row (0-based). Text views are valid until the next Step.
  virtual int64_t ColumnInt(int column) = 0;
  virtual double ColumnDouble(int column) = 0;
  virtual std::string_view ColumnText(int column) = 0;
  virtual bool ColumnIsNull(int column) = 0;

  // Number of rows changed by the last completed Step of an INSERT/UPDATE/DELETE.
  virtual int64_t ChangedRows() = 0;

  // Resets for another run; bindings are kept until rebound.
  virtual Status Reset() = 0;
};

// One schema change of one module. Versions of a module start at 1 and increase by
// one; a migration is applied once, in its own transaction, and recorded.
struct Migration {
  std::string module;  // "listen", "review", ...
  int version = 0;
  std::string sql;  // one or more statements separated by ';'
};

// A connection to a store. Not thread-safe: use one per thread.
class Connection {
 public:
  virtual ~Connection() = default;

  // Opens (creating when `create` is true) the store at `location`: a file path for
  // SQLite, or "postgresql://user[:password]@host[:port]/database" (also
  // "postgres://") for PostgreSQL, whose database is created when missing if the
  // user may. NotFound when it does not exist and `create` is false; IoError when
  // the server cannot be reached. Error messages never contain the password.
  static Result<std::unique_ptr<Connection>> Open(const std::string& location, bool create);

  virtual Status Exec(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;

  // Transactions do not nest.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Applies the migrations of `migrations` that are newer than the store's recorded
  // version for their module. FailedPrecondition when the store is newer than this
  // program knows (made by a later Tenlik).
  virtual Status Migrate(const std::vector<Migration>& migrations) = 0;

  // The recorded schema version of `module`; 0 when none applied.
  virtual Result<int> SchemaVersion(const std::string& module) = 0;

  // Runs the backend's integrity check; DataLoss with its report when it fails.
  // SQLite: PRAGMA integrity_check. PostgreSQL: every table's rows are read and
  // decoded, each module's recorded migrations are 1..N without gaps, and when the
  // amcheck extension is installed in the database, verify_heapam and
  // bt_index_check (with heapallindexed) run on every table and index.
  virtual Status CheckIntegrity() = 0;

  // "sqlite" or "postgresql".
  virtual std::string_view Backend() const = 0;
};

// Copying one store into another (`tenlik store migrate`, SQLite to PostgreSQL).

// One table of the source compared with the same table of the target: its row count
// and an order-independent checksum of its rows computed the same way on both sides
// (each row's values in a canonical form of type and bytes, hashed with XXH3-128,
// summed). schema_migrations is compared by module and version only: each store
// records when it applied its own migrations.
struct TableComparison {
  std::string table;
  int64_t source_rows = 0;
  int64_t target_rows = 0;
  std::string source_checksum;  // 32 hex digits
  std::string target_checksum;
  bool Equal() const {
    return source_rows == target_rows && source_checksum == target_checksum;
  }
};

struct CopyReport {
  std::vector<TableComparison> tables;  // every table of the source, by name
  int64_t rows_copied = 0;              // 0 when only compared
  bool Verified() const {
    for (const TableComparison& table : tables) {
      if (!table.Equal()) return false;
    }
    return true;
  }
};

struct CopyProgress {
  enum class Phase { kCopy, kVerify };
  Phase phase = Phase::kCopy;
  std::string table;
  int64_t rows_done = 0;   // in this phase, all tables so far
  int64_t rows_total = 0;  // expected in this phase
};

struct CopyOptions {
  // Every module's migrations this program knows (each module's Migrations()): the
  // target's schema is made by them, so the modules stay its one definition.
  std::vector<Migration> migrations;
  int batch_rows = 1000;  // rows per INSERT statement and per page read
  std::function<void(const CopyProgress&)> on_progress;  // after each batch
  const std::atomic<bool>* cancel = nullptr;             // checked between batches
};

// Copies every row of `from` into `to` and compares them. `to` must hold no rows
// (an empty database, or one left by an interrupted copy). Steps: `from` is held in
// one transaction throughout (a consistent snapshot; on SQLite writers wait) and is
// not changed; `to` gets the schema by applying, from options.migrations, each
// module's migrations up to the version `from` records; the tables must then match
// (names, columns, types); every table's rows are inserted in ONE transaction on
// `to`, tables in foreign-key order, rows in key order keeping their ids, and on
// PostgreSQL each identity sequence is moved past the largest id; after the commit
// both stores are compared as CompareStores does.
// Errors: AlreadyExists when `to` holds rows (nothing is changed); FailedPrecondition
// when `to` has a module's schema beyond `from`'s, when `from` records a module or a
// version `migrations` does not know, when the schemas differ, or when a SQLite
// value would change type on the way; Cancelled when *cancel became true. On any
// error before the commit the transaction on `to` is rolled back: it keeps the
// schema and no rows, so the copy can simply run again. Differences found by the
// comparison are not an error: see CopyReport::Verified().
Result<CopyReport> CopyStore(Connection& from, Connection& to, const CopyOptions& options);

// Compares every table of `from` with the same table of `to` (row counts and
// checksums), reading both in pages; uses options.on_progress and options.cancel
// only. FailedPrecondition when `to` lacks a table or column of `from`.
Result<CopyReport> CompareStores(Connection& from, Connection& to, const CopyOptions& options);

}  // namespace tenlik::store
