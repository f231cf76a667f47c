// What only the SQLite backend does; the shared contract is in connection_test.cpp.
#include <gtest/gtest.h>

#include <fstream>

#include "store/store.h"
#include "test_backends.h"

namespace tenlik::store {
namespace {

TEST(SqliteConnectionTest, AFileThatIsNotAStoreGivesAClearError) {
  testing::TemporaryStore store(testing::Backend::kSqlite);
  std::ofstream(store.location()) << "Date\tHeadline\nthis is a CSV, not a database\n";
  auto db = Connection::Open(store.location(), false);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("not a Tenlik store"), std::string::npos)
      << db.status().ToString();
}

}  // namespace
}  // namespace tenlik::store
