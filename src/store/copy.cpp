#include <algorithm>
#include <map>
#include <set>

#include "store/catalog.h"
#include "store/compare.h"
#include "store/table_rows.h"

namespace tenlik::store {
namespace {

using Versions = std::map<std::string, int>;  // module -> recorded schema version

bool HasTable(const std::vector<TableInfo>& tables, const std::string& name) {
  return std::any_of(tables.begin(), tables.end(),
                     [&](const TableInfo& table) { return table.name == name; });
}

Result<Versions> RecordedVersions(Connection& db, const std::vector<TableInfo>& tables) {
  Versions versions;
  if (!HasTable(tables, kMigrationsTable)) return versions;
  TENLIK_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare("SELECT module, MAX(version) FROM schema_migrations GROUP BY module"));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    versions[std::string(stmt->ColumnText(0))] = static_cast<int>(stmt->ColumnInt(1));
  }
  return versions;
}

// The migrations that give a store exactly the schema `source` records.
Result<std::vector<Migration>> MigrationsUpTo(const std::vector<Migration>& known,
                                              const Versions& source) {
  std::vector<Migration> wanted;
  for (const auto& [module, version] : source) {
    int newest = 0;
    for (const Migration& m : known) {
      if (m.module != module) continue;
      newest = std::max(newest, m.version);
      if (m.version <= version) wanted.push_back(m);
    }
    if (newest == 0) {
      return FailedPrecondition("the source has tables of module " + module +
                                ", which this program does not know; copy it with the Tenlik "
                                "that wrote it");
    }
    if (newest < version) {
      return FailedPrecondition("the source's " + module + " schema is version " +
                                std::to_string(version) + ", newer than this program (" +
                                std::to_string(newest) + "); upgrade Tenlik");
    }
  }
  return wanted;
}

// FailedPrecondition unless `to` is empty: no rows in any table, and no module's
// schema beyond the source's.
Status RequireEmptyTarget(Connection& to, const std::vector<TableInfo>& tables,
                          const Versions& source) {
  std::string filled;
  for (const TableInfo& table : tables) {
    if (table.name == kMigrationsTable) continue;
    TENLIK_ASSIGN_OR_RETURN(
        auto stmt, to.Prepare("SELECT EXISTS (SELECT 1 FROM " + QuoteIdentifier(table.name) + ")"));
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (row && stmt->ColumnInt(0) != 0) filled += (filled.empty() ? "" : ", ") + table.name;
  }
  if (!filled.empty()) {
    return Status(StatusCode::kAlreadyExists, "the target already holds rows (" + filled +
                                                  "); copy only into an empty database");
  }
  TENLIK_ASSIGN_OR_RETURN(Versions target, RecordedVersions(to, tables));
  for (const auto& [module, version] : target) {
    auto found = source.find(module);
    int source_version = found == source.end() ? 0 : found->second;
    if (version > source_version) {
      return FailedPrecondition("the target's " + module + " schema is version " +
                                std::to_string(version) + ", the source's " +
                                std::to_string(source_version) +
                                "; copy only into an empty database");
    }
  }
  return Status::Ok();
}

// Tables so that each comes after the tables its foreign keys point to (by name
// otherwise); the bookkeeping table is left out: migrations wrote the target's.
std::vector<const TableInfo*> CopyOrder(const std::vector<TableInfo>& tables) {
  std::vector<const TableInfo*> order;
  std::set<std::string> placed = {kMigrationsTable};
  size_t wanted =
      static_cast<size_t>(std::count_if(tables.begin(), tables.end(), [](const TableInfo& table) {
        return table.name != kMigrationsTable;
      }));
  while (order.size() < wanted) {
    bool progressed = false;
    for (const TableInfo& table : tables) {
      if (placed.count(table.name)) continue;
      bool ready = std::all_of(
          table.references.begin(), table.references.end(), [&](const std::string& other) {
            return other == table.name || placed.count(other) || !HasTable(tables, other);
          });
      if (!ready) continue;
      order.push_back(&table);
      placed.insert(table.name);
      progressed = true;
    }
    if (progressed) continue;
    // A cycle of foreign keys: the rest by name; the target reports a row whose
    // reference is not there yet.
    for (const TableInfo& table : tables) {
      if (placed.insert(table.name).second) order.push_back(&table);
    }
  }
  return order;
}

std::string InsertSql(const TableInfo& table, size_t rows) {
  std::string sql = "INSERT INTO " + QuoteIdentifier(table.name) + " (";
  for (size_t c = 0; c < table.columns.size(); ++c)
    sql += (c ? ", " : "") + QuoteIdentifier(table.columns[c].name);
  sql += ") VALUES ";
  size_t parameter = 0;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < table.columns.size(); ++c)
      sql += (c ? ", $" : "$") + std::to_string(++parameter);
    sql += ")";
  }
  return sql;
}

// Rows per INSERT: `batch_rows`, fewer for wide tables so that the parameters stay
// within both backends' limits (SQLite 32766, PostgreSQL 65535).
int RowsPerStatement(const TableInfo& table, int batch_rows) {
  int by_parameters = 30000 / static_cast<int>(std::max<size_t>(1, table.columns.size()));
  return std::max(1, std::min(batch_rows, by_parameters));
}

