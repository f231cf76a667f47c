#include "store/postgres_connection.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "store/migrate.h"
#include "store/postgres_sql.h"
#include "store/postgres_url.h"

namespace tenlik::store {
namespace {

// Type OIDs of pg_type that read differently from their text form.
constexpr pqxx::oid kBoolOid = 16;
constexpr pqxx::oid kByteaOid = 17;

// Held while migrating, so that two programs opening the same new store do not both
// create its tables.
constexpr const char* kMigrationLock = "SELECT pg_advisory_lock(7234298346711659883)";
constexpr const char* kMigrationUnlock = "SELECT pg_advisory_unlock(7234298346711659883)";

std::string TrimmedMessage(const std::exception& e) {
  std::string message = e.what();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

std::string HexBytea(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

class PostgresConnection;

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PostgresConnection& owner, std::string name, std::string sql,
                    std::vector<bool> bytea_parameters)
      : owner_(owner),
        name_(std::move(name)),
        sql_(std::move(sql)),
        bytea_(std::move(bytea_parameters)),
        parameters_(bytea_.size()) {}
  ~PostgresStatement() override;

  Status Bind(int index, int64_t value) override { return Set(index, std::to_string(value)); }
  Status Bind(int index, double value) override {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return Set(index, std::string(buffer, end));
  }
  Status Bind(int index, std::string_view text) override {
    if (Valid(index) && bytea_[index - 1]) return Set(index, HexBytea(text));
    if (text.find('\0') != std::string_view::npos) {
      return InvalidArgument("PostgreSQL text cannot hold a NUL byte (parameter $" +
                             std::to_string(index) + ")");
    }
    return Set(index, std::string(text));
  }
  Status BindNull(int index) override {
    if (!Valid(index)) return OutOfRange(index);
    parameters_[index - 1].reset();
    return Status::Ok();
  }

  Result<bool> Step() override;

  int64_t ColumnInt(int column) override {
    if (IsNull(column)) return 0;
    std::string_view text = Raw(column);
    if (result_->column_type(column) == kBoolOid) return text == "t" ? 1 : 0;
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size()) return value;
    return static_cast<int64_t>(ColumnDouble(column));  // numeric or float, as SQLite truncates
  }
  double ColumnDouble(int column) override {
    if (IsNull(column)) return 0;
    std::string_view text = Raw(column);
    if (result_->column_type(column) == kBoolOid) return text == "t" ? 1 : 0;
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  std::string_view ColumnText(int column) override {
    if (IsNull(column)) return {};
    if (result_->column_type(column) != kByteaOid) return Raw(column);
    decoded_ = pqxx::binarystring((*result_)[row_][column]).str();
    return decoded_;
  }
  bool ColumnIsNull(int column) override { return IsNull(column); }
  int64_t ChangedRows() override { return changed_; }
  Status Reset() override {
    result_.reset();
    return Status::Ok();
  }

 private:
  bool Valid(int index) const {
    return index >= 1 && static_cast<size_t>(index) <= parameters_.size();
  }
  Status OutOfRange(int index) const {
    return Internal("postgresql bind: parameter $" + std::to_string(index) + " is not in: " + sql_);
  }
  Status Set(int index, std::string value) {
    if (!Valid(index)) return OutOfRange(index);
    parameters_[index - 1] = std::move(value);
    return Status::Ok();
  }
  bool IsNull(int column) const {
    return !result_ || row_ >= result_->size() || (*result_)[row_][column].is_null();
  }
  std::string_view Raw(int column) const {
    pqxx::field field = (*result_)[row_][column];
    return {field.c_str(), field.size()};
  }

  PostgresConnection& owner_;
  std::string name_;
  std::string sql_;
  std::vector<bool> bytea_;
  std::vector<std::optional<std::string>> parameters_;
  std::optional<pqxx::result> result_;  // set from the first Step until done or Reset
  pqxx::result::size_type row_ = 0;
  std::string decoded_;
  int64_t changed_ = 0;
};

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(std::unique_ptr<pqxx::connection> connection, PostgresUrl url)
      : connection_(std::move(connection)), url_(std::move(url)) {}

