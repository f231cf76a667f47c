// WriteXlsx: a zip file; with the unzip tool: sheets, names, numbers as numbers,
// bold frozen header.
#include <gtest/gtest.h>

#include <regex>

#include "report/report.h"
#include "sample.h"

namespace tenlik::report {
namespace {

using testing::ReadAll;
using testing::Run;

std::string Unzip(const std::string& file, const std::string& entry) {
  auto out = Run("unzip -p '" + file + "' '" + entry + "' 2>/dev/null");
  return out.value_or("");
}

TEST(Xlsx, IsAZipWithSheetsAndNumbers) {
  const std::string path = testing::TempDir() + "/r.xlsx";
  const Status s = WriteXlsx(testing::SampleReport(), path);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const std::string bytes = ReadAll(path);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  if (!testing::HaveTool("unzip")) GTEST_SKIP() << "unzip is not installed";

  const std::string workbook = Unzip(path, "xl/workbook.xml");
  // About first, then tables and figures in report order.
  const std::regex sheet_re("<sheet name=\"([^\"]*)\"");
  std::vector<std::string> names;
  for (std::sregex_iterator it(workbook.begin(), workbook.end(), sheet_re), end; it != end; ++it) {
    names.push_back((*it)[1]);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"About", "Posts per month about inclusive", "Share of posts naming each barr",
                                             "Tone of posts by platform", "Posts per 100,000 people by reg",
                                             "Posts and population by region"}));
  for (const std::string& n : names) EXPECT_LE(n.size(), 31u) << n;

  // Sheet 6 is the table: the population 1430105 is a number cell, not a string.
  const std::string table = Unzip(path, "xl/worksheets/sheet6.xml");
  EXPECT_NE(table.find("<c r=\"C2\"><v>1430105</v></c>"), std::string::npos) << table.substr(0, 2000);
  EXPECT_NE(table.find("<pane ySplit=\"1\""), std::string::npos);  // frozen header
  EXPECT_NE(table.find("<autoFilter"), std::string::npos);
  EXPECT_NE(table.find("<col "), std::string::npos);  // widths
  // Figure sheet: a missing value is an empty cell.
  const std::string line = Unzip(path, "xl/worksheets/sheet2.xml");
  EXPECT_NE(line.find("<c r=\"B2\"><v>1210</v></c>"), std::string::npos);
  EXPECT_EQ(line.find("r=\"B8\""), std::string::npos);  // July, Russian: missing
  // The caveat and the notes are on the About sheet (shared strings).
  const std::string strings = Unzip(path, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("not a representative sample"), std::string::npos);
  EXPECT_NE(strings.find("Out of 6,912 posts"), std::string::npos);
  // Header bold: a font with <b/> in styles.
  EXPECT_NE(Unzip(path, "xl/styles.xml").find("<b/>"), std::string::npos);
}

TEST(Xlsx, SheetNamesAreValidAndUnique) {
  Report r;
  r.lang = "kk";
  auto table = [](std::string id, std::string title) {
    return Block{std::nullopt, std::nullopt, Table{std::move(id), std::move(title), {"a"}, {{"1"}}, ""}};
  };
  r.sections = {{"s", "S",
                 {table("a", "Data: [raw] / *all*? \\ end"), table("b", "Өңірлер бойынша жарияланымдар саны мен халық"),
                  table("c", "Өңірлер бойынша жарияланымдар саны мен халық"), table("d", "'quoted'"),
                  table("e", "ӨҢІРЛЕР БОЙЫНША ЖАРИЯЛАНЫМДАР САНЫ МЕН ХАЛЫҚ"), table("f", "[]:*?/\\"),
                  table("g", "Есеп туралы")}}};
  const std::string path = testing::TempDir() + "/names.xlsx";
  const Status s = WriteXlsx(r, path);
  ASSERT_TRUE(s.ok()) << s.ToString();
  if (!testing::HaveTool("unzip")) GTEST_SKIP() << "unzip is not installed";
  const std::string workbook = Unzip(path, "xl/workbook.xml");
  const std::regex sheet_re("<sheet name=\"([^\"]*)\"");
  std::vector<std::string> names;
  for (std::sregex_iterator it(workbook.begin(), workbook.end(), sheet_re), end; it != end; ++it) {
    names.push_back((*it)[1]);
  }
  ASSERT_EQ(names.size(), 8u);
  EXPECT_EQ(names[0], "Есеп туралы");
  EXPECT_EQ(names[1], "Data raw all end");
  EXPECT_EQ(names[2], "Өңірлер бойынша жарияланымдар с");  // 31 characters
  EXPECT_EQ(names[3], "Өңірлер бойынша жарияланымд (2)");
  EXPECT_EQ(names[4], "quoted");
  EXPECT_EQ(names[5], "ӨҢІРЛЕР БОЙЫНША ЖАРИЯЛАНЫМД (3)");  // Excel ignores case
  EXPECT_EQ(names[6], "f");                                 // nothing left: the id
  EXPECT_EQ(names[7], "Есеп туралы (2)");
}

TEST(Xlsx, ErrorsNameThePath) {
  const Status s = WriteXlsx(testing::SampleReport(), "/nonexistent-dir/r.xlsx");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("/nonexistent-dir/r.xlsx"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace tenlik::report
