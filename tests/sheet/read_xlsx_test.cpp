#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>

#include "sheet/sheet.h"

namespace tenlik::sheet {
namespace {

class ReadXlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tenlik_sheet_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ReadXlsxTest, ReadsSheetsRowsAndCellsWithTheirNumbers) {
  const std::string path = (dir_ / "book.xlsx").string();
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(book, "survey");
  worksheet_write_string(first, 0, 0, "type", nullptr);
  worksheet_write_string(first, 0, 2, "label::Kazakh (kk)", nullptr);
  // Row 2 stays blank; row 3 has a number and Kazakh text.
  worksheet_write_number(first, 2, 0, 42, nullptr);
  worksheet_write_string(first, 2, 1, "Мектепте әркім құрметтеледі", nullptr);
  lxw_worksheet* second = workbook_add_worksheet(book, "settings");
  worksheet_write_string(second, 0, 27, "far", nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  Result<std::map<std::string, Sheet>> sheets = ReadXlsx(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  const Sheet& survey = sheets->at("survey");
  ASSERT_EQ(survey.size(), 2u);  // the blank row is left out
  EXPECT_EQ(survey[0].number, 1);
  EXPECT_EQ(survey[0].cells, (std::vector<std::string>{"type", "", "label::Kazakh (kk)"}));
  EXPECT_EQ(survey[1].number, 3);
  EXPECT_EQ(survey[1].cells, (std::vector<std::string>{"42", "Мектепте әркім құрметтеледі"}));
  const Sheet& settings = sheets->at("settings");
  ASSERT_EQ(settings.size(), 1u);
  ASSERT_EQ(settings[0].cells.size(), 28u);
  EXPECT_EQ(settings[0].cells[27], "far");
}

TEST_F(ReadXlsxTest, NamesTheFileWhenItIsMissingOrNotAWorkbook) {
  Result<std::map<std::string, Sheet>> missing = ReadXlsx((dir_ / "none.xlsx").string());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  const std::string text = (dir_ / "text.xlsx").string();
  std::ofstream(text) << "not a zip";
  Result<std::map<std::string, Sheet>> bad = ReadXlsx(text);
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("text.xlsx"), std::string::npos);
}

TEST(ColumnNameTest, CountsLikeASpreadsheet) {
  EXPECT_EQ(ColumnName(0), "A");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(27), "AB");
  EXPECT_EQ(ColumnName(701), "ZZ");
  EXPECT_EQ(ColumnName(702), "AAA");
}

}  // namespace
}  // namespace tenlik::sheet
