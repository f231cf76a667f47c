// What tables a store holds, read from the backend's own catalog (internal to
// src/store/; used by copying). Names are as the catalog gives them.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace tenlik::store {

// The kind of value a column holds, by the store's portable types.
enum class ValueClass { kInteger, kReal, kText, kBlob };

const char* ValueClassName(ValueClass value_class);

struct ColumnInfo {
  std::string name;
  ValueClass value_class = ValueClass::kText;
  bool identity = false;  // PostgreSQL identity column (written INTEGER PRIMARY KEY)
};

struct TableInfo {
  std::string name;
  std::vector<ColumnInfo> columns;     // in the table's order
  std::vector<size_t> primary_key;     // indexes into columns, in key order
  std::vector<std::string> references; // other tables its foreign keys point to
};

// Every table of the store (SQLite's own tables excluded), sorted by name.
// FailedPrecondition for a table without a primary key or a column of a type the
// store does not use (the store copies and compares tables by key and by value).
Result<std::vector<TableInfo>> ReadCatalog(Connection& db);

// `name` quoted as an SQL identifier ("a""b"), the same on both backends.
std::string QuoteIdentifier(const std::string& name);

}  // namespace tenlik::store
