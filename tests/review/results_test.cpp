#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "review/review.h"
#include "review_store_fixture.h"
#include "sheet/sheet.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

namespace fs = std::filesystem;
const std::string kData = std::string(TENLIK_SOURCE_DIR) + "/tests/data/review/";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ResultsTest : public testing::ReviewStoreTest {
 protected:
  void SetUp() override {
    testing::ReviewStoreTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ =
        fs::temp_directory_path() / ("tenlik_review_results_" + std::to_string(::getpid()) + "_" +
                                     std::string(store::testing::BackendName({GetParam(), 0})));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // staff: 5 respondents (A1.1.a agree x4, disagree x1; A1.1.b need more information);
  // students: 6 (A1.1.a disagree x3, to some extent x3); parents: 4, suppressed.
  int64_t OpenWithKnownAnswers(const std::string& unit_id, int64_t now) {
    const int64_t cycle = Open(unit_id, "2026", now);
    std::vector<Answers> staff(
        4, {{"A1.1.a", Response::kAgree}, {"A1.1.b", Response::kNeedMoreInformation}});
    staff.push_back({{"A1.1.a", Response::kDisagree}, {"A1.1.b", Response::kNeedMoreInformation}});
    Add(cycle, "staff", staff);
    std::vector<Answers> students(3, {{"A1.1.a", Response::kDisagree}});
    students.insert(students.end(), 3, {{"A1.1.a", Response::kAgreeToSomeExtent}});
    Add(cycle, "students", students);
    Add(cycle, "parents", std::vector<Answers>(4, {{"A1.1.a", Response::kAgree}}));
    return cycle;
  }

  fs::path dir_;
};

const NodeResult* FindNode(const CycleResults& results, const std::string& id) {
  for (const NodeResult& node : results.nodes) {
    if (node.id == id) return &node;
  }
  return nullptr;
}

TEST_P(ResultsTest, DistributionScoreGapsAndSuppression) {
  const int64_t cycle = OpenWithKnownAnswers("s1", 1'780'000'000);
  Result<CycleResults> results = ComputeResults(*db_, cycle);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  EXPECT_FALSE(results->previous_cycle_id.has_value());
  // Dimension, section and indicator all summarise the same answered questions here.
  for (const char* id : {"A", "A1", "A1.1"}) {
    const NodeResult* node = FindNode(*results, id);
    ASSERT_NE(node, nullptr) << id;
    ASSERT_EQ(node->groups.size(), 3u);
    const GroupCell& staff = node->groups[0];
    EXPECT_FALSE(staff.suppressed);
    EXPECT_EQ(staff.respondents, 5);
    EXPECT_EQ(staff.counts, (std::array<int64_t, 4>{4, 0, 1, 5}));
    ASSERT_TRUE(staff.score.has_value());
    EXPECT_NEAR(*staff.score, 80.0, 1e-9);
    EXPECT_NEAR(staff.score_sd, std::sqrt(2000.0), 1e-9);
    EXPECT_NEAR(staff.need_more_information_share, 0.5, 1e-9);
    const GroupCell& students = node->groups[1];
    EXPECT_NEAR(*students.score, 25.0, 1e-9);
    EXPECT_EQ(students.need_more_information_share, 0);
    // Parents have four respondents: nothing about them is computed.
    const GroupCell& parents = node->groups[2];
    EXPECT_TRUE(parents.suppressed);
    EXPECT_EQ(parents.respondents, 0);
    EXPECT_EQ(parents.counts, (std::array<int64_t, 4>{}));
    EXPECT_FALSE(parents.score.has_value());
    // One gap only (staff - students): none involves the suppressed group.
    ASSERT_EQ(node->gaps.size(), 1u);
    EXPECT_EQ(node->gaps[0].group_a, "staff");
    EXPECT_NEAR(node->gaps[0].difference, 55.0, 1e-9);
    ASSERT_TRUE(node->gaps[0].effect_size.has_value());
    EXPECT_NEAR(*node->gaps[0].effect_size, 55.0 / std::sqrt((4 * 2000.0 + 5 * 750.0) / 9), 1e-9);
    EXPECT_TRUE(node->gaps[0].flagged);
  }
  // An indicator nobody answered has groups shown but no score.
  const NodeResult* unanswered = FindNode(*results, "A1.3");
  ASSERT_NE(unanswered, nullptr);
  EXPECT_FALSE(unanswered->groups[0].score.has_value());
  EXPECT_TRUE(unanswered->gaps.empty());

  const nlohmann::json json = nlohmann::json::parse(ResultsToJson(*results));
  EXPECT_EQ(json["format"], "tenlik-review-results");
  EXPECT_EQ(json["effect_size"], "cohens_d");
  for (const auto& node : json["nodes"]) {
    EXPECT_EQ(node["groups"][2], (nlohmann::json{{"group", "parents"}, {"suppressed", true}}));
  }
}

TEST_P(ResultsTest, ChangeSinceThePreviousCycleOfTheSameUnit) {
  const int64_t first = OpenWithKnownAnswers("s1", 1'780'000'000);
  ASSERT_TRUE(CloseCycle(*db_, first, 1'780'000'100).ok());
  OpenWithKnownAnswers("other-school", 1'790'000'000);  // another unit: never compared
  const int64_t second = Open("s1", "2027", 1'800'000'000);
  Add(second, "staff", std::vector<Answers>(5, {{"A1.1.a", Response::kAgree}}));
  Add(second, "parents", std::vector<Answers>(5, {{"A1.1.a", Response::kAgree}}));
  Result<CycleResults> results = ComputeResults(*db_, second);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  EXPECT_EQ(results->previous_cycle_id, first);
  EXPECT_EQ(results->previous_label, "2026");
  const NodeResult* node = FindNode(*results, "A1.1");
  ASSERT_NE(node, nullptr);
  EXPECT_NEAR(*node->groups[0].change, 20.0, 1e-9);  // staff: 80 -> 100
  EXPECT_TRUE(node->groups[1].suppressed);           // students: none this time
  // Parents were suppressed before: no change is given, or their old score could be found.
  EXPECT_FALSE(node->groups[2].suppressed);
  EXPECT_FALSE(node->groups[2].change.has_value());
  // Closed results stay as they were.
  EXPECT_EQ(AddResponses(*db_, first, "staff", {{{"A1.1.a", Response::kAgree}}}, 1).code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(ResultsTest, ExportsLeaveOutSuppressedGroupsInEveryFormat) {
  const int64_t cycle = OpenWithKnownAnswers("s1", 1'780'000'000);
  Result<CycleResults> results = ComputeResults(*db_, cycle);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  Result<Instrument> instrument = GetInstrument(*db_, "school", 1);
  ASSERT_TRUE(instrument.ok());

  const fs::path csv = dir_ / "results.csv";
  ASSERT_TRUE(ExportResults(*results, *instrument, "ru", csv.string()).ok());
  const std::string csv_text = ReadFile(csv);
  EXPECT_EQ(csv_text.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv_text.find("Сотрудники"), std::string::npos);
  EXPECT_NE(csv_text.find("Обучающиеся"), std::string::npos);
  EXPECT_EQ(csv_text.find("Родители"), std::string::npos);
  EXPECT_NE(csv_text.find("Индикатор,A1.1,"), std::string::npos) << csv_text.substr(0, 600);
  EXPECT_NE(csv_text.find(",80.0,"), std::string::npos);

  // HTML and XLSX name the suppressed group once, in the note saying it is not shown.
  const fs::path html = dir_ / "results.html";
  ASSERT_TRUE(ExportResults(*results, *instrument, "kk", html.string()).ok());
  const std::string html_text = ReadFile(html);
  EXPECT_NE(html_text.find("lang=\"kk\""), std::string::npos);
  EXPECT_NE(html_text.find("@media print"), std::string::npos);
  EXPECT_NE(html_text.find("Қызметкерлер"), std::string::npos);
  EXPECT_EQ(Occurrences(html_text, "Ата-аналар"), 1u);

  const fs::path xlsx = dir_ / "results.xlsx";
  ASSERT_TRUE(ExportResults(*results, *instrument, "en", xlsx.string()).ok());
  Result<std::map<std::string, sheet::Sheet>> sheets = sheet::ReadXlsx(xlsx.string());
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  int staff_cells = 0;
  for (const auto& [name, rows] : *sheets) {
    for (const sheet::Row& row : rows) {
      for (const std::string& cell : row.cells) {
        EXPECT_NE(cell, "Parents") << name << " row " << row.number;
        staff_cells += cell == "Staff";
      }
    }
  }
  EXPECT_GT(staff_cells, 0);

  EXPECT_EQ(ExportResults(*results, *instrument, "de", csv.string()).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ExportResults(*results, *instrument, "en", (dir_ / "r.pdf").string()).code(),
            StatusCode::kInvalidArgument);
}

TEST_P(ResultsTest, PaperImportStoresGoodRowsAndRejectsTheRest) {
  const int64_t cycle = Open("s1", "2026", 1'780'000'000);
  Result<PaperImport> imported =
      ImportPaperResponses(*db_, cycle, kData + "paper_mixed.csv", 1'780'000'000);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->rows, 9);
  EXPECT_EQ(imported->imported, 5);
  ASSERT_EQ(imported->rejects.size(), 4u);
  EXPECT_EQ(imported->rejects[0].row, 6);
  EXPECT_EQ(imported->rejects[0].column, "group");
  EXPECT_NE(imported->rejects[0].reason.find("unknown group \"teachers\""), std::string::npos);
  EXPECT_EQ(imported->rejects[1].row, 7);
  EXPECT_EQ(imported->rejects[1].column, "A1.1.a");
  EXPECT_NE(imported->rejects[1].reason.find("unknown answer \"yes\""), std::string::npos);
  EXPECT_EQ(imported->rejects[1].raw, "staff,yes,agree,");
  EXPECT_EQ(imported->rejects[2].row, 8);
  EXPECT_EQ(imported->rejects[2].reason, "no question answered");
  EXPECT_EQ(imported->rejects[3].row, 11);  // the quoted record before spans lines 9-10
  EXPECT_EQ(imported->rejects[0].file, kData + "paper_mixed.csv");

  // staff 3 (lines 2, 3, 9), students 1, parents 1: every group is still below five.
  Result<Cycle> stored = GetCycle(*db_, cycle);
  ASSERT_TRUE(stored.ok());
  for (const GroupProgress& g : stored->groups) EXPECT_FALSE(g.responses.has_value());
  Result<CycleResults> results = ComputeResults(*db_, cycle);
  ASSERT_TRUE(results.ok());
  for (const NodeResult& node : results->nodes) {
    for (const GroupCell& cell : node.groups) EXPECT_TRUE(cell.suppressed) << node.id;
  }
  // The same file twice brings staff to six; 1-4 are the scale in order.
  ASSERT_TRUE(ImportPaperResponses(*db_, cycle, kData + "paper_mixed.csv", 1).ok());
  results = ComputeResults(*db_, cycle);
  ASSERT_TRUE(results.ok());
  const NodeResult* question = FindNode(*results, "A1.1");
  ASSERT_NE(question, nullptr);
  // staff answered A1.1.a agree, agree(1), agree_to_some_extent; A1.1.b 2, 1, disagree.
  EXPECT_EQ(question->groups[0].counts, (std::array<int64_t, 4>{6, 4, 2, 0}));
}

TEST_P(ResultsTest, PaperImportRefusesBadHeadersAndClosedCycles) {
  const int64_t cycle = Open("s1", "2026", 1'780'000'000);
  Result<PaperImport> unknown =
      ImportPaperResponses(*db_, cycle, kData + "paper_unknown_column.csv", 1);
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("row 1, column C \"Q99\""), std::string::npos)
      << unknown.status().message();
  Result<PaperImport> no_group = ImportPaperResponses(*db_, cycle, kData + "paper_no_group.csv", 1);
  EXPECT_EQ(no_group.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ImportPaperResponses(*db_, cycle, kData + "missing.csv", 1).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ImportPaperResponses(*db_, cycle, kData + "paper_mixed.txt", 1).status().code(),
            StatusCode::kInvalidArgument);

  // An XLSX with one sheet is read like the CSV.
  const std::string xlsx = (dir_ / "paper.xlsx").string();
  lxw_workbook* workbook = workbook_new(xlsx.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Sheet1");
  const char* cells[3][3] = {
      {"group", "A1.1.a", "A1.2.a"}, {"parents", "3", "agree"}, {"parents", "maybe", ""}};
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) {
      if (*cells[r][c]) worksheet_write_string(sheet, r, c, cells[r][c], nullptr);
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  Result<PaperImport> from_xlsx = ImportPaperResponses(*db_, cycle, xlsx, 1);
  ASSERT_TRUE(from_xlsx.ok()) << from_xlsx.status().ToString();
  EXPECT_EQ(from_xlsx->imported, 1);
  ASSERT_EQ(from_xlsx->rejects.size(), 1u);
  EXPECT_EQ(from_xlsx->rejects[0].row, 3);
  EXPECT_EQ(from_xlsx->rejects[0].column, "A1.1.a");

  ASSERT_TRUE(CloseCycle(*db_, cycle, 2).ok());
  EXPECT_EQ(ImportPaperResponses(*db_, cycle, kData + "paper_mixed.csv", 3).status().code(),
            StatusCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Backends, ResultsTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
