#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "review_cli_fixture.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::RunTenlik;

using ReviewCommandTest = testing::ReviewCliTest;

TEST_F(ReviewCommandTest, InitImportsTheShippedInstrumentsAndTheyExportAndImportBack) {
  auto init = RunTenlik({"init"}, "", env_);
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("school 1"), std::string::npos) << init.out;
  ASSERT_EQ(RunTenlik({"init"}, "", env_).exit_code, 0);  // again: nothing changes

  auto list = RunTenlik({"review", "instrument", "list", "--json"}, "", env_);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto instruments = nlohmann::json::parse(list.out);
  ASSERT_EQ(instruments.size(), 3u);
  EXPECT_EQ(instruments[2]["id"], "school");
  EXPECT_EQ(instruments[2]["kind"], "school");

  const std::string xlsx = (dir_ / "school.xlsx").string();
  auto exported = RunTenlik({"review", "instrument", "export", "school", "--out", xlsx}, "", env_);
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  ASSERT_TRUE(fs::exists(xlsx));
  auto same = RunTenlik({"review", "instrument", "import", "--json", xlsx}, "", env_);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(nlohmann::json::parse(same.out)[0]["added"], false);

  // A changed wording under the same version is refused; as version 2 it is added.
  const std::string yaml = (dir_ / "national.yaml").string();
  ASSERT_EQ(
      RunTenlik({"review", "instrument", "export", "national", "--out", yaml}, "", env_).exit_code,
      0);
  std::ifstream in(yaml);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.replace(text.find("Concepts"), 8, "Ideas");
  std::ofstream(yaml) << text;
  auto refused = RunTenlik({"review", "instrument", "import", yaml}, "", env_);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("new version"), std::string::npos) << refused.err;
  text.replace(text.find("version: 1\nkind"), 10, "version: 2");
  std::ofstream(yaml) << text;
  auto added = RunTenlik({"review", "instrument", "import", yaml}, "", env_);
  EXPECT_EQ(added.exit_code, 0) << added.err;
  auto table = RunTenlik({"review", "instrument", "list", "--lang", "kk"}, "", env_);
  EXPECT_NE(table.out.find("national\t2\tnational"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Ұлттық шолу"), std::string::npos) << table.out;
}

TEST_F(ReviewCommandTest, BadFilesAndUsageErrors) {
  ASSERT_EQ(RunTenlik({"init"}, "", env_).exit_code, 0);
  const std::string bad =
      std::string(TENLIK_SOURCE_DIR) + "/tests/data/review/bad_unknown_kind.yaml";
  auto rejected = RunTenlik({"review", "instrument", "import", bad}, "", env_);
  EXPECT_EQ(rejected.exit_code, 2);
  EXPECT_NE(rejected.err.find("bad_unknown_kind.yaml:"), std::string::npos) << rejected.err;
  EXPECT_EQ(RunTenlik({"review", "instrument", "import", "a.csv"}, "", env_).exit_code, 2);
  EXPECT_EQ(RunTenlik({"review", "instrument", "export", "school"}, "", env_).exit_code, 2);
  EXPECT_EQ(RunTenlik({"review", "instrument", "export", "nobody", "--out", "x.xlsx"}, "", env_)
                .exit_code,
            1);
  auto help = RunTenlik({"review", "instrument", "import", "--help", "--lang", "kk"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("импорттау"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace tenlik
