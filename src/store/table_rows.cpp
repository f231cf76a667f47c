#include "store/table_rows.h"

#include <xxhash.h>

#include <cstring>

namespace tenlik::store {
namespace {

// Whether SQLite's storage class `storage` (typeof()) copies unchanged into a column
// of `value_class`. Text in a BLOB column is kept byte for byte.
bool StorageFits(ValueClass value_class, std::string_view storage) {
  if (storage == "null") return true;
  switch (value_class) {
    case ValueClass::kInteger:
      return storage == "integer";
    case ValueClass::kReal:
      return storage == "real" || storage == "integer";
    case ValueClass::kText:
      return storage == "text";
    case ValueClass::kBlob:
      return storage == "blob" || storage == "text";
  }
  return false;
}

std::string ColumnList(const TableInfo& table, bool with_storage) {
  std::string list;
  for (const ColumnInfo& column : table.columns) {
    if (!list.empty()) list += ", ";
    list += QuoteIdentifier(column.name);
  }
  if (with_storage) {
    for (const ColumnInfo& column : table.columns)
      list += ", typeof(" + QuoteIdentifier(column.name) + ")";
  }
  return list;
}

void AppendFixed(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

Result<std::unique_ptr<TableReader>> TableReader::Open(Connection& db, const TableInfo& table,
                                                       int page_rows) {
  bool check_storage = db.Backend() == "sqlite";
  std::unique_ptr<TableReader> reader(new TableReader(table, page_rows, check_storage));
  std::string key;
  std::string parameters;
  for (size_t i = 0; i < table.primary_key.size(); ++i) {
    if (i > 0) {
      key += ", ";
      parameters += ", ";
    }
    key += QuoteIdentifier(table.columns[table.primary_key[i]].name);
    parameters += "$" + std::to_string(i + 1);
  }
  std::string select =
      "SELECT " + ColumnList(table, check_storage) + " FROM " + QuoteIdentifier(table.name);
  std::string order = " ORDER BY " + key + " LIMIT $";
  TENLIK_ASSIGN_OR_RETURN(reader->first_, db.Prepare(select + order + "1"));
  TENLIK_ASSIGN_OR_RETURN(
      reader->after_, db.Prepare(select + " WHERE (" + key + ") > (" + parameters + ")" + order +
                                 std::to_string(table.primary_key.size() + 1)));
  return reader;
}

Status TableReader::ReadRow(Statement& stmt, Row* row) const {
  size_t count = table_.columns.size();
  row->assign(count, Value{});
  for (size_t i = 0; i < count; ++i) {
    int column = static_cast<int>(i);
    ValueClass value_class = table_.columns[i].value_class;
    if (check_storage_) {
      std::string_view storage = stmt.ColumnText(static_cast<int>(count + i));
      if (!StorageFits(value_class, storage)) {
        return FailedPrecondition("table " + table_.name + ", row " +
                                  std::to_string(rows_read_ + 1) + " in key order: column " +
                                  table_.columns[i].name + " holds a value of type " +
                                  std::string(storage) + " in a " + ValueClassName(value_class) +
                                  " column, which would change when copied");
      }
    }
    Value& value = (*row)[i];
    if (stmt.ColumnIsNull(column)) continue;
    value.is_null = false;
    switch (value_class) {
      case ValueClass::kInteger:
        value.integer = stmt.ColumnInt(column);
        break;
      case ValueClass::kReal:
        value.real = stmt.ColumnDouble(column);
        break;
      case ValueClass::kText:
      case ValueClass::kBlob:
        value.bytes = std::string(stmt.ColumnText(column));
        break;
    }
  }
  return Status::Ok();
}

Result<bool> TableReader::Next(std::vector<Row>* rows) {
  rows->clear();
  if (done_) return false;
  Statement* stmt = first_.get();
  int limit_index = 1;
  if (last_) {
    stmt = after_.get();
    for (size_t i = 0; i < table_.primary_key.size(); ++i) {
      size_t column = table_.primary_key[i];
      TENLIK_RETURN_IF_ERROR(BindValue(*stmt, static_cast<int>(i + 1), (*last_)[column],
                                       table_.columns[column].value_class));
    }
    limit_index = static_cast<int>(table_.primary_key.size() + 1);
  }
  TENLIK_RETURN_IF_ERROR(stmt->Bind(limit_index, int64_t{page_rows_}));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) break;
    Row row;
    TENLIK_RETURN_IF_ERROR(ReadRow(*stmt, &row));
    rows->push_back(std::move(row));
    ++rows_read_;
  }
  TENLIK_RETURN_IF_ERROR(stmt->Reset());
  if (static_cast<int>(rows->size()) < page_rows_) done_ = true;
  if (rows->empty()) return false;
  last_ = rows->back();
  return true;
}

Status BindValue(Statement& stmt, int index, const Value& value, ValueClass value_class) {
  if (value.is_null) return stmt.BindNull(index);
  switch (value_class) {
    case ValueClass::kInteger:
      return stmt.Bind(index, value.integer);
    case ValueClass::kReal:
      return stmt.Bind(index, value.real);
    case ValueClass::kText:
    case ValueClass::kBlob:
      break;
  }
  return stmt.Bind(index, std::string_view(value.bytes));
}

void TableChecksum::Add(const TableInfo& table, const Row& row) {
  buffer_.clear();
  for (size_t i = 0; i < row.size(); ++i) {
    const Value& value = row[i];
    if (value.is_null) {
      buffer_ += 'N';
      continue;
    }
    switch (table.columns[i].value_class) {
      case ValueClass::kInteger:
        buffer_ += 'I';
        AppendFixed(buffer_, static_cast<uint64_t>(value.integer));
        break;
      case ValueClass::kReal: {
        uint64_t bits = 0;
        std::memcpy(&bits, &value.real, sizeof bits);
        buffer_ += 'R';
        AppendFixed(buffer_, bits);
        break;
      }
      case ValueClass::kText:
      case ValueClass::kBlob:
        buffer_ += table.columns[i].value_class == ValueClass::kText ? 'T' : 'B';
        AppendFixed(buffer_, value.bytes.size());
        buffer_ += value.bytes;
        break;
    }
  }
  XXH128_hash_t hash = XXH3_128bits(buffer_.data(), buffer_.size());
  low_ += hash.low64;
  high_ += hash.high64;
  ++rows_;
}

std::string TableChecksum::Hex() const {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint64_t lane : {high_, low_}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(lane >> shift) & 15];
  }
  return out;
}

}  // namespace tenlik::store
