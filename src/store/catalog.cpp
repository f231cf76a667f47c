#include "store/catalog.h"

#include <algorithm>
#include <cctype>

namespace tenlik::store {
namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// SQLite's type affinity rules (https://sqlite.org/datatype3.html, 3.1), in order.
Result<ValueClass> SqliteClass(const std::string& table, const std::string& column,
                               std::string_view declared) {
  std::string type = Upper(declared);
  auto has = [&](const char* part) { return type.find(part) != std::string::npos; };
  if (has("INT")) return ValueClass::kInteger;
  if (has("CHAR") || has("CLOB") || has("TEXT")) return ValueClass::kText;
  if (has("BLOB") || type.empty()) return ValueClass::kBlob;
  if (has("REAL") || has("FLOA") || has("DOUB")) return ValueClass::kReal;
  return FailedPrecondition("table " + table + ", column " + column + ": type " +
                            std::string(declared) +
                            " is not a store type (INTEGER, REAL, TEXT or BLOB)");
}

Result<ValueClass> PostgresClass(const std::string& table, const std::string& column,
                                 std::string_view type) {
  if (type == "bigint" || type == "integer" || type == "smallint" || type == "boolean")
    return ValueClass::kInteger;
  if (type == "double precision" || type == "real") return ValueClass::kReal;
  if (type == "text" || type == "character varying" || type == "character")
    return ValueClass::kText;
  if (type == "bytea") return ValueClass::kBlob;
  return FailedPrecondition("table " + table + ", column " + column + ": type " +
                            std::string(type) + " is not a store type");
}

// The first column of each row of `sql`, run with `parameter` as $1 when not empty.
Result<std::vector<std::string>> Texts(Connection& db, const std::string& sql,
                                       const std::string& parameter = "") {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  if (!parameter.empty()) TENLIK_RETURN_IF_ERROR(stmt->Bind(1, std::string_view(parameter)));
  std::vector<std::string> values;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    values.emplace_back(stmt->ColumnText(0));
  }
  return values;
}

Status ReadSqliteTable(Connection& db, TableInfo& table) {
  TENLIK_ASSIGN_OR_RETURN(
      auto columns, db.Prepare("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid"));
  TENLIK_RETURN_IF_ERROR(columns->Bind(1, std::string_view(table.name)));
  std::vector<std::pair<int64_t, size_t>> key;  // position in the key, column index
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, columns->Step());
    if (!row) break;
    ColumnInfo column;
    column.name = columns->ColumnText(0);
    TENLIK_ASSIGN_OR_RETURN(column.value_class,
                            SqliteClass(table.name, column.name, columns->ColumnText(1)));
    if (int64_t position = columns->ColumnInt(2); position > 0)
      key.emplace_back(position, table.columns.size());
    table.columns.push_back(std::move(column));
  }
  std::sort(key.begin(), key.end());
  for (const auto& entry : key) table.primary_key.push_back(entry.second);
  TENLIK_ASSIGN_OR_RETURN(
      table.references,
      Texts(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1)", table.name));
  return Status::Ok();
}

Status ReadPostgresTable(Connection& db, TableInfo& table) {
  TENLIK_ASSIGN_OR_RETURN(
      auto columns,
      db.Prepare("SELECT column_name, data_type, is_identity FROM information_schema.columns"
                 " WHERE table_schema = current_schema() AND table_name = $1"
                 " ORDER BY ordinal_position"));
  TENLIK_RETURN_IF_ERROR(columns->Bind(1, std::string_view(table.name)));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, columns->Step());
    if (!row) break;
    ColumnInfo column;
    column.name = columns->ColumnText(0);
    TENLIK_ASSIGN_OR_RETURN(column.value_class,
                            PostgresClass(table.name, column.name, columns->ColumnText(1)));
    column.identity = columns->ColumnText(2) == "YES";
    table.columns.push_back(std::move(column));
  }
  TENLIK_ASSIGN_OR_RETURN(
      std::vector<std::string> key,
      Texts(db,
            "SELECT k.column_name FROM information_schema.table_constraints c"
            " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
            " AND k.table_schema = c.table_schema AND k.table_name = c.table_name"
            " WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()"
            " AND c.table_name = $1 ORDER BY k.ordinal_position",
            table.name));
  for (const std::string& name : key) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].name == name) table.primary_key.push_back(i);
    }
  }
  TENLIK_ASSIGN_OR_RETURN(
      table.references,
      Texts(db,
            "SELECT DISTINCT r.relname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid"
            " WHERE c.contype = 'f' AND c.conrelid = to_regclass(quote_ident($1))",
            table.name));
  return Status::Ok();
}

}  // namespace

const char* ValueClassName(ValueClass value_class) {
  switch (value_class) {
    case ValueClass::kInteger:
      return "INTEGER";
    case ValueClass::kReal:
      return "REAL";
    case ValueClass::kText:
      return "TEXT";
    case ValueClass::kBlob:
      return "BLOB";
  }
  return "?";
}

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<std::vector<TableInfo>> ReadCatalog(Connection& db) {
  bool sqlite = db.Backend() == "sqlite";
  TENLIK_ASSIGN_OR_RETURN(
      std::vector<std::string> names,
      Texts(db, sqlite ? "SELECT name FROM sqlite_schema WHERE type = 'table'"
                         " AND name NOT LIKE 'sqlite%' ORDER BY name"
                       : "SELECT table_name FROM information_schema.tables"
                         " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                         " ORDER BY table_name"));
  std::vector<TableInfo> tables;
  for (std::string& name : names) {
    TableInfo table;
    table.name = std::move(name);
    TENLIK_RETURN_IF_ERROR(sqlite ? ReadSqliteTable(db, table) : ReadPostgresTable(db, table));
    if (table.primary_key.empty()) {
      return FailedPrecondition("table " + table.name +
                                " has no primary key; the store copies and compares rows by key");
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace tenlik::store
