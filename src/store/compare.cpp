#include "store/compare.h"

#include <algorithm>

#include "store/table_rows.h"

namespace tenlik::store {
namespace {

const TableInfo* FindTable(const std::vector<TableInfo>& tables, const std::string& name) {
  for (const TableInfo& table : tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

// "name TYPE, ..." sorted by name: two tables match when these are equal.
std::string ColumnSignature(const TableInfo& table) {
  std::vector<std::string> columns;
  for (const ColumnInfo& column : table.columns)
    columns.push_back(column.name + " " + ValueClassName(column.value_class));
  std::sort(columns.begin(), columns.end());
  std::string signature;
  for (const std::string& column : columns) signature += (signature.empty() ? "" : ", ") + column;
  return signature;
}

struct Tally {
  int64_t rows = 0;
  std::string checksum;
};

// Reads `table` from `db` and checksums it, reporting progress after each page.
Result<Tally> ChecksumTable(Connection& db, const TableInfo& table, const CopyOptions& options,
                            CopyProgress& progress) {
  TENLIK_ASSIGN_OR_RETURN(auto reader, TableReader::Open(db, table, options.batch_rows));
  TableChecksum checksum;
  std::vector<Row> rows;
  while (true) {
    if (options.cancel != nullptr && options.cancel->load()) {
      return Cancelled("interrupted while comparing " + table.name);
    }
    TENLIK_ASSIGN_OR_RETURN(bool more, reader->Next(&rows));
    for (const Row& row : rows) checksum.Add(table, row);
    progress.rows_done += static_cast<int64_t>(rows.size());
    if (options.on_progress && !rows.empty()) options.on_progress(progress);
    if (!more) break;
  }
  return Tally{checksum.rows(), checksum.Hex()};
}

}  // namespace

TableInfo ComparedPart(const TableInfo& table) {
  if (table.name != kMigrationsTable) return table;
  TableInfo part;
  part.name = table.name;
  for (const ColumnInfo& column : table.columns) {
    if (column.name != "applied_at") part.columns.push_back(column);
  }
  for (size_t key : table.primary_key) {
    for (size_t i = 0; i < part.columns.size(); ++i) {
      if (part.columns[i].name == table.columns[key].name) part.primary_key.push_back(i);
    }
  }
  return part;
}

Status RequireSameTables(const std::vector<TableInfo>& source, const std::vector<TableInfo>& target,
                         bool exact) {
  for (const TableInfo& table : source) {
    const TableInfo* other = FindTable(target, table.name);
    if (other == nullptr) {
      return FailedPrecondition("the target has no table " + table.name);
    }
    if (ColumnSignature(*other) != ColumnSignature(table)) {
      return FailedPrecondition("table " + table.name + " differs: the source has (" +
                                ColumnSignature(table) + "), the target (" +
                                ColumnSignature(*other) + ")");
    }
  }
  if (exact) {
    for (const TableInfo& table : target) {
      if (FindTable(source, table.name) == nullptr) {
        return FailedPrecondition("the target has a table the source has not: " + table.name);
      }
    }
  }
  return Status::Ok();
}

Result<int64_t> CountRows(Connection& db, const std::string& table) {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT count(*) FROM " + QuoteIdentifier(table)));
  TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<CopyReport> CompareTables(Connection& from, Connection& to,
                                 const std::vector<TableInfo>& source, const CopyOptions& options) {
  CopyProgress progress;
  progress.phase = CopyProgress::Phase::kVerify;
  for (const TableInfo& table : source) {
    TENLIK_ASSIGN_OR_RETURN(int64_t rows, CountRows(from, table.name));
    progress.rows_total += 2 * rows;  // read on both sides
  }
  CopyReport report;
  for (const TableInfo& whole : source) {
    TableInfo table = ComparedPart(whole);
    progress.table = table.name;
    TENLIK_ASSIGN_OR_RETURN(Tally source_tally, ChecksumTable(from, table, options, progress));
    TENLIK_ASSIGN_OR_RETURN(Tally target_tally, ChecksumTable(to, table, options, progress));
    report.tables.push_back({table.name, source_tally.rows, target_tally.rows,
                             source_tally.checksum, target_tally.checksum});
  }
  return report;
}

Result<CopyReport> CompareStores(Connection& from, Connection& to, const CopyOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(std::vector<TableInfo> source, ReadCatalog(from));
  TENLIK_ASSIGN_OR_RETURN(std::vector<TableInfo> target, ReadCatalog(to));
  TENLIK_RETURN_IF_ERROR(RequireSameTables(source, target, /*exact=*/false));
  TENLIK_RETURN_IF_ERROR(from.Begin());  // one snapshot of the source
  Result<CopyReport> report = CompareTables(from, to, source, options);
  (void)from.Rollback();  // nothing was written
  return report;
}

}  // namespace tenlik::store