  Status Exec(std::string_view sql) override {
    TENLIK_ASSIGN_OR_RETURN(std::string translated, TranslateForPostgres(sql));
    return Run(sql, [&] {
      pqxx::nontransaction work(*connection_);
      work.exec(translated);
      work.commit();
    });
  }

  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override {
    TENLIK_ASSIGN_OR_RETURN(std::string translated, TranslateForPostgres(sql));
    std::string name = "tenlik_" + std::to_string(++statements_);
    std::vector<bool> bytea;
    Status prepared = Run(sql, [&] {
      connection_->prepare(name, translated);
      try {
        connection_->prepare_now(name);
      } catch (...) {
        connection_->unprepare(name);
        throw;
      }
      // The server knows each parameter's type: BLOB parameters take hex input.
      pqxx::nontransaction work(*connection_);
      pqxx::result types = work.exec_params(
          "SELECT t = 'bytea'::regtype FROM pg_prepared_statements,"
          " unnest(parameter_types) WITH ORDINALITY AS p(t, i) WHERE name = $1 ORDER BY i",
          name);
      work.commit();
      for (const pqxx::row& row : types) bytea.push_back(row[0].as<bool>());
    });
    if (!prepared.ok()) return prepared;
    return std::unique_ptr<Statement>(
        new PostgresStatement(*this, std::move(name), std::string(sql), std::move(bytea)));
  }

  Status Begin() override {
    if (in_transaction_)
      return Internal("postgresql: a transaction is already open (they do not nest)");
    TENLIK_RETURN_IF_ERROR(Exec("BEGIN"));
    in_transaction_ = true;
    transaction_failed_ = false;
    return Status::Ok();
  }
  Status Commit() override {
    if (!in_transaction_) return Internal("postgresql: COMMIT without a transaction");
    if (transaction_failed_) {
      // PostgreSQL would answer COMMIT with a silent ROLLBACK: say so instead.
      (void)Rollback();
      return Internal("postgresql: the transaction was rolled back after an earlier error");
    }
    Status committed = Exec("COMMIT");
    in_transaction_ = false;
    return committed;
  }
  Status Rollback() override {
    Status rolled_back = Exec("ROLLBACK");
    in_transaction_ = false;
    return rolled_back;
  }

  Status Migrate(const std::vector<Migration>& migrations) override {
    TENLIK_RETURN_IF_ERROR(Exec(kMigrationLock));
    Status migrated = ApplyMigrations(*this, migrations);
    Status unlocked = Exec(kMigrationUnlock);
    return migrated.ok() ? unlocked : migrated;
  }

  Result<int> SchemaVersion(const std::string& module) override {
    return RecordedSchemaVersion(*this, module);
  }

  Status CheckIntegrity() override;

  std::string_view Backend() const override { return "postgresql"; }

  // Runs `work`, turning libpqxx's exceptions into a Status that names `sql` and
  // never the password. After a lost connection every later call fails: libpqxx
  // would reconnect silently, outside the transaction the caller believes open.
  template <typename Work>
  Status Run(std::string_view sql, Work&& work) {
    if (broken_) return IoError("postgresql: the connection to the server was lost");
    std::string failure;
    try {
      work();
      return Status::Ok();
    } catch (const pqxx::broken_connection& e) {
      broken_ = true;
      return IoError(MaskSecrets("postgresql: connection lost: " + TrimmedMessage(e), url_));
    } catch (const std::exception& e) {
      failure = TrimmedMessage(e);
    }
    if (in_transaction_) transaction_failed_ = true;
    return Internal(MaskSecrets("postgresql: " + failure + " in: " + std::string(sql), url_));
  }

  pqxx::connection& connection() { return *connection_; }

 private:
  Result<std::vector<std::string>> Column(const std::string& sql);

