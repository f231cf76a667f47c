#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "listen/listen.h"

namespace tenlik::listen {
namespace {

namespace fs = std::filesystem;

class RejectFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tenlik_rejects_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "r.jsonl").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<nlohmann::json> Lines() {
    std::vector<nlohmann::json> lines;
    std::ifstream in(path_);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  fs::path dir_;
  std::string path_;
};

Reject Sample(int64_t line) {
  return {.file = "export.csv",
          .line = line,
          .record = line - 2,
          .field = "published_at",
          .reason = "expected a date, got 'вчера'",
          .raw = "7,вчера,Пандус в школе"};
}

TEST_F(RejectFileTest, WritesOneJsonObjectPerRejectWithEveryField) {
  ASSERT_TRUE(AppendRejects({Sample(3), Sample(5)}, path_).ok());
  std::vector<nlohmann::json> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], (nlohmann::json{{"file", "export.csv"},
                                      {"line", 3},
                                      {"record", 1},
                                      {"field", "published_at"},
                                      {"reason", "expected a date, got 'вчера'"},
                                      {"raw", "7,вчера,Пандус в школе"}}));
  EXPECT_EQ(lines[1]["line"], 5);
}

TEST_F(RejectFileTest, AppendsToWhatIsAlreadyThere) {
  ASSERT_TRUE(AppendRejects({Sample(3)}, path_).ok());
  ASSERT_TRUE(AppendRejects({Sample(4)}, path_).ok());
  std::vector<nlohmann::json> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["line"], 3);
  EXPECT_EQ(lines[1]["line"], 4);
}

TEST_F(RejectFileTest, NoRejectsCreatesNoFile) {
  ASSERT_TRUE(AppendRejects({}, path_).ok());
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(RejectFileTest, InvalidUtf8InTheRecordIsReplacedNotAnError) {
  Reject bad = Sample(2);
  bad.raw = "ok \xff\xfe end";
  ASSERT_TRUE(AppendRejects({bad}, path_).ok());
  std::vector<nlohmann::json> lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["raw"], "ok \xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST_F(RejectFileTest, AnUnwritablePathIsAnIoErrorNamingIt) {
  std::string missing = (dir_ / "no-such-dir" / "r.jsonl").string();
  Status status = AppendRejects({Sample(2)}, missing);
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find(missing), std::string::npos);
}

TEST(RejectsPathForTest, SitsBesideAFileStoreAndInTheWorkingDirectoryForAServer) {
  EXPECT_EQ(RejectsPathFor("out/tenlik.db"), "out/tenlik.db.rejects.jsonl");
  EXPECT_EQ(RejectsPathFor("postgresql://tenlik@localhost/tenlik"), "tenlik.rejects.jsonl");
}

}  // namespace
}  // namespace tenlik::listen
