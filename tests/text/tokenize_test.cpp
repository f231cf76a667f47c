#include <gtest/gtest.h>

#include "text/text.h"

namespace tenlik::text {
namespace {

struct Expected {
  TokenType type;
  std::string text;
};

void ExpectTokens(std::string_view input, const std::vector<Expected>& expected) {
  std::vector<Token> tokens = Tokenize(input);
  ASSERT_EQ(tokens.size(), expected.size()) << input;
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].type, expected[i].type) << input << " token " << i;
    EXPECT_EQ(tokens[i].text, expected[i].text) << input << " token " << i;
    EXPECT_LE(tokens[i].begin, tokens[i].end);
    EXPECT_LE(tokens[i].end, input.size());
  }
}

TEST(TokenizeTest, WordsAreFoldedAndPunctuationDropped) {
  ExpectTokens("Инклюзивті білім, бәріне!", {{TokenType::kWord, "инклузивти"},
                                             {TokenType::kWord, "билим"},
                                             {TokenType::kWord, "барине"}});
  ExpectTokens("Don't stop.", {{TokenType::kWord, "don't"}, {TokenType::kWord, "stop"}});
}

TEST(TokenizeTest, TypedTokensAreKeptWhole) {
  ExpectTokens("#Инклюзия_бар @User_1 https://Example.com/a?b=1). a.b@Mail.kz",
               {{TokenType::kHashtag, "#инклузия_бар"},
                {TokenType::kMention, "@user_1"},
                {TokenType::kUrl, "https://Example.com/a?b=1"},
                {TokenType::kEmail, "a.b@Mail.kz"}});
  ExpectTokens("see www.edu.gov.kz/ru/news, ok", {{TokenType::kWord, "see"},
                                                  {TokenType::kUrl, "www.edu.gov.kz/ru/news"},
                                                  {TokenType::kWord, "ok"}});
  ExpectTokens("(https://ru.wikipedia.org/wiki/X_(Y))",
               {{TokenType::kUrl, "https://ru.wikipedia.org/wiki/X_(Y)"}});
}

TEST(TokenizeTest, Numbers) {
  ExpectTokens("2020–2025 жылдары 12,5 % 3.14 10-15", {{TokenType::kNumber, "2020–2025"},
                                                       {TokenType::kWord, "жылдары"},
                                                       {TokenType::kNumber, "12,5"},
                                                       {TokenType::kNumber, "3.14"},
                                                       {TokenType::kNumber, "10-15"}});
  ExpectTokens("2020 – 2025", {{TokenType::kNumber, "2020"}, {TokenType::kNumber, "2025"}});
}

TEST(TokenizeTest, EmojiOnePerGraphemeCluster) {
  ExpectTokens("👍🏽👨‍👩‍👧🇰🇿🇰🇿😀",
               {{TokenType::kEmoji, "👍🏽"},
                {TokenType::kEmoji, "👨‍👩‍👧"},
                {TokenType::kEmoji, "🇰🇿"},
                {TokenType::kEmoji, "🇰🇿"},
                {TokenType::kEmoji, "😀"}});
  ExpectTokens("ok❤️ok",
               {{TokenType::kWord, "ok"}, {TokenType::kEmoji, "❤️"}, {TokenType::kWord, "ok"}});
}

TEST(TokenizeTest, OffsetsPointIntoTheInput) {
  std::string input = "Мектеп #тег 😀 Qazaq";
  for (const Token& t : Tokenize(input)) {
    std::string original = input.substr(t.begin, t.end - t.begin);
    if (t.type == TokenType::kEmoji) {
      EXPECT_EQ(original, t.text);
    } else {
      EXPECT_EQ(Fold(original), t.text) << original;
    }
  }
  std::vector<Token> tokens = Tokenize(input);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 12u);  // six Cyrillic letters
  EXPECT_EQ(tokens[3].text, "казак");
}

TEST(TokenizeTest, KazakhLatinLineIsTransliterated) {
  ExpectTokens("inkluzivti bilim", {{TokenType::kWord, "инклузивти"}, {TokenType::kWord, "билим"}});
  ExpectTokens("inclusive school", {{TokenType::kWord, "inclusive"}, {TokenType::kWord, "school"}});
  // In a Cyrillic line a lone Latin word is read as Kazakh only when marked: the
  // 2017 apostrophe (og'an) is a mark, an English contraction (don't) is not.
  ExpectTokens("Мектеп og'an", {{TokenType::kWord, "мектеп"}, {TokenType::kWord, "оган"}});
  ExpectTokens("Мектеп don't", {{TokenType::kWord, "мектеп"}, {TokenType::kWord, "don't"}});
}

// The same word folds by its line: how Latin letters are read is decided per line,
// so a word seen before in another line is folded again.
TEST(TokenizeTest, AWordFoldedBeforeFoldsByItsLineAgain) {
  for (int round = 0; round < 2; ++round) {
    ExpectTokens("bilim school", {{TokenType::kWord, "bilim"}, {TokenType::kWord, "school"}});
    ExpectTokens("bilim mektep", {{TokenType::kWord, "билим"}, {TokenType::kWord, "мектеп"}});
  }
}

TEST(TokenizeTest, SurvivesBadBytesAndEmptyInput) {
  EXPECT_TRUE(Tokenize("").empty());
  std::vector<Token> tokens = Tokenize(
      "ab\xFF"
      "cd");
  ASSERT_FALSE(tokens.empty());
  for (const Token& t : tokens) EXPECT_LE(t.end, 5u);
}

TEST(TokenizeTest, TypeNames) {
  EXPECT_EQ(TokenTypeName(TokenType::kHashtag), "hashtag");
  EXPECT_EQ(TokenTypeName(TokenType::kEmoji), "emoji");
}

}  // namespace
}  // namespace tenlik::text
