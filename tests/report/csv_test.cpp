// WriteCsv: BOM, CRLF, RFC 4180 quoting (parsed back with a small reader), figure
// data columns, formula guard and errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "report/report.h"
#include "sample.h"

namespace tenlik::report {
namespace {

using testing::ReadAll;

// RFC 4180 reader for the test: CRLF rows, "" quotes. Fails the test on bad input.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      EXPECT_TRUE(field.empty() && !quoted) << "quote inside an unquoted field at " << i;
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF at " << i;
      field += c;
    }
  }
  EXPECT_FALSE(in_quotes) << "unterminated quote";
  EXPECT_TRUE(row.empty() && field.empty()) << "last row without CRLF";
  return rows;
}

std::string WithoutBom(const std::string& s) {
  EXPECT_EQ(s.substr(0, 3), "\xEF\xBB\xBF");
  return s.substr(3);
}

TEST(Csv, TableRoundTrip) {
  Report r;
  r.lang = "ru";
  Table t;
  t.id = "tricky";
  t.title = "Tricky";
  t.columns = {"Регион", "text", "n"};
  t.rows = {{"Алматы", "comma, inside", "12"},
            {"Астана", "quote \" inside", "-3.5"},
            {"Шымкент", "line\nbreak and\r\nCRLF", ""},
            {" lead space", "trailing space ", "0"},
            {"Ұлытау", "", ""},
            {"short row"}};
  r.sections = {{"s", "S", {{std::nullopt, std::nullopt, t}}}};
  const std::string dir = testing::TempDir() + "/out";  // created by WriteCsv
  ASSERT_TRUE(WriteCsv(r, dir).ok());
  const std::string text = ReadAll(dir + "/tricky.csv");
  const auto rows = ParseCsv(WithoutBom(text));
  ASSERT_EQ(rows.size(), 1 + t.rows.size());
  EXPECT_EQ(rows[0], t.columns);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    std::vector<std::string> want = t.rows[i];
    want.resize(3);
    EXPECT_EQ(rows[i + 1], want) << i;
  }
  EXPECT_NE(text.find("\"quote \"\" inside\""), std::string::npos);
}

TEST(Csv, FormulaTextIsDefused) {
  Report r;
  Table t{"f", "F", {"a"}, {{"=HYPERLINK(\"x\")"}, {"@cmd"}, {"-12"}, {"- item"}}, ""};
  r.sections = {{"s", "S", {{std::nullopt, std::nullopt, t}}}};
  const std::string dir = testing::TempDir();
  ASSERT_TRUE(WriteCsv(r, dir).ok());
  const auto rows = ParseCsv(WithoutBom(ReadAll(dir + "/f.csv")));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1][0], "'=HYPERLINK(\"x\")");
  EXPECT_EQ(rows[2][0], "'@cmd");
  EXPECT_EQ(rows[3][0], "-12");  // a number stays a number
  EXPECT_EQ(rows[4][0], "'- item");
}

TEST(Csv, FigureDataColumns) {
  const std::string dir = testing::TempDir();
  ASSERT_TRUE(WriteCsv(testing::SampleReport(), dir).ok());
  for (const char* id : {"posts-per-month", "barriers", "sentiment", "posts-by-region", "regions-table"}) {
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + id + ".csv")) << id;
  }
  const auto line = ParseCsv(WithoutBom(ReadAll(dir + "/posts-per-month.csv")));
  ASSERT_EQ(line.size(), 13u);
  EXPECT_EQ(line[0], (std::vector<std::string>{"Category", "Russian", "Kazakh", "Kazakh: low (95%)",
                                               "Kazakh: high (95%)", "English"}));
  EXPECT_EQ(line[1][0], "2024-01");
  EXPECT_EQ(line[1][1], "1210");
  EXPECT_EQ(line[7][1], "");  // July: missing, not 0
  EXPECT_EQ(line[1][3], "544");

  const auto map = ParseCsv(WithoutBom(ReadAll(dir + "/posts-by-region.csv")));
  ASSERT_EQ(map.size(), 21u);
  EXPECT_EQ(map[0], (std::vector<std::string>{"Code", "Region", "Posts per 100,000 people", "Remark"}));
  EXPECT_EQ(map[1], (std::vector<std::string>{"KZ-71", "Astana", "412.5", ""}));
  EXPECT_EQ(map[20], (std::vector<std::string>{"KZ-62", "Ulytau Region", "", "no posts"}));
}

TEST(Csv, ErrorsNameThePath) {
  const std::string dir = testing::TempDir();
  const std::string file = dir + "/plain-file";
  { std::ofstream(file) << "x"; }
  Status s = WriteCsv(testing::SampleReport(), file + "/sub");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find(file + "/sub"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace tenlik::report
