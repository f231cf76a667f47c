// Copy throughput of `tenlik store migrate`: N post-like rows in a SQLite store
// copied into a new PostgreSQL database and verified.
//   TENLIK_TEST_POSTGRES_URL=postgresql://user@host:port/postgres build/store_copy_bench [N]
// (scripts/postgres-test-server.sh start gives such a server).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/machine.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<tenlik::store::Migration> kMigrations = {
    {"bench", 1,
     "CREATE TABLE bench_posts (id INTEGER PRIMARY KEY, exact_hash INTEGER NOT NULL,"
     " published_at INTEGER NOT NULL, text TEXT NOT NULL, score REAL, signature BLOB)"}};

int Fail(const tenlik::Status& status) {
  std::fprintf(stderr, "store_copy_bench: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tenlik;
  int64_t rows = argc > 1 ? std::atoll(argv[1]) : 200000;
  const char* server = std::getenv("TENLIK_TEST_POSTGRES_URL");
  if (server == nullptr) {
    std::fprintf(stderr, "store_copy_bench: set TENLIK_TEST_POSTGRES_URL to a server URL\n");
    return 2;
  }
  std::string name = "tenlik_copy_bench_" + std::to_string(::getpid());
  std::filesystem::path sqlite = std::filesystem::temp_directory_path() / (name + ".db");
  std::string url(server);
  url = url.substr(0, url.rfind('/') + 1) + name;

  auto from = store::Connection::Open(sqlite.string(), true);
  if (!from.ok()) return Fail(from.status());
  if (Status s = (*from)->Migrate(kMigrations); !s.ok()) return Fail(s);
  auto insert = (*from)->Prepare(
      "INSERT INTO bench_posts (exact_hash, published_at, text, score, signature)"
      " VALUES ($1, $2, $3, $4, $5)");
  if (!insert.ok()) return Fail(insert.status());
  const std::string filler(330, 'x');
  (void)(*from)->Begin();
  for (int64_t i = 0; i < rows; ++i) {
    std::string text = std::to_string(i * 7919) + " Балалар " + filler;
    (void)(*insert)->Bind(1, static_cast<int64_t>(i * 0x9E3779B97F4A7C15ull));
    (void)(*insert)->Bind(2, int64_t{1700000000} + i);
    (void)(*insert)->Bind(3, std::string_view(text));
    (void)(*insert)->Bind(4, static_cast<double>(i) / 3);
    (void)(*insert)->Bind(5, std::string_view(text.data(), 32));
    if (auto step = (*insert)->Step(); !step.ok()) return Fail(step.status());
    (void)(*insert)->Reset();
  }
  if (Status s = (*from)->Commit(); !s.ok()) return Fail(s);

  auto to = store::Connection::Open(url, true);
  if (!to.ok()) return Fail(to.status());
  store::CopyOptions options;
  options.migrations = kMigrations;
  Clock::time_point start = Clock::now();
  Clock::time_point copied = start;
  bool verifying = false;  // the copy is committed before the first check's progress
  options.on_progress = [&](const store::CopyProgress& p) {
    if (p.phase != store::CopyProgress::Phase::kVerify || verifying) return;
    verifying = true;
    copied = Clock::now();
  };
  auto report = store::CopyStore(**from, **to, options);
  Clock::time_point done = Clock::now();
  if (!report.ok()) return Fail(report.status());
  double copy_s = std::chrono::duration<double>(copied - start).count();
  double verify_s = std::chrono::duration<double>(done - copied).count();
  bench::PrintMachine();
  std::printf("rows: %lld, SQLite file %.1f MiB\n", static_cast<long long>(rows),
              std::filesystem::file_size(sqlite) / 1048576.0);
  std::printf("copy:   %.2f s, %.0f rows/s\n", copy_s, rows / copy_s);
  std::printf("verify: %.2f s, %.0f rows/s (both sides read)\n", verify_s, rows / verify_s);
  std::printf("verified: %s\n", report->Verified() ? "yes" : "NO");

  to->reset();
  from->reset();
  std::filesystem::remove(sqlite);
  std::filesystem::remove(sqlite.string() + "-wal");
  std::filesystem::remove(sqlite.string() + "-shm");
  auto maintenance = store::Connection::Open(server, false);
  if (maintenance.ok()) (void)(*maintenance)->Exec("DROP DATABASE IF EXISTS " + name);
  return report->Verified() ? 0 : 1;
}
