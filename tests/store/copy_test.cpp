// CopyStore and CompareStores: a SQLite store copied into a store of each backend.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <limits>

#include "store/store.h"
#include "test_backends.h"

namespace tenlik::store {
namespace {

using testing::Backend;
using testing::TemporaryStore;

const std::vector<Migration> kMigrations = {
    {"demo", 1, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"},
    {"demo", 2,
     "ALTER TABLE items ADD COLUMN score REAL; ALTER TABLE items ADD COLUMN hash INTEGER;"
     " ALTER TABLE items ADD COLUMN payload BLOB;"
     " CREATE TABLE tags (item_id INTEGER NOT NULL REFERENCES items(id), tag TEXT NOT NULL,"
     " PRIMARY KEY (item_id, tag))"},
};

const std::string kBytes = std::string("\0\x01\xff\x80zero", 8);

class CopyTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(target_store_.location().empty()) << testing::kNoPostgresServer;
    auto source = Connection::Open(source_store_.location(), true);
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    source_ = std::move(*source);
    ASSERT_TRUE(source_->Migrate(kMigrations).ok());
    auto target = Connection::Open(target_store_.location(), true);
    ASSERT_TRUE(target.ok()) << target.status().ToString();
    target_ = std::move(*target);
    options_.migrations = kMigrations;
    options_.batch_rows = 7;  // several batches and a short last one
  }

  // 50 items with every kind of value, every third one tagged twice.
  void FillSource() {
    auto item = source_->Prepare(
        "INSERT INTO items (id, name, score, hash, payload) VALUES ($1, $2, $3, $4, $5)");
    ASSERT_TRUE(item.ok()) << item.status().ToString();
    auto tag = source_->Prepare("INSERT INTO tags (item_id, tag) VALUES ($1, $2)");
    ASSERT_TRUE(tag.ok());
    ASSERT_TRUE(source_->Begin().ok());
    for (int64_t id = 1; id <= 50; ++id) {
      ASSERT_TRUE((*item)->Bind(1, id * 3).ok());  // ids with gaps
      ASSERT_TRUE((*item)->Bind(2, std::string_view("Балалар " + std::to_string(id))).ok());
      if (id % 5 == 0) {
        ASSERT_TRUE((*item)->BindNull(3).ok());
        ASSERT_TRUE((*item)->BindNull(4).ok());
        ASSERT_TRUE((*item)->BindNull(5).ok());
      } else {
        ASSERT_TRUE((*item)->Bind(3, id == 1 ? 5e-324 : 0.1 * static_cast<double>(id)).ok());
        ASSERT_TRUE((*item)->Bind(4, std::numeric_limits<int64_t>::min() + id).ok());
        ASSERT_TRUE((*item)->Bind(5, std::string_view(kBytes)).ok());
      }
      ASSERT_TRUE((*item)->Step().ok());
      ASSERT_TRUE((*item)->Reset().ok());
      if (id % 3 != 0) continue;
      for (const char* name : {"ramp", "tutor"}) {
        ASSERT_TRUE((*tag)->Bind(1, id * 3).ok());
        ASSERT_TRUE((*tag)->Bind(2, std::string_view(name)).ok());
        ASSERT_TRUE((*tag)->Step().ok());
        ASSERT_TRUE((*tag)->Reset().ok());
      }
    }
    ASSERT_TRUE(source_->Commit().ok());
  }

  int64_t TargetCount(const std::string& table) {
    auto stmt = target_->Prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return -1;
    auto row = (*stmt)->Step();
    return row.ok() && *row ? (*stmt)->ColumnInt(0) : -1;
  }

