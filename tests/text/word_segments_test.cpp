// The fast word segmenter against ICU's BreakIterator, its reference: the same
// segments on every line of the bundled sample corpus and on random strings of the
// characters where the two could part ways.
#include "text/word_segments.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "test_files.h"
#include "text/tokenize_internal.h"

namespace tenlik::text::internal {
namespace {

using testing::ReadLines;
using testing::SourcePath;

std::vector<Segment> Segments(std::string_view text, Segmentation segmentation,
                              bool* fast = nullptr) {
  std::vector<Segment> out;
  bool used_fast = WordSegments(text, segmentation, out);
  if (fast) *fast = used_fast;
  return out;
}

std::string Describe(const std::vector<Segment>& segments, std::string_view text) {
  std::string out;
  for (const Segment& s : segments) {
    out += "[" + std::string(text.substr(s.begin, s.end - s.begin)) + "|" +
           std::to_string(static_cast<int>(s.kind)) + "]";
  }
  return out;
}

void ExpectSameAsIcu(std::string_view text, int* fast_count) {
  bool fast = false;
  std::vector<Segment> ours = Segments(text, Segmentation::kFastWhereSafe, &fast);
  std::vector<Segment> icu = Segments(text, Segmentation::kIcuOnly);
  *fast_count += fast;
  ASSERT_EQ(Describe(ours, text), Describe(icu, text)) << text;
}

TEST(WordSegmentsTest, KnownCases) {
  std::string_view text = "Don't stop: 12,5 % и 3.14, ата-ана e.g. № 5";
  bool fast = false;
  std::vector<Segment> segments = Segments(text, Segmentation::kFastWhereSafe, &fast);
  EXPECT_TRUE(fast);
  std::vector<std::string> words;
  for (const Segment& s : segments) {
    if (s.kind != SegmentKind::kOther) words.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Don't", "stop", "12,5", "и", "3.14", "ата", "ана",
                                             "e.g", "5"}));
}

TEST(WordSegmentsTest, OtherScriptsEmojiAndMarksAfterSpacesAsIcuDoes) {
  int fast = 0;
  for (std::string_view text : {"мектеп 😀 бар", "学校 school", "a\u200Db", "1️⃣ one",
                                "a \u0301b", " \u2002x", "x\u2002 y", "👍 \u200D👍", "5G желі"}) {
    ExpectSameAsIcu(text, &fast);
  }
}

TEST(WordSegmentsTest, SameAsIcuOnTheSampleCorpus) {
  int lines = 0;
  int fast = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(SourcePath("data/sample"))) {
    if (!entry.is_regular_file()) continue;
    for (const std::string& line : ReadLines(entry.path().string())) {
      ++lines;
      ExpectSameAsIcu(line, &fast);
      if (HasFatalFailure()) return;
    }
  }
  ASSERT_GT(lines, 3000);
  // Most lines must take the fast path, or this test would prove nothing.
  EXPECT_GT(fast, lines / 2) << fast << " of " << lines << " lines segmented by the fast path";
}

TEST(WordSegmentsTest, SameAsIcuOnRandomStrings) {
  const std::vector<std::string> pieces = {
      "a", "Z",  "ә",  "Қ",  "ё", "1",      "9",      ".",      ",",       ";",  ":",
      "'", "’",  "‘",  "-",  "–", " ",      "\u00A0", "\u00AD", "\u0301",  "«",  "»",
      "№", "!",  "\n", "\r", "é", "ß",      "\u00B7", "…",      "/",       "ǰ",  "$",
      "%", "\"", "\t", "I",  "İ", "ı",      "ӘЛ",     "\u2024", "\u2027",  "@",  "#",
      "(", "0",  "x1", "1x", "😀", "\u200D", "\u2002", "学",     "1️⃣", "  ", "_"};
  std::mt19937 rng(2026);
  int fast = 0;
  constexpr int kStrings = 100000;
  for (int i = 0; i < kStrings; ++i) {
    std::string text;
    int length = 1 + static_cast<int>(rng() % 10);
    for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
    ExpectSameAsIcu(text, &fast);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(fast, kStrings / 4);
}

TEST(WordSegmentsTest, TokensAreTheSameEitherWay) {
  for (const std::string& line : ReadLines(SourcePath("data/sample/posts.jsonl"))) {
    std::vector<Token> ours = TokenizeWith(line, Segmentation::kFastWhereSafe);
    std::vector<Token> icu = TokenizeWith(line, Segmentation::kIcuOnly);
    ASSERT_EQ(ours.size(), icu.size()) << line;
    for (size_t i = 0; i < ours.size(); ++i) {
      ASSERT_EQ(ours[i].text, icu[i].text) << line;
      ASSERT_EQ(ours[i].type, icu[i].type) << line;
      ASSERT_EQ(ours[i].begin, icu[i].begin) << line;
    }
  }
}

}  // namespace
}  // namespace tenlik::text::internal
