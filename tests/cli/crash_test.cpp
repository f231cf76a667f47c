// Kills `tenlik listen ingest` with SIGKILL at random moments, re-runs it, and checks
// that the store ends up equal to a clean single run and passes integrity_check.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "run_command.h"
#include "store/store.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::RunTenlik;
using testing::StartTenlik;

int64_t Query(const std::string& store, const std::string& sql) {
  auto db = store::Connection::Open(store, false);
  EXPECT_TRUE(db.ok());
  auto stmt = (*db)->Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  EXPECT_TRUE(*(*stmt)->Step());
  return (*stmt)->ColumnInt(0);
}

TEST(CrashTest, KilledIngestsResumeToTheSameStoreAsACleanRun) {
  fs::path dir = fs::temp_directory_path() / ("tenlik_crash_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string input = (dir / "posts.jsonl").string();
  const int kPosts = 60000;
  int broken = 0;
  {
    std::ofstream out(input);
    std::mt19937 rng(7);
    const char* words[] = {"инклюзия", "мектеп",  "пандус", "тьютор", "ПМПК",
                           "балалар",  "school",  "ramp",   "дети",   "родители",
                           "жайлы",    "учитель", "аутизм", "ДЦП"};
    for (int i = 0; i < kPosts; ++i) {
      std::string text;
      int n = 8 + rng() % 30;
      for (int w = 0; w < n; ++w) text += std::string(words[rng() % 14]) + " ";
      if (i % 50 == 0) text = "Повтор: в школе нет тьютора для детей с аутизмом";  // exact dups
      if (i % 997 == 500) {                                                        // rejects
        out << "{\"id\": \"broken\n";
        ++broken;
      }
      out << "{\"id\":\"" << i << "\",\"platform\":\"vk\",\"author\":\"user" << (i % 500)
          << "\",\"published_at\":\"2025-0" << (1 + i % 9) << "-1" << (i % 10)
          << "T10:00:00Z\",\"text\":\"" << text << i % 7 << "\"}\n";
    }
  }
  auto make_store = [&](const std::string& name) {
    std::string store = (dir / name).string();
    EXPECT_EQ(RunTenlik({"init", "--store", store}).exit_code, 0);
    return store;
  };
  std::string crashed = make_store("crashed.db");
  std::string clean = make_store("clean.db");
  std::vector<std::string> ingest = {"listen", "ingest", "--corpus", "public", input};
  auto with_store = [&](const std::string& store) {
    std::vector<std::string> args = ingest;
    args.insert(args.end(), {"--store", store});
    return args;
  };

  // A clean single run first; its duration sets when the kills land.
  auto started = std::chrono::steady_clock::now();
  testing::CommandResult clean_run = RunTenlik(with_store(clean));
  EXPECT_EQ(clean_run.exit_code, 3) << clean_run.err;  // done, with rejects
  int64_t clean_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();

  // Each run is killed a random moment after it has committed its first batch, so
  // every kill lands part-way through the file however fast the machine is.
  std::mt19937 rng(std::random_device{}());
  const char* kDone = "SELECT COALESCE(max(records_done), 0) FROM listen_files";
  int kills = 0;
  std::set<int64_t> resume_points;  // kills that landed part-way through the file
  for (int attempt = 0; attempt < 8; ++attempt) {
    int64_t before = Query(crashed, kDone);
    if (before >= kPosts) break;
    int pid = StartTenlik(with_store(crashed));
    int status = 0;
    bool exited = false;
    while (!(exited = ::waitpid(pid, &status, WNOHANG) == pid) && Query(crashed, kDone) == before) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!exited) {
      int64_t delay = clean_ms * static_cast<int64_t>(rng() % 10) / 100;  // 0-9 % of a run
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
    }
    if (WIFSIGNALED(status)) ++kills;
    int64_t done = Query(crashed, kDone);
    if (done > 0 && done < kPosts) resume_points.insert(done);
  }
  testing::CommandResult finished = RunTenlik(with_store(crashed));
  // 3 when this run finished the file; 0 when a killed run had already finished it.
  EXPECT_TRUE(finished.exit_code == 3 || finished.exit_code == 0) << finished.err;
  std::printf(
      "clean run %lld ms; killed %d ingests at random moments, %zu of them part-way "
      "through the file\n",
      static_cast<long long>(clean_ms), kills, resume_points.size());
  EXPECT_GE(resume_points.size(), 2u);

  for (const char* sql :
       {"SELECT count(*) FROM listen_posts", "SELECT count(near_duplicate_of) FROM listen_posts",
        "SELECT sum(record) FROM listen_posts",
        "SELECT stored * 1000000 + duplicates * 1000 + rejected FROM listen_files",
        "SELECT count(*) FROM listen_rejects"}) {
    EXPECT_EQ(Query(crashed, sql), Query(clean, sql)) << sql;
  }
  EXPECT_EQ(Query(clean, "SELECT stored + duplicates + rejected FROM listen_files"),
            kPosts + broken);
  auto db = store::Connection::Open(crashed, false);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE((*db)->CheckIntegrity().ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tenlik
