// Comparing the tables of two stores (internal to src/store/; CompareStores and the
// check at the end of CopyStore).
#pragma once

#include <vector>

#include "store/catalog.h"
#include "store/store.h"

namespace tenlik::store {

inline constexpr const char* kMigrationsTable = "schema_migrations";

// The columns of `table` that two stores must agree on: all of them, except when
// each store writes its own (schema_migrations.applied_at).
TableInfo ComparedPart(const TableInfo& table);

// FailedPrecondition naming the first difference when a table of `source` is
// missing from `target` or has other columns or types; with `exact`, also when
// `target` has a table `source` has not.
Status RequireSameTables(const std::vector<TableInfo>& source,
                         const std::vector<TableInfo>& target, bool exact);

// Counts and checksums every table of `source` on both stores. The caller holds a
// transaction on `from` when the source must not change meanwhile.
Result<CopyReport> CompareTables(Connection& from, Connection& to,
                                 const std::vector<TableInfo>& source,
                                 const CopyOptions& options);

// How many rows `table` holds.
Result<int64_t> CountRows(Connection& db, const std::string& table);

}  // namespace tenlik::store
