// The store's contract, run on every backend (test_backends.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>

#include "store/store.h"
#include "test_backends.h"

namespace tenlik::store {
namespace {

using testing::Backend;
using testing::TemporaryStore;

class ConnectionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(store_.location().empty()) << testing::kNoPostgresServer;
    location_ = store_.location();
  }

  std::unique_ptr<Connection> OpenMigrated() {
    auto db = Connection::Open(location_, true);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return nullptr;
    Status migrated = (*db)->Migrate(kMigrations);
    EXPECT_TRUE(migrated.ok()) << migrated.ToString();
    return std::move(*db);
  }

  static inline const std::vector<Migration> kMigrations = {
      {"demo", 1, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"},
      {"demo", 2,
       "ALTER TABLE items ADD COLUMN score REAL; ALTER TABLE items ADD COLUMN hash INTEGER;"
       " ALTER TABLE items ADD COLUMN payload BLOB; CREATE INDEX items_name ON items(name)"},
  };

  TemporaryStore store_{GetParam()};
  std::string location_;
};

TEST_P(ConnectionTest, OpenWithoutCreateNamesTheMissingStore) {
  auto db = Connection::Open(location_, /*create=*/false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound) << db.status().ToString();
  EXPECT_NE(db.status().message().find(location_), std::string::npos) << db.status().ToString();
}

TEST_P(ConnectionTest, OpenWithCreateMakesAStoreThatOpensAgain) {
  {
    auto created = Connection::Open(location_, true);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    EXPECT_EQ((*created)->Backend(), GetParam() == Backend::kSqlite ? "sqlite" : "postgresql");
  }
  auto reopened = Connection::Open(location_, false);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
}

TEST_P(ConnectionTest, MigrationsApplyOnceAndRecordTheirVersion) {
  auto db = Connection::Open(location_, true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Migrate({kMigrations[0]}).ok());
  EXPECT_EQ(*(*db)->SchemaVersion("demo"), 1);
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());  // idempotent
  EXPECT_EQ(*(*db)->SchemaVersion("demo"), 2);
  EXPECT_EQ(*(*db)->SchemaVersion("other"), 0);
}

TEST_P(ConnectionTest, AFailingMigrationLeavesNothingBehind) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  Status failed =
      db->Migrate({{"broken", 1, "CREATE TABLE half (id INTEGER); CREATE TABLE nonsense ("}});
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(*db->SchemaVersion("broken"), 0);
  EXPECT_FALSE(db->Prepare("SELECT count(*) FROM half").ok())
      << "the migration's first table stayed";
}

TEST_P(ConnectionTest, AStoreFromANewerProgramIsRefused) {
  ASSERT_TRUE(OpenMigrated());
  auto db = Connection::Open(location_, false);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Status s = (*db)->Migrate({kMigrations[0]});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
}

TEST_P(ConnectionTest, PreparedStatementsRoundTripValuesAndCountChanges) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  auto insert =
      db->Prepare("INSERT INTO items (name, score) VALUES ($1, $2) ON CONFLICT DO NOTHING");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  ASSERT_TRUE(db->Begin().ok());
  for (const char* name : {"мектеп", "школа", "school"}) {
    ASSERT_TRUE((*insert)->Bind(1, std::string_view(name)).ok());
    ASSERT_TRUE((*insert)->Bind(2, 0.1).ok());
    ASSERT_FALSE(*(*insert)->Step());
    EXPECT_EQ((*insert)->ChangedRows(), 1);
    ASSERT_TRUE((*insert)->Reset().ok());
  }
  ASSERT_TRUE(db->Commit().ok());
  auto select = db->Prepare("SELECT name, score FROM items ORDER BY id");
  ASSERT_TRUE(select.ok()) << select.status().ToString();
  std::vector<std::string> names;
  while (*(*select)->Step()) {
    names.emplace_back((*select)->ColumnText(0));
    EXPECT_EQ((*select)->ColumnDouble(1), 0.1);  // a double, not a 4-byte float
  }
  EXPECT_EQ(names, (std::vector<std::string>{"мектеп", "школа", "school"}));
  EXPECT_TRUE(db->CheckIntegrity().ok());
}

TEST_P(ConnectionTest, SixtyFourBitIntegersNullsAndBlobsRoundTrip) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  const std::string bytes("\x00\x01\xff\\x41'", 8);
  auto insert = db->Prepare(
      "INSERT INTO items (name, hash, payload, score) VALUES ($1, $2, $3, $4) RETURNING id");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  ASSERT_TRUE((*insert)->Bind(1, std::string_view("big")).ok());
  ASSERT_TRUE((*insert)->Bind(2, std::numeric_limits<int64_t>::min()).ok());
  ASSERT_TRUE((*insert)->Bind(3, std::string_view(bytes)).ok());
  ASSERT_TRUE((*insert)->BindNull(4).ok());
  ASSERT_TRUE(*(*insert)->Step());
  int64_t id = (*insert)->ColumnInt(0);
  EXPECT_GT(id, 0);
  ASSERT_FALSE(*(*insert)->Step());
  auto select = db->Prepare("SELECT hash, payload, score, id = $1 FROM items WHERE id = $1");
  ASSERT_TRUE(select.ok()) << select.status().ToString();
  ASSERT_TRUE((*select)->Bind(1, id).ok());
  ASSERT_TRUE(*(*select)->Step());
  EXPECT_EQ((*select)->ColumnInt(0), std::numeric_limits<int64_t>::min());
  EXPECT_EQ((*select)->ColumnText(1), bytes);
  EXPECT_TRUE((*select)->ColumnIsNull(2));
  EXPECT_FALSE((*select)->ColumnIsNull(0));
  EXPECT_EQ((*select)->ColumnInt(3), 1);  // a comparison reads as 1 or 0 on both backends
  EXPECT_FALSE(*(*select)->Step());
}

