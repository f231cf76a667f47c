#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "store/store.h"

namespace tenlik::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tenlik_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string path_;
};

const std::vector<Migration> kMigrations = {
    {"demo", 1, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"},
    {"demo", 2, "ALTER TABLE items ADD COLUMN score REAL; CREATE INDEX items_name ON items(name)"},
};

TEST_F(StoreTest, OpenWithoutCreateNamesTheMissingFile) {
  auto db = Connection::Open(path_, /*create=*/false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_NE(db.status().message().find(path_), std::string::npos);
}

TEST_F(StoreTest, MigrationsApplyOnceAndRecordTheirVersion) {
  auto db = Connection::Open(path_, true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Migrate({kMigrations[0]}).ok());
  EXPECT_EQ(*(*db)->SchemaVersion("demo"), 1);
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());  // idempotent
  EXPECT_EQ(*(*db)->SchemaVersion("demo"), 2);
  EXPECT_EQ(*(*db)->SchemaVersion("other"), 0);
}

TEST_F(StoreTest, AStoreFromANewerProgramIsRefused) {
  {
    auto db = Connection::Open(path_, true);
    ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  }
  auto db = Connection::Open(path_, false);
  Status s = (*db)->Migrate({kMigrations[0]});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
}

TEST_F(StoreTest, PreparedStatementsRoundTripValuesAndCountChanges) {
  auto db = Connection::Open(path_, true);
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  auto insert = (*db)->Prepare("INSERT INTO items (name, score) VALUES ($1, $2) ON CONFLICT DO NOTHING");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE((*db)->Begin().ok());
  for (const char* name : {"мектеп", "школа", "school"}) {
    ASSERT_TRUE((*insert)->Bind(1, std::string_view(name)).ok());
    ASSERT_TRUE((*insert)->Bind(2, 0.5).ok());
    ASSERT_FALSE(*(*insert)->Step());
    EXPECT_EQ((*insert)->ChangedRows(), 1);
    ASSERT_TRUE((*insert)->Reset().ok());
  }
  ASSERT_TRUE((*db)->Commit().ok());
  auto select = (*db)->Prepare("SELECT name, score FROM items ORDER BY id");
  std::vector<std::string> names;
  while (*(*select)->Step()) {
    names.emplace_back((*select)->ColumnText(0));
    EXPECT_DOUBLE_EQ((*select)->ColumnDouble(1), 0.5);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"мектеп", "школа", "school"}));
  EXPECT_TRUE((*db)->CheckIntegrity().ok());
}

TEST_F(StoreTest, ParametersBindByNumberWhateverTheirOrderInTheSql) {
  auto db = Connection::Open(path_, true);
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  ASSERT_TRUE((*db)->Exec("INSERT INTO items (id, name) VALUES (7, 'old')").ok());
  auto update = (*db)->Prepare("UPDATE items SET name = $2, score = $3 WHERE id = $1 AND '$1' = '$1'");
  ASSERT_TRUE(update.ok()) << update.status().ToString();
  ASSERT_TRUE((*update)->Bind(1, int64_t{7}).ok());
  ASSERT_TRUE((*update)->Bind(2, std::string_view("new")).ok());
  ASSERT_TRUE((*update)->Bind(3, 1.5).ok());
  ASSERT_FALSE(*(*update)->Step());
  EXPECT_EQ((*update)->ChangedRows(), 1);
  auto select = (*db)->Prepare("SELECT name FROM items WHERE id = 7");
  ASSERT_TRUE(*(*select)->Step());
  EXPECT_EQ((*select)->ColumnText(0), "new");
}

TEST_F(StoreTest, RolledBackWritesAreGone) {
  auto db = Connection::Open(path_, true);
  ASSERT_TRUE((*db)->Migrate(kMigrations).ok());
  ASSERT_TRUE((*db)->Begin().ok());
  ASSERT_TRUE((*db)->Exec("INSERT INTO items (name) VALUES ('x')").ok());
  ASSERT_TRUE((*db)->Rollback().ok());
  auto count = (*db)->Prepare("SELECT count(*) FROM items");
  ASSERT_TRUE(*(*count)->Step());
  EXPECT_EQ((*count)->ColumnInt(0), 0);
}

TEST_F(StoreTest, AFileThatIsNotAStoreGivesAClearError) {
  std::ofstream(path_) << "Date\tHeadline\nthis is a CSV, not a database\n";
  auto db = Connection::Open(path_, false);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("not a Tenlik store"), std::string::npos)
      << db.status().ToString();
}

TEST_F(StoreTest, SqlErrorsComeBackAsValues) {
  auto db = Connection::Open(path_, true);
  auto bad = (*db)->Prepare("SELEC nonsense");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
}

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
