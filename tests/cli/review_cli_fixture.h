// What the `tenlik review` command tests share: a folder of their own with a store in it,
// and closed school cycles answered on paper.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_command.h"

namespace tenlik::testing {

inline const std::string kReviewData = std::string(TENLIK_SOURCE_DIR) + "/tests/data/review/";

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// dir_: a new folder named after the test suite and the process; env_ points
// TENLIK_STORE at dir_/t.db, which SetUp does not create (call Init()).
class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string suite =
        ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name();
    dir_ = std::filesystem::temp_directory_path() /
           ("tenlik_" + suite + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    env_ = {"TENLIK_STORE=" + (dir_ / "t.db").string()};
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Init() { ASSERT_EQ(RunTenlik({"init"}, "", env_).exit_code, 0); }

  // Opens a school cycle of `unit` (named "School " + unit, in `district` unless empty)
  // that gets number `id`, imports paper_plan.csv (staff 5: A1.1.a agree, A1.2.a need
  // more information; students 5: A1.1.a disagree, A1.2.a agree; parents 3, suppressed)
  // and closes it.
  void ClosedPaperCycle(const std::string& id, const std::string& unit, const std::string& label,
                        const std::string& district = "") {
    std::vector<std::string> open = {"review", "cycle",        "open",           "--unit-id",
                                     unit,     "--unit-name",  "School " + unit, "--region",
                                     "KZ-ALA", "--instrument", "school",         "--label",
                                     label};
    if (!district.empty()) open.insert(open.end(), {"--district", district});
    auto opened = RunTenlik(open, "", env_);
    ASSERT_EQ(opened.exit_code, 0) << opened.err;
    auto imported =
        RunTenlik({"review", "cycle", "import", id, kReviewData + "paper_plan.csv"}, "", env_);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_EQ(RunTenlik({"review", "cycle", "close", id}, "", env_).exit_code, 0);
  }

  std::filesystem::path dir_;
  std::vector<std::string> env_;
};

}  // namespace tenlik::testing
