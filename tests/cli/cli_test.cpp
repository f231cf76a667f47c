#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::RunTenlik;

TEST(CliTest, HelpIsInTheUsersLanguage) {
  EXPECT_NE(RunTenlik({"--help", "--lang", "ru"}).out.find("Мониторинг социальных сетей"),
            std::string::npos);
  EXPECT_NE(RunTenlik({"--help"}, "", {"LANG=kk_KZ.UTF-8"}).out.find("Әлеуметтік желілерді"),
            std::string::npos);
  auto en = RunTenlik({"listen", "ingest", "--help"}, "", {"LANG=C"});
  EXPECT_EQ(en.exit_code, 0);
  EXPECT_NE(en.out.find("pseudonymised"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunTenlik({"listen", "ingest"}).exit_code, 2);
  EXPECT_EQ(RunTenlik({"no-such-command"}).exit_code, 2);
}

TEST(CliTest, InitIngestStatsOnATinyExport) {
  fs::path dir = fs::temp_directory_path() / ("tenlik_cli_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string store = (dir / "t.db").string();
  std::vector<std::string> env = {"TENLIK_STORE=" + store};
  EXPECT_EQ(RunTenlik({"listen", "stats"}, "", env).exit_code, 1);  // no store yet
  auto init = RunTenlik({"init"}, "", env);
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(fs::exists(store + ".key"));
  EXPECT_EQ(fs::status(store + ".key").permissions() & fs::perms::group_read, fs::perms::none);
  EXPECT_EQ(RunTenlik({"init"}, "", env).exit_code, 0);  // keeps the key

  std::string file = (dir / "a.jsonl").string();
  std::ofstream(file) << R"({"id":"1","author":"aigerim","published_at":"2025-03-01T10:00:00Z","text":"Балаларға арналған пандус салынды"})" "\n"
                      << R"({"id":"2","author":"aigerim","published_at":"2025-03-02T10:00:00Z","text":"Нет тьютора в нашей школе"})" "\n"
                      << R"({"id":"3","author":"aigerim","published_at":"2025-03-02T10:00:00Z"})" "\n";
  auto ingest = RunTenlik({"listen", "ingest", "--corpus", "public", "--json", file}, "", env);
  EXPECT_EQ(ingest.exit_code, 3) << ingest.err;  // one record rejected
  auto report = nlohmann::json::parse(ingest.out);
  EXPECT_EQ(report["total"]["stored"], 2);
  EXPECT_EQ(report["total"]["rejected"], 1);
  EXPECT_EQ(ingest.err.find("aigerim"), std::string::npos);  // no personal data in logs

  auto stats = RunTenlik({"listen", "stats", "--json"}, "", env);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  auto j = nlohmann::json::parse(stats.out);
  EXPECT_EQ(j["posts"], 2);
  EXPECT_EQ(j["rejected"], 1);
  EXPECT_EQ(j["by_month"]["2025-03"], 2);
  EXPECT_EQ(stats.out.find("aigerim"), std::string::npos);

  auto again = RunTenlik({"listen", "ingest", "--corpus", "public", file}, "", env);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("already ingested"), std::string::npos);

  std::string other = (dir / "b.jsonl").string();
  std::ofstream(other) << R"({"id":"9","text":"not a telegram export"})" "\n";
  auto wrong = RunTenlik({"listen", "ingest", "--corpus", "public", "--format", "telegram", other}, "", env);
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find(other), std::string::npos) << wrong.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tenlik
