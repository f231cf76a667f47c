// ParseError: the reason a query does not parse as data (code, column, what was
// expected, what was found) and its words in kk, ru and en.
#include <gtest/gtest.h>

#include <string>

#include "query/query.h"
#include "tsv.h"

namespace tenlik::query {
namespace {

using Code = ParseError::Code;
using Expected = ParseError::Expected;
using Found = ParseError::Found;

ParseError ErrorOf(std::string_view text) {
  ParseError error;
  EXPECT_FALSE(Parse(text, &error).ok()) << text;
  return error;
}

bool HasCyrillic(const std::string& text) {
  // Cyrillic letters, Kazakh ones included, start with a lead byte 0xD0-0xD3 in UTF-8.
  for (char c : text) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b == 0xD0 || b == 0xD1 || b == 0xD2 || b == 0xD3) return true;
  }
  return false;
}

// Every tabulated bad query: the status is "column C: " + the English text, and the
// Russian and Kazakh texts are their own sentences.
TEST(QueryParseError, EveryTabulatedErrorHasItsDataAndThreeLanguages) {
  for (const testing::TsvRow& row : testing::ReadTsv("errors.tsv")) {
    ASSERT_GE(row.cells.size(), 2u) << "line " << row.line;
    ParseError error;
    Result<Query> parsed = Parse(row.cells[0], &error);
    ASSERT_FALSE(parsed.ok()) << "line " << row.line;
    EXPECT_NE(error.code, Code::kNone) << "line " << row.line;
    EXPECT_NE(error.expected, Expected::kNothing) << "line " << row.line;
    EXPECT_EQ(std::to_string(error.column), row.cells[1]) << "line " << row.line;
    EXPECT_EQ(parsed.status().message(),
              "column " + std::to_string(error.column) + ": " + ParseErrorText(error, "en"))
        << "line " << row.line;
    const std::string ru = ParseErrorText(error, "ru"), kk = ParseErrorText(error, "kk");
    EXPECT_TRUE(HasCyrillic(ru)) << "line " << row.line << ": " << ru;
    EXPECT_TRUE(HasCyrillic(kk)) << "line " << row.line << ": " << kk;
    EXPECT_NE(ru, kk) << "line " << row.line;
    if (error.found == Found::kText) {
      EXPECT_FALSE(error.found_text.empty()) << "line " << row.line << ": nothing found noted";
    }
  }
}

TEST(QueryParseError, NamesTheOperatorAndTheEnd) {
  ParseError error = ErrorOf("школа AND");
  EXPECT_EQ(error.code, Code::kMissingOperand);
  EXPECT_EQ(error.expected, Expected::kOperand);
  EXPECT_EQ(error.column, 10);
  EXPECT_EQ(error.token, "AND");
  EXPECT_EQ(error.found, Found::kEnd);
  EXPECT_EQ(ParseErrorText(error, "en"), "expected a term or '(' after AND");
  EXPECT_EQ(ParseErrorText(error, "ru"), "после AND ожидался термин или '('");
  EXPECT_EQ(ParseErrorText(error, "kk"), "AND операторынан кейін термин немесе '(' күтілген еді");
  EXPECT_EQ(ParseErrorText(error, "de"), ParseErrorText(error, "en")) << "English otherwise";
}

TEST(QueryParseError, NamesTheTokenFoundAndWhereAParenthesisOpened) {
  ParseError before = ErrorOf("AND школа");
  EXPECT_EQ(before.code, Code::kMissingOperandBefore);
  EXPECT_EQ(before.found, Found::kText);
  EXPECT_EQ(before.found_text, "AND");
  EXPECT_EQ(ParseErrorText(before, "ru"), "перед AND ожидался термин или '('");

  ParseError unclosed = ErrorOf("(школа OR мектеп");
  EXPECT_EQ(unclosed.code, Code::kUnclosedParenthesis);
  EXPECT_EQ(unclosed.expected, Expected::kCloseParenthesis);
  EXPECT_EQ(unclosed.opened_at, 1);
  EXPECT_EQ(unclosed.column, 17);
  EXPECT_EQ(unclosed.found, Found::kEnd);
  EXPECT_EQ(ParseErrorText(unclosed, "kk"), "1-бағандағы '(' жақшасын жабатын ')' күтілген еді");

  ParseError extra = ErrorOf("школа мектеп)");
  EXPECT_EQ(extra.code, Code::kUnmatchedParenthesis);
  EXPECT_EQ(extra.expected, Expected::kOperatorOrEnd);
  EXPECT_EQ(extra.found, Found::kText);
  EXPECT_EQ(extra.found_text, ")");
}

TEST(QueryParseError, NotesWhatStandsAtTheColumnWhenNoTokenWasNamed) {
  ParseError star = ErrorOf("инк*люзия");
  EXPECT_EQ(star.code, Code::kMisplacedStar);
  EXPECT_EQ(star.column, 4);
  EXPECT_EQ(star.found, Found::kText);
  EXPECT_EQ(star.found_text, "*люзия") << "up to white space, in whole characters";

  ParseError near = ErrorOf("школа NEAR мектеп");
  EXPECT_EQ(near.code, Code::kNearWithoutNumber);
  EXPECT_EQ(near.token, "NEAR");
  EXPECT_EQ(near.found, Found::kSpace);

  ParseError far = ErrorOf("школа NEAR/99999 мектеп");
  EXPECT_EQ(far.code, Code::kNearTooFar);
  EXPECT_GT(far.limit, 0);
  EXPECT_NE(ParseErrorText(far, "ru").find(std::to_string(far.limit)), std::string::npos);

  ParseError field = ErrorOf("lang:xx");
  EXPECT_EQ(field.code, Code::kBadLanguageCode);
  EXPECT_EQ(field.expected, Expected::kFieldValue);
  EXPECT_EQ(field.found_text, "xx");

  const std::string long_word(200, 'x');
  ParseError cut = ErrorOf("x)" + long_word);
  EXPECT_EQ(cut.found_text.size(), 40u) << "at most 40 characters";
}

TEST(QueryParseError, ASuccessfulParseClearsAnEarlierError) {
  ParseError error = ErrorOf("(");
  ASSERT_NE(error.code, Code::kNone);
  ASSERT_TRUE(Parse("школа AND мектеп", &error).ok());
  EXPECT_EQ(error.code, Code::kNone);
  EXPECT_EQ(error.column, 0);
}

}  // namespace
}  // namespace tenlik::query
