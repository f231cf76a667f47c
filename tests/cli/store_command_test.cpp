// `tenlik store migrate`: the bundled sample and some accounts copied from SQLite
// into a fresh PostgreSQL database ($TENLIK_TEST_POSTGRES_URL, as the store tests).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "../store/test_backends.h"
#include "run_command.h"
#include "store/store.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::RunTenlik;

class StoreMigrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
#if !TENLIK_TEST_POSTGRES
    GTEST_SKIP() << "configured with -DTENLIK_TEST_POSTGRES=OFF";
#endif
    ASSERT_FALSE(target_.location().empty()) << store::testing::kNoPostgresServer;
    source_ = (source_dir_.dir() / "t.db").string();
    env_ = {"TENLIK_STORE=" + source_, "LANG=C"};
    ASSERT_EQ(RunTenlik({"init"}, "", env_).exit_code, 0);
    fs::path sample = fs::path(TENLIK_SOURCE_DIR) / "data/sample";
    auto ingest = RunTenlik(
        {"listen", "ingest", "--corpus", "public", "--organisations",
         (sample / "organisations.tsv").string(), (sample / "posts.jsonl").string(),
         (sample / "telegram_group/result.json").string(), (sample / "instagram.ndjson").string()},
        "", env_);
    ASSERT_TRUE(ingest.exit_code == 0 || ingest.exit_code == 3) << ingest.err;
    for (const char* name : {"aigerim.admin", "daniyar"}) {
      auto added =
          RunTenlik({"user", "add", "--role", "analyst", name}, "a long passphrase\n", env_);
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    // A password in the URL must never be shown (the test server trusts loopback).
    std::string url = target_.location();
    url_with_password_ = url.insert(url.find('@'), ":sekret-word");
  }

  testing::CommandResult Migrate(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"store", "migrate", "--to", url_with_password_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunTenlik(args, "", env_);
  }

  store::testing::TemporaryStore source_dir_{store::testing::Backend::kSqlite};
  store::testing::TemporaryStore target_{store::testing::Backend::kPostgres};
  std::string source_;
  std::string url_with_password_;
  std::vector<std::string> env_;
};

TEST_F(StoreMigrateTest, CopiesTheSampleAndAccountsAndVerifiesEveryTable) {
  auto copied = Migrate({"--json"});
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  auto report = nlohmann::json::parse(copied.out);
  EXPECT_TRUE(report["verified"].get<bool>());
  EXPECT_GT(report["rows_copied"].get<int64_t>(), 1000);
  std::map<std::string, int64_t> rows;
  for (const auto& table : report["tables"]) {
    EXPECT_EQ(table["source_rows"], table["target_rows"]) << table.dump();
    EXPECT_EQ(table["source_checksum"], table["target_checksum"]) << table.dump();
    rows[table["table"]] = table["target_rows"];
  }
  EXPECT_GT(rows["listen_posts"], 500);
  EXPECT_EQ(rows["listen_files"], 3);
  EXPECT_EQ(rows["accounts_users"], 2);
  EXPECT_GT(rows["accounts_audit"], 0);
  EXPECT_EQ(report["key"]["copied"], false);
  EXPECT_EQ(report["key"]["from"], source_ + ".key");
  for (const std::string* text : {&copied.out, &copied.err}) {
    EXPECT_EQ(text->find("sekret-word"), std::string::npos) << *text;
  }
  EXPECT_NE(copied.out.find("****"), std::string::npos);

  // The copy is a working store: a user and a new export go in with fresh ids.
  std::vector<std::string> server_env = {"TENLIK_STORE=" + target_.location(),
                                         "TENLIK_KEY=" + source_ + ".key"};
  auto user =
      RunTenlik({"user", "add", "--role", "viewer", "aliya"}, "another passphrase\n", server_env);
  EXPECT_EQ(user.exit_code, 0) << user.err;
  std::string file = (source_dir_.dir() / "new.jsonl").string();
  std::ofstream(file)
      << R"({"id":"n1","author":"someone","published_at":"2025-04-01T10:00:00Z","text":"Мектепте пандус жоқ"})"
      << "\n";
  auto ingest =
      RunTenlik({"listen", "ingest", "--corpus", "public", "--json", file}, "", server_env);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_EQ(nlohmann::json::parse(ingest.out)["total"]["stored"], 1);
}

TEST_F(StoreMigrateTest, TellsAboutTheKeyInTheUsersLanguage) {
  auto copied =
      RunTenlik({"--lang", "kk", "store", "migrate", "--to", target_.location()}, "", env_);
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_NE(copied.out.find("сәйкес"), std::string::npos) << copied.out;
  EXPECT_NE(copied.out.find("Бүркеншік ат кілті дерекқорға көшірілмеді"), std::string::npos);
  EXPECT_NE(copied.out.find(source_ + ".key"), std::string::npos);
  EXPECT_EQ(copied.out.find("DIFFERS"), std::string::npos);
  auto help = RunTenlik({"store", "migrate", "--help", "--lang", "ru"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Скопировать хранилище SQLite"), std::string::npos) << help.out;
}

TEST_F(StoreMigrateTest, RefusesATargetWithDataAndFindsATamperedRow) {
  ASSERT_EQ(Migrate().exit_code, 0);
  auto again = Migrate();
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already holds data"), std::string::npos) << again.err;
  EXPECT_EQ(again.err.find("sekret-word"), std::string::npos) << again.err;

  auto verified = Migrate({"--verify-only"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  {
    auto db = store::Connection::Open(target_.location(), false);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE listen_posts SET engagement = engagement + 1"
                           " WHERE id = (SELECT MAX(id) FROM listen_posts)")
                    .ok());
  }
  auto tampered = Migrate({"--verify-only", "--json"});
  EXPECT_EQ(tampered.exit_code, 1);
  auto report = nlohmann::json::parse(tampered.out);
  EXPECT_FALSE(report["verified"].get<bool>());
  for (const auto& table : report["tables"]) {
    EXPECT_EQ(table["verified"].get<bool>(), table["table"] != "listen_posts") << table.dump();
  }
}

TEST_F(StoreMigrateTest, OnlyCopiesFromAFileIntoAServer) {
  auto file_target = RunTenlik({"store", "migrate", "--to", source_ + ".copy"}, "", env_);
  EXPECT_EQ(file_target.exit_code, 2);
  EXPECT_NE(file_target.err.find("postgresql://"), std::string::npos) << file_target.err;
}

}  // namespace
}  // namespace tenlik
