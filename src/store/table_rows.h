// Reading a table's rows in key order, a page at a time, and the canonical form of
// a row that copies are checked by (internal to src/store/).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/catalog.h"

namespace tenlik::store {

// One value as read: which member holds it follows the column's ValueClass.
struct Value {
  bool is_null = true;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;  // TEXT and BLOB
};

using Row = std::vector<Value>;  // in the order of TableInfo::columns

// Reads `table`'s rows ordered by primary key, paging with `WHERE key > last` so
// that PostgreSQL never holds a whole table in memory. On SQLite each value's
// storage class is checked against its column: a value that would change when
// copied (text in an INTEGER column, say) is a FailedPrecondition naming table,
// key and column. Borrows `db`, which must outlive the reader.
class TableReader {
 public:
  static Result<std::unique_ptr<TableReader>> Open(Connection& db, const TableInfo& table,
                                                   int page_rows);

  // Replaces `rows` with the next page; false when the table has no more rows.
  Result<bool> Next(std::vector<Row>* rows);

 private:
  TableReader(const TableInfo& table, int page_rows, bool check_storage)
      : table_(table), page_rows_(page_rows), check_storage_(check_storage) {}
  Status ReadRow(Statement& stmt, Row* row) const;

  const TableInfo& table_;
  int page_rows_;
  bool check_storage_;
  std::unique_ptr<Statement> first_;
  std::unique_ptr<Statement> after_;
  std::optional<Row> last_;
  int64_t rows_read_ = 0;
  bool done_ = false;
};

// Binds `value`, read from a column of `value_class`, as parameter `index` of `stmt`.
Status BindValue(Statement& stmt, int index, const Value& value, ValueClass value_class);

// An order-independent checksum of rows: each row's canonical form (class tag and
// value of every column; lengths before bytes) is hashed with XXH3-128, and the
// hashes are summed lane by lane, so equal multisets of rows give equal sums on any
// backend.
class TableChecksum {
 public:
  void Add(const TableInfo& table, const Row& row);
  int64_t rows() const { return rows_; }
  std::string Hex() const;  // 32 hex digits

 private:
  uint64_t low_ = 0;
  uint64_t high_ = 0;
  int64_t rows_ = 0;
  std::string buffer_;
};

}  // namespace tenlik::store
