#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "review_cli_fixture.h"

namespace tenlik {
namespace {

namespace fs = std::filesystem;
using testing::kReviewData;
using testing::ReadFile;
using testing::RunTenlik;

class ReviewCycleCommandTest : public testing::ReviewCliTest {
 protected:
  void SetUp() override {
    ReviewCliTest::SetUp();
    Init();
  }

  testing::CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"review", "cycle"});
    return RunTenlik(args, "", env_);
  }
};

TEST_F(ReviewCycleCommandTest, OpenShowsCodesOnceAndStoresNoneOfThem) {
  auto opened = Run({"open", "--json", "--unit-id", "s17", "--unit-name", "School No. 17",
                     "--region", "KZ-ALA", "--instrument", "school", "--label", "2026", "--codes",
                     "staff=6", "--codes", "parents=2"});
  ASSERT_EQ(opened.exit_code, 0) << opened.err;
  const auto json = nlohmann::json::parse(opened.out);
  EXPECT_EQ(json["cycle"]["id"], 1);
  EXPECT_EQ(json["cycle"]["unit"]["kind"], "school");
  ASSERT_EQ(json["codes"].size(), 8u);
  EXPECT_EQ(json["cycle"]["groups"][0]["codes_issued"], 6);
  EXPECT_TRUE(json["cycle"]["groups"][0]["responses"].is_null());

  // Neither the printed nor the typed form of any code is in the store's files.
  std::string stored;
  for (const auto& entry : fs::directory_iterator(dir_)) stored += ReadFile(entry.path());
  for (const auto& code : json["codes"]) {
    std::string printed = code["code"];
    std::string bare = printed.substr(0, 5) + printed.substr(6);
    EXPECT_EQ(stored.find(printed), std::string::npos);
    EXPECT_EQ(stored.find(bare), std::string::npos);
  }
  // Nor does listing show them again.
  auto list = Run({"list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("School No. 17"), std::string::npos);
  EXPECT_EQ(list.out.find(json["codes"][0]["code"].get<std::string>()), std::string::npos);

  // More codes into a folder, with a QR code each.
  const fs::path out = dir_ / "batch";
  auto more = Run({"codes", "1", "--group", "students", "--count", "3", "--out", out.string(),
                   "--base-url", "https://review.example/"});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  const std::string csv = ReadFile(out / "codes.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
  EXPECT_TRUE(fs::exists(out / "qr" / "students-3.svg"));
  // The folder now holds codes: another batch may not be mixed into it.
  EXPECT_EQ(
      Run({"codes", "1", "--group", "students", "--count", "1", "--out", out.string()}).exit_code,
      2);
}

TEST_F(ReviewCycleCommandTest, UsageErrorsAndTranslatedHelp) {
  const std::vector<std::string> base = {"open", "--unit-id", "s1",   "--unit-name",
                                         "S",    "--label",   "2026", "--region"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  };
  EXPECT_EQ(with({"Almaty", "--instrument", "school"}).exit_code, 2);
  EXPECT_EQ(with({"KZ-ALA", "--instrument", "school", "--codes", "staff"}).exit_code, 2);
  EXPECT_EQ(with({"KZ-ALA", "--instrument", "school", "--codes", "teachers=3"}).exit_code, 2);
  EXPECT_EQ(with({"KZ-ALA", "--instrument", "nothing"}).exit_code, 1);
  EXPECT_EQ(with({"KZ-ALA", "--instrument", "national"}).exit_code, 1);
  EXPECT_EQ(Run({"close", "7"}).exit_code, 1);
  EXPECT_EQ(Run({"export", "1"}).exit_code, 2);
  auto help = RunTenlik({"review", "cycle", "open", "--help", "--lang", "ru"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("одноразовые анонимные коды"), std::string::npos) << help.out;
  help = RunTenlik({"review", "cycle", "results", "--help", "--lang", "kk"});
  EXPECT_NE(help.out.find("көрсетілмейді"), std::string::npos) << help.out;
}

TEST_F(ReviewCycleCommandTest, PaperImportResultsExportsAndClose) {
  ASSERT_EQ(Run({"open", "--unit-id", "s1", "--unit-name", "School 1", "--region", "KZ-75",
                 "--instrument", "school", "--label", "2026"})
                .exit_code,
            0);
  const std::string rejects = (dir_ / "rejects.jsonl").string();
  auto imported =
      Run({"import", "1", kReviewData + "paper_mixed.csv", "--rejects", rejects, "--json"});
  EXPECT_EQ(imported.exit_code, 3) << imported.err;
  auto summary = nlohmann::json::parse(imported.out);
  EXPECT_EQ(summary["imported"], 5);
  EXPECT_EQ(summary["rejected"], 4);
  std::ifstream reject_lines(rejects);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(reject_lines, line);)
    lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1]["line"], 7);
  EXPECT_EQ(lines[1]["record"], 5);
  EXPECT_EQ(lines[1]["field"], "A1.1.a");
  EXPECT_NE(lines[1]["reason"].get<std::string>().find("unknown answer"), std::string::npos);
  // A second copy of the same forms: staff reach six, students and parents stay at two.
  EXPECT_EQ(Run({"import", "1", kReviewData + "paper_mixed.csv", "--rejects", rejects}).exit_code,
            3);

  auto results = Run({"results", "1", "--json"});
  ASSERT_EQ(results.exit_code, 0) << results.err;
  const auto json = nlohmann::json::parse(results.out);
  for (const auto& node : json["nodes"]) {
    EXPECT_EQ(node["groups"][0]["suppressed"], false);
    EXPECT_EQ(node["groups"][1], (nlohmann::json{{"group", "students"}, {"suppressed", true}}));
    EXPECT_EQ(node["groups"][2], (nlohmann::json{{"group", "parents"}, {"suppressed", true}}));
  }
  auto text = Run({"results", "1", "--lang", "ru"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Сотрудники"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Родители"), std::string::npos);

  for (const std::string format : {"csv", "xlsx", "html"}) {
    const std::string out = (dir_ / ("r." + format)).string();
    auto exported = Run({"export", "1", "--format", format, "--out", out, "--lang", "ru"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    ASSERT_TRUE(fs::exists(out)) << format;
  }
  const std::string csv = ReadFile(dir_ / "r.csv");
  EXPECT_NE(csv.find("Сотрудники"), std::string::npos);
  EXPECT_EQ(csv.find("Обучающиеся"), std::string::npos);
  EXPECT_EQ(csv.find("Родители"), std::string::npos);
  EXPECT_EQ(Run({"export", "1", "--format", "csv", "--out", (dir_ / "r.html").string()}).exit_code,
            2);

  ASSERT_EQ(Run({"close", "1"}).exit_code, 0);
  EXPECT_EQ(Run({"close", "1"}).exit_code, 1);
  EXPECT_EQ(Run({"import", "1", kReviewData + "paper_mixed.csv"}).exit_code, 1);
  EXPECT_EQ(Run({"codes", "1", "--group", "staff", "--count", "1"}).exit_code, 1);
  auto list = Run({"list", "--json"});
  EXPECT_EQ(nlohmann::json::parse(list.out)[0]["state"], "closed");
}

}  // namespace
}  // namespace tenlik