TEST_P(ConnectionTest, AnEmptyTextIsEmptyNotNull) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  auto insert = db->Prepare("INSERT INTO items (name) VALUES ($1) RETURNING id");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  ASSERT_TRUE((*insert)->Bind(1, std::string_view{}).ok());  // no data pointer at all
  auto inserted = (*insert)->Step();
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();  // NOT NULL holds
  ASSERT_TRUE(*inserted);
  int64_t id = (*insert)->ColumnInt(0);
  auto select = db->Prepare("SELECT name, name = '' FROM items WHERE id = $1");
  ASSERT_TRUE(select.ok()) << select.status().ToString();
  ASSERT_TRUE((*select)->Bind(1, id).ok());
  ASSERT_TRUE(*(*select)->Step());
  EXPECT_FALSE((*select)->ColumnIsNull(0));
  EXPECT_EQ((*select)->ColumnInt(1), 1);
}

TEST_P(ConnectionTest, ParametersBindByNumberWhateverTheirOrderInTheSql) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("INSERT INTO items (id, name) VALUES (7, 'old')").ok());
  auto update = db->Prepare("UPDATE items SET name = $2, score = $3 WHERE id = $1 AND '$1' = '$1'");
  ASSERT_TRUE(update.ok()) << update.status().ToString();
  ASSERT_TRUE((*update)->Bind(1, int64_t{7}).ok());
  ASSERT_TRUE((*update)->Bind(2, std::string_view("new")).ok());
  ASSERT_TRUE((*update)->Bind(3, 1.5).ok());
  ASSERT_FALSE(*(*update)->Step());
  EXPECT_EQ((*update)->ChangedRows(), 1);
  auto select = db->Prepare("SELECT name FROM items WHERE id = 7");
  ASSERT_TRUE(*(*select)->Step());
  EXPECT_EQ((*select)->ColumnText(0), "new");
}

TEST_P(ConnectionTest, UpsertsAndStatementsRunAgainAfterDone) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  auto upsert = db->Prepare(
      "INSERT INTO items (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = "
      "excluded.name");
  ASSERT_TRUE(upsert.ok()) << upsert.status().ToString();
  for (const char* name : {"first", "second"}) {
    ASSERT_TRUE((*upsert)->Reset().ok());
    ASSERT_TRUE((*upsert)->Bind(1, int64_t{3}).ok());
    ASSERT_TRUE((*upsert)->Bind(2, std::string_view(name)).ok());
    ASSERT_FALSE(*(*upsert)->Step());
    EXPECT_EQ((*upsert)->ChangedRows(), 1);
  }
  auto count = db->Prepare("SELECT count(*), max(name) FROM items");
  for (int run = 0; run < 2; ++run) {  // no Reset between runs
    ASSERT_TRUE(*(*count)->Step());
    EXPECT_EQ((*count)->ColumnInt(0), 1);
    EXPECT_EQ((*count)->ColumnText(1), "second");
    ASSERT_FALSE(*(*count)->Step());
  }
}

TEST_P(ConnectionTest, RolledBackWritesAreGone) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(db->Exec("INSERT INTO items (name) VALUES ('x')").ok());
  ASSERT_TRUE(db->Rollback().ok());
  auto count = db->Prepare("SELECT count(*) FROM items");
  ASSERT_TRUE(*(*count)->Step());
  EXPECT_EQ((*count)->ColumnInt(0), 0);
}

TEST_P(ConnectionTest, TransactionsDoNotNest) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Begin().ok());
  EXPECT_FALSE(db->Begin().ok());
  ASSERT_TRUE(db->Rollback().ok());
}

TEST_P(ConnectionTest, SqlErrorsComeBackAsValues) {
  auto db = Connection::Open(location_, true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto bad = (*db)->Prepare("SELEC nonsense");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
  EXPECT_NE(bad.status().message().find("SELEC nonsense"), std::string::npos);
}

TEST_P(ConnectionTest, SqliteOnlyStatementsAreRefusedOnPostgres) {
  auto db = Connection::Open(location_, true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Status pragma = (*db)->Exec("PRAGMA foreign_keys=ON");
  EXPECT_EQ(pragma.ok(), GetParam() == Backend::kSqlite) << pragma.ToString();
}

TEST_P(ConnectionTest, TheIntegrityCheckPassesOnAHealthyStore) {
  auto db = OpenMigrated();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("INSERT INTO items (name, score) VALUES ('a', 1), ('b', 2)").ok());
  Status checked = db->CheckIntegrity();
  EXPECT_TRUE(checked.ok()) << checked.ToString();
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendName);

TEST(ResolveLocationTest, FlagThenEnvironmentThenDefault) {
  ::unsetenv("TENLIK_STORE");
  EXPECT_EQ(ResolveLocation(""), "tenlik.db");
  ::setenv("TENLIK_STORE", "/tmp/x.db", 1);
  EXPECT_EQ(ResolveLocation(""), "/tmp/x.db");
  EXPECT_EQ(ResolveLocation("a.db"), "a.db");
  ::unsetenv("TENLIK_STORE");
}

}  // namespace
}  // namespace tenlik::store