  std::unique_ptr<pqxx::connection> connection_;
  PostgresUrl url_;
  int64_t statements_ = 0;
  bool broken_ = false;
  bool in_transaction_ = false;
  bool transaction_failed_ = false;
};

PostgresStatement::~PostgresStatement() {
  try {
    owner_.connection().unprepare(name_);
  } catch (const std::exception&) {
    // The connection is gone or inside a failed transaction: the server frees the
    // statement when the session ends.
  }
}

Result<bool> PostgresStatement::Step() {
  if (!result_) {
    Status executed = owner_.Run(sql_, [&] {
      pqxx::nontransaction work(owner_.connection());
      result_ = work.exec_prepared(name_, pqxx::prepare::make_dynamic_params(parameters_));
      work.commit();
    });
    if (!executed.ok()) {
      result_.reset();
      return executed;
    }
    changed_ = result_->affected_rows();
    row_ = 0;
  } else {
    ++row_;
  }
  if (row_ < result_->size()) return true;
  result_.reset();  // the next Step runs the statement again, as SQLite's does
  return false;
}

// The first column of every row of `sql`, as text.
Result<std::vector<std::string>> PostgresConnection::Column(const std::string& sql) {
  std::vector<std::string> values;
  TENLIK_RETURN_IF_ERROR(Run(sql, [&] {
    pqxx::nontransaction work(*connection_);
    for (const pqxx::row& row : work.exec(sql))
      values.push_back(row[0].is_null() ? "" : row[0].c_str());
    work.commit();
  }));
  return values;
}

Status PostgresConnection::CheckIntegrity() {
  std::string report;
  TENLIK_ASSIGN_OR_RETURN(
      std::vector<std::string> tables,
      Column("SELECT quote_ident(relname) FROM pg_class WHERE relkind = 'r'"
             " AND relnamespace = current_schema()::regnamespace ORDER BY relname"));
  // Reading every row as text decodes every value, TOAST included.
  for (const std::string& table : tables) {
    Result<std::vector<std::string>> read =
        Column("SELECT sum(length(t::text)) FROM " + table + " t");
    if (!read.ok()) report += table + ": " + read.status().message() + "\n";
  }
  if (std::find(tables.begin(), tables.end(), "schema_migrations") != tables.end()) {
    TENLIK_ASSIGN_OR_RETURN(std::vector<std::string> gaps,
                            Column("SELECT module FROM schema_migrations GROUP BY module"
                                   " HAVING min(version) <> 1 OR max(version) <> count(*)"));
    for (const std::string& module : gaps)
      report += "schema_migrations: versions of " + module + " have gaps\n";
  }
  TENLIK_ASSIGN_OR_RETURN(std::vector<std::string> amcheck,
                          Column("SELECT extname FROM pg_extension WHERE extname = 'amcheck'"));
  if (!amcheck.empty()) {
    for (const std::string& table : tables) {
      TENLIK_ASSIGN_OR_RETURN(
          std::vector<std::string> problems,
          Column(
              "SELECT format('block %s offset %s: %s', blkno, offnum, msg) FROM verify_heapam('" +
              connection_->esc(table) + "'::regclass, check_toast => true)"));
      for (const std::string& problem : problems) report += table + ": " + problem + "\n";
    }
    TENLIK_ASSIGN_OR_RETURN(
        std::vector<std::string> indexes,
        Column("SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = "
               "i.indexrelid"
               " JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree'"
               " AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"));
    for (const std::string& index : indexes) {
      Result<std::vector<std::string>> checked =
          Column("SELECT bt_index_check('" + connection_->esc(index) + "'::regclass, true)");
      if (!checked.ok()) report += index + ": " + checked.status().message() + "\n";
    }
  }
  if (report.empty()) return Status::Ok();
  return DataLoss("integrity check failed: " + report);
}

std::unique_ptr<pqxx::connection> Connect(const std::string& url) {
  auto connection = std::make_unique<pqxx::connection>(url);
  // Times are stored as text: the same zone whatever the server's; notices such as
  // "table already exists, skipping" would otherwise go to stderr.
  pqxx::nontransaction work(*connection);
  work.exec("SET TimeZone = 'UTC'; SET client_min_messages = warning");
  work.commit();
  return connection;
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url, bool create) {
  PostgresUrl parsed = ParsePostgresUrl(url);
  std::string printable = MaskSecrets(url, parsed);
  std::string failure;
  try {
    return std::unique_ptr<Connection>(new PostgresConnection(Connect(url), parsed));
  } catch (const std::exception& e) {
    failure = MaskSecrets(TrimmedMessage(e), parsed);
  }
  // Tell a missing database from an unreachable server by asking the maintenance
  // database "postgres", and create the store's database when asked to.
  const std::string& database = parsed.database;
  if (database.empty() || database == "postgres") {
    return IoError("cannot open store " + printable + ": " + failure);
  }
  try {
    auto maintenance = Connect(parsed.WithDatabase("postgres"));
    pqxx::nontransaction work(*maintenance);
    bool exists =
        !work.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", database).empty();
    if (exists) return IoError("cannot open store " + printable + ": " + failure);
    if (!create) {
      return NotFound("no store at " + printable + " (run `tenlik init` first, or pass --store)");
    }
    work.exec("CREATE DATABASE " + work.quote_name(database));
    work.commit();
  } catch (const std::exception& e) {
    return IoError("cannot open store " + printable + ": " +
                   MaskSecrets(TrimmedMessage(e), parsed));
  }
  try {
    return std::unique_ptr<Connection>(new PostgresConnection(Connect(url), parsed));
  } catch (const std::exception& e) {
    return IoError("cannot open store " + printable + ": " +
                   MaskSecrets(TrimmedMessage(e), parsed));
  }
}

}  // namespace tenlik::store
