#include <gtest/gtest.h>

#include "test_files.h"
#include "text/text.h"

namespace tenlik::text {
namespace {

using testing::ReadLines;
using testing::SourcePath;
using testing::SplitTab;

TEST(LangIdTest, CasesFromFile) {
  std::vector<std::string> lines = ReadLines(SourcePath("tests/data/text/langid_cases.tsv"));
  ASSERT_GE(lines.size(), 40u) << "cannot read langid_cases.tsv";
  int cases = 0;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    auto [code, text] = SplitTab(line);
    Result<Lang> expected = ParseLang(code);
    ASSERT_TRUE(expected.ok()) << line;
    EXPECT_EQ(LangCode(IdentifyLanguage(text)), LangCode(*expected)) << text;
    ++cases;
  }
  EXPECT_GE(cases, 40);
}

TEST(LangIdTest, ParseAndNameLanguages) {
  for (const char* code : {"kk", "ru", "en", "mixed", "und"}) {
    Result<Lang> lang = ParseLang(code);
    ASSERT_TRUE(lang.ok());
    EXPECT_EQ(LangCode(*lang), code);
  }
  Result<Lang> bad = ParseLang("de");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tenlik::text