  TemporaryStore source_store_{Backend::kSqlite};
  TemporaryStore target_store_{GetParam()};
  std::unique_ptr<Connection> source_;
  std::unique_ptr<Connection> target_;
  CopyOptions options_;
};

TEST_P(CopyTest, CopiesEveryRowAndValueAndVerifiesThem) {
  FillSource();
  int64_t last_done = 0;
  int64_t copy_total = 0;
  options_.on_progress = [&](const CopyProgress& progress) {
    if (progress.phase != CopyProgress::Phase::kCopy) return;
    EXPECT_GT(progress.rows_done, last_done);
    last_done = progress.rows_done;
    copy_total = progress.rows_total;
  };
  auto report = CopyStore(*source_, *target_, options_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->Verified());
  EXPECT_EQ(report->rows_copied, 50 + 2 * 16);
  EXPECT_EQ(last_done, report->rows_copied);
  EXPECT_EQ(copy_total, report->rows_copied);
  ASSERT_EQ(report->tables.size(), 3u);  // items, schema_migrations, tags
  for (const TableComparison& table : report->tables) {
    EXPECT_EQ(table.source_rows, table.target_rows) << table.table;
    EXPECT_EQ(table.source_checksum, table.target_checksum) << table.table;
    EXPECT_EQ(table.source_checksum.size(), 32u);
  }
  EXPECT_EQ(TargetCount("items"), 50);
  EXPECT_EQ(TargetCount("tags"), 32);
  EXPECT_EQ(*target_->SchemaVersion("demo"), 2);

  auto read = target_->Prepare("SELECT score, hash, payload, name FROM items WHERE id = $1");
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE((*read)->Bind(1, int64_t{3}).ok());  // item 1: the smallest double
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_EQ((*read)->ColumnDouble(0), 5e-324);
  EXPECT_EQ((*read)->ColumnInt(1), std::numeric_limits<int64_t>::min() + 1);
  EXPECT_EQ((*read)->ColumnText(2), kBytes);
  EXPECT_EQ((*read)->ColumnText(3), "Балалар 1");
  ASSERT_TRUE((*read)->Reset().ok());
  ASSERT_TRUE((*read)->Bind(1, int64_t{21}).ok());  // item 7
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_EQ((*read)->ColumnDouble(0), 0.1 * 7);  // exactly
  ASSERT_TRUE((*read)->Reset().ok());
  ASSERT_TRUE((*read)->Bind(1, int64_t{15}).ok());  // item 5: NULLs
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_TRUE((*read)->ColumnIsNull(0));
  EXPECT_TRUE((*read)->ColumnIsNull(1));
  EXPECT_TRUE((*read)->ColumnIsNull(2));
}

TEST_P(CopyTest, NewRowsAfterTheCopyGetIdsPastTheCopiedOnes) {
  FillSource();
  auto report = CopyStore(*source_, *target_, options_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto insert = target_->Prepare("INSERT INTO items (name) VALUES ($1) RETURNING id");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE((*insert)->Bind(1, std::string_view("new")).ok());
  auto row = (*insert)->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_TRUE(*row);
  EXPECT_EQ((*insert)->ColumnInt(0), 151);
}

TEST_P(CopyTest, ATargetWithRowsIsRefused) {
  FillSource();
  ASSERT_TRUE(CopyStore(*source_, *target_, options_).ok());
  auto again = CopyStore(*source_, *target_, options_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("already holds rows (items, tags)"), std::string::npos)
      << again.status().ToString();
  EXPECT_EQ(TargetCount("items"), 50);
}

TEST_P(CopyTest, AChangedRowInTheTargetIsFoundByTheComparison) {
  FillSource();
  ASSERT_TRUE(CopyStore(*source_, *target_, options_).ok());
  ASSERT_TRUE(
      target_->Exec("UPDATE tags SET tag = 'lift' WHERE item_id = 9 AND tag = 'ramp'").ok());
  auto report = CompareStores(*source_, *target_, options_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->Verified());
  for (const TableComparison& table : report->tables) {
    EXPECT_EQ(table.Equal(), table.table != "tags") << table.table;
    EXPECT_EQ(table.source_rows, table.target_rows) << table.table;
  }
  ASSERT_TRUE(target_->Exec("DELETE FROM tags WHERE item_id = 9").ok());
  report = CompareStores(*source_, *target_, options_);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->tables[2].target_rows, report->tables[2].source_rows - 2);
}

TEST_P(CopyTest, AnInterruptedCopyLeavesNoRowsAndRunsAgain) {
  FillSource();
  std::atomic<bool> cancel{false};
  options_.cancel = &cancel;
  options_.on_progress = [&](const CopyProgress& progress) {
    if (progress.rows_done >= 20) cancel = true;
  };
  auto interrupted = CopyStore(*source_, *target_, options_);
  ASSERT_FALSE(interrupted.ok());
  EXPECT_EQ(interrupted.status().code(), StatusCode::kCancelled);
  EXPECT_EQ(TargetCount("items"), 0);
  EXPECT_EQ(TargetCount("tags"), 0);
  cancel = false;
  options_.on_progress = nullptr;
  auto again = CopyStore(*source_, *target_, options_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->Verified());
}

TEST_P(CopyTest, AModuleThisProgramDoesNotKnowIsRefused) {
  ASSERT_TRUE(
      source_->Migrate({{"jobs", 1, "CREATE TABLE jobs_queue (id INTEGER PRIMARY KEY)"}}).ok());
  auto report = CopyStore(*source_, *target_, options_);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("module jobs"), std::string::npos)
      << report.status().ToString();
}

TEST_P(CopyTest, AValueThatWouldChangeTypeIsRefusedAndNamed) {
  ASSERT_TRUE(
      source_->Exec("INSERT INTO items (id, name, hash) VALUES (1, 'a', 'not a number')").ok());
  auto report = CopyStore(*source_, *target_, options_);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("column hash holds a value of type text"),
            std::string::npos)
      << report.status().ToString();
  EXPECT_EQ(TargetCount("items"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CopyTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendName);

}  // namespace
}  // namespace tenlik::store