Status CopyTable(Connection& from, Connection& to, const TableInfo& table,
                 const CopyOptions& options, CopyProgress& progress) {
  int page_rows = RowsPerStatement(table, options.batch_rows);
  TENLIK_ASSIGN_OR_RETURN(auto reader, TableReader::Open(from, table, page_rows));
  std::unique_ptr<Statement> full;
  std::vector<Row> rows;
  while (true) {
    if (options.cancel != nullptr && options.cancel->load()) {
      return Cancelled("interrupted while copying " + table.name);
    }
    TENLIK_ASSIGN_OR_RETURN(bool more, reader->Next(&rows));
    if (rows.empty()) break;
    std::unique_ptr<Statement> partial;
    Statement* insert = nullptr;
    if (static_cast<int>(rows.size()) == page_rows) {
      if (!full) {
        TENLIK_ASSIGN_OR_RETURN(full, to.Prepare(InsertSql(table, rows.size())));
      }
      insert = full.get();
    } else {
      TENLIK_ASSIGN_OR_RETURN(partial, to.Prepare(InsertSql(table, rows.size())));
      insert = partial.get();
    }
    int parameter = 0;
    for (const Row& row : rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        TENLIK_RETURN_IF_ERROR(
            BindValue(*insert, ++parameter, row[c], table.columns[c].value_class));
      }
    }
    TENLIK_RETURN_IF_ERROR(insert->Step().status());
    TENLIK_RETURN_IF_ERROR(insert->Reset());
    progress.rows_done += static_cast<int64_t>(rows.size());
    if (options.on_progress) options.on_progress(progress);
    if (!more) break;
  }
  return Status::Ok();
}

// Moves each identity sequence of `to` past its column's largest value, so that the
// ids the store assigns next do not collide with the copied ones.
Status AdvanceSequences(Connection& to, const std::vector<TableInfo>& target) {
  for (const TableInfo& table : target) {
    for (const ColumnInfo& column : table.columns) {
      if (!column.identity) continue;
      TENLIK_ASSIGN_OR_RETURN(
          auto stmt,
          to.Prepare(
              "SELECT setval(CAST(pg_get_serial_sequence($1, $2) AS regclass), COALESCE(MAX(" +
              QuoteIdentifier(column.name) + "), 0) + 1, false) FROM " +
              QuoteIdentifier(table.name)));
      TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(QuoteIdentifier(table.name))));
      TENLIK_RETURN_IF_ERROR(stmt->Bind(2, std::string_view(column.name)));
      TENLIK_RETURN_IF_ERROR(stmt->Step().status());
    }
  }
  return Status::Ok();
}

// Every row of `source` (tables in `order`) into `to`, in one transaction.
Result<int64_t> CopyRows(Connection& from, Connection& to, const std::vector<TableInfo>& source,
                         const std::vector<TableInfo>& target, const CopyOptions& options) {
  std::vector<const TableInfo*> order = CopyOrder(source);
  CopyProgress progress;
  progress.phase = CopyProgress::Phase::kCopy;
  for (const TableInfo* table : order) {
    TENLIK_ASSIGN_OR_RETURN(int64_t rows, CountRows(from, table->name));
    progress.rows_total += rows;
  }
  TENLIK_RETURN_IF_ERROR(to.Begin());
  Status copied = Status::Ok();
  for (const TableInfo* table : order) {
    progress.table = table->name;
    copied = CopyTable(from, to, *table, options, progress);
    if (!copied.ok()) break;
  }
  if (copied.ok()) copied = AdvanceSequences(to, target);
  if (!copied.ok()) {
    (void)to.Rollback();
    if (copied.code() != StatusCode::kCancelled) return copied;
    return Cancelled(copied.message() +
                     "; the target was rolled back and holds no rows: run the copy again");
  }
  TENLIK_RETURN_IF_ERROR(to.Commit());
  return progress.rows_done;
}

Result<CopyReport> CopyWithin(Connection& from, Connection& to, const CopyOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(std::vector<TableInfo> source, ReadCatalog(from));
  if (!HasTable(source, kMigrationsTable)) {
    return FailedPrecondition("the source is not a Tenlik store: it has no " +
                              std::string(kMigrationsTable) + " table");
  }
  TENLIK_ASSIGN_OR_RETURN(Versions versions, RecordedVersions(from, source));
  TENLIK_ASSIGN_OR_RETURN(std::vector<Migration> wanted,
                          MigrationsUpTo(options.migrations, versions));
  TENLIK_ASSIGN_OR_RETURN(std::vector<TableInfo> before, ReadCatalog(to));
  TENLIK_RETURN_IF_ERROR(RequireEmptyTarget(to, before, versions));
  TENLIK_RETURN_IF_ERROR(to.Migrate(wanted));
  TENLIK_ASSIGN_OR_RETURN(std::vector<TableInfo> target, ReadCatalog(to));
  TENLIK_RETURN_IF_ERROR(RequireSameTables(source, target, /*exact=*/true));
  TENLIK_ASSIGN_OR_RETURN(int64_t rows, CopyRows(from, to, source, target, options));
  Result<CopyReport> report = CompareTables(from, to, source, options);
  if (!report.ok()) {
    if (report.status().code() != StatusCode::kCancelled) return report.status();
    return Cancelled(
        "interrupted after the copy was committed, while comparing; compare again "
        "(--verify-only)");
  }
  report->rows_copied = rows;
  return report;
}

}  // namespace

Result<CopyReport> CopyStore(Connection& from, Connection& to, const CopyOptions& options) {
  TENLIK_RETURN_IF_ERROR(from.Begin());  // a consistent snapshot; writers wait
  Result<CopyReport> report = CopyWithin(from, to, options);
  (void)from.Rollback();  // nothing was written to the source
  return report;
}

}  // namespace tenlik::store
