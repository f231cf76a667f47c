// Stores on every backend for tests: SQLite in a temporary file, PostgreSQL in a
// fresh database on the server named by $TENLIK_TEST_POSTGRES_URL (started by
// scripts/postgres-test-server.sh; scripts/test.sh does it). Builds with
// -DTENLIK_TEST_POSTGRES=OFF test SQLite only; otherwise a missing server fails the
// PostgreSQL cases with a message saying how to start one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"

namespace tenlik::store::testing {

enum class Backend { kSqlite, kPostgres };

inline std::vector<Backend> TestBackends() {
#if TENLIK_TEST_POSTGRES
  return {Backend::kSqlite, Backend::kPostgres};
#else
  return {Backend::kSqlite};
#endif
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

// The server's URL naming its maintenance database; empty when not set.
inline std::string PostgresServerUrl() {
  const char* url = std::getenv("TENLIK_TEST_POSTGRES_URL");
  return url == nullptr ? "" : url;
}

inline const char* kNoPostgresServer =
    "TENLIK_TEST_POSTGRES_URL is not set, so the PostgreSQL cases cannot run. Start a "
    "throwaway server with `eval \"$(scripts/postgres-test-server.sh start)\"` (stop it "
    "with `scripts/postgres-test-server.sh stop \"$TENLIK_TEST_POSTGRES_DIR\"`), or "
    "configure with -DTENLIK_TEST_POSTGRES=OFF to test SQLite only.";

// A store location that does not exist yet, and a folder for files beside it; both
// are removed (the database dropped) on destruction. `location` is empty when the
// PostgreSQL server is not configured: fixtures then fail with kNoPostgresServer,
//   ASSERT_FALSE(store.location().empty()) << testing::kNoPostgresServer;
class TemporaryStore {
 public:
  explicit TemporaryStore(Backend backend) : backend_(backend) {
    static std::atomic<int> counter{0};
    std::string unique = std::to_string(::getpid()) + "_" + std::to_string(++counter);
    dir_ = std::filesystem::temp_directory_path() / ("tenlik_store_test_" + unique);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (backend == Backend::kSqlite) {
      location_ = (dir_ / "t.db").string();
      return;
    }
    server_ = PostgresServerUrl();
    if (server_.empty()) return;
    database_ = "tenlik_test_" + unique;
    location_ = server_.substr(0, server_.rfind('/') + 1) + database_;
  }
  ~TemporaryStore() {
    std::filesystem::remove_all(dir_);
    if (database_.empty()) return;
    auto server = Connection::Open(server_, false);
    if (server.ok())
      (void)(*server)->Exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
  }
  TemporaryStore(const TemporaryStore&) = delete;
  TemporaryStore& operator=(const TemporaryStore&) = delete;

  const std::string& location() const { return location_; }
  const std::filesystem::path& dir() const { return dir_; }
  Backend backend() const { return backend_; }

 private:
  Backend backend_;
  std::filesystem::path dir_;
  std::string location_;
  std::string server_;
  std::string database_;
};

}  // namespace tenlik::store::testing
