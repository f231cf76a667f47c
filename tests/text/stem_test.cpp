#include <gtest/gtest.h>

#include <cstdio>

#include "test_files.h"
#include "text/text.h"

namespace tenlik::text {
namespace {

using testing::ReadLines;
using testing::SourcePath;

std::unique_ptr<Stemmer> MakeStemmer(Lang lang) {
  Result<std::unique_ptr<Stemmer>> stemmer = Stemmer::Create(lang);
  EXPECT_TRUE(stemmer.ok()) << stemmer.status().ToString();
  return stemmer.ok() ? std::move(stemmer).value() : nullptr;
}

TEST(StemTest, RussianReproducesSnowballOutputExactly) {
  std::vector<std::string> words =
      ReadLines(SourcePath("../shared/testdata/snowball-russian/voc.txt"));
  std::vector<std::string> stems =
      ReadLines(SourcePath("../shared/testdata/snowball-russian/output.txt"));
  ASSERT_GT(words.size(), 40000u) << "cannot read voc.txt";
  ASSERT_EQ(words.size(), stems.size());
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kRussian);
  ASSERT_NE(stemmer, nullptr);
  size_t mismatches = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view stem = stemmer->Stem(CaseFold(words[i]));
    if (stem != stems[i]) {
      if (++mismatches <= 10) ADD_FAILURE() << words[i] << " -> " << stem << ", want " << stems[i];
    }
  }
  EXPECT_EQ(mismatches, 0u) << "of " << words.size() << " words";
}

TEST(StemTest, English) {
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kEnglish);
  ASSERT_NE(stemmer, nullptr);
  EXPECT_EQ(stemmer->Stem("schools"), "school");
  EXPECT_EQ(stemmer->Stem("inclusive"), "inclus");
  EXPECT_EQ(stemmer->Stem("running"), "run");
}

TEST(StemTest, NoStemmerForMixedOrUndetermined) {
  EXPECT_EQ(Stemmer::Create(Lang::kMixed).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Stemmer::Create(Lang::kUndetermined).status().code(), StatusCode::kInvalidArgument);
}

// Agreement with the reference stemmer on sample_500 (word|{stem}). The reference
// is itself inconsistent (it keeps some derivations and lexicalised forms), so the
// test asserts a floor, not exact agreement. The stemmer's rules were tuned looking
// at the odd lines only; the even lines are the held-out check, with a floor of
// their own set from their measured agreement (81.2 %), to catch overfitting.
TEST(StemTest, KazakhAgreesWithReferenceSample) {
  std::vector<std::string> lines =
      ReadLines(SourcePath("../shared/data/kazakh-stems/sample_500.txt"));
  ASSERT_GE(lines.size(), 500u) << "cannot read sample_500.txt";
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kKazakh);
  ASSERT_NE(stemmer, nullptr);
  int total[2] = {0, 0};
  int agree[2] = {0, 0};
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    size_t bar = line.find('|');
    if (bar == std::string::npos) continue;
    std::string word = line.substr(0, bar);
    std::string expected = line.substr(bar + 1);
    if (expected.size() >= 2 && expected.front() == '{' && expected.back() == '}') {
      expected = expected.substr(1, expected.size() - 2);
    }
    int half = i % 2;  // 0: odd lines (1, 3, ...), tuned on; 1: even lines, held out
    ++total[half];
    if (stemmer->Stem(word) == expected) ++agree[half];
  }
  int all_total = total[0] + total[1];
  int all_agree = agree[0] + agree[1];
  double agreement = all_total ? static_cast<double>(all_agree) / all_total : 0;
  std::printf(
      "Kazakh stemmer agreement on sample_500: %d / %d = %.1f%% "
      "(odd lines %d / %d, even lines %d / %d)\n",
      all_agree, all_total, 100 * agreement, agree[0], total[0], agree[1], total[1]);
  EXPECT_GE(agreement, 0.85);
  EXPECT_GE(static_cast<double>(agree[1]) / total[1], 0.83) << "held-out (even) lines";
}

// Hand-written cases on words outside the sample (tests/data/text/kazakh_stem_cases.tsv).
TEST(StemTest, KazakhCases) {
  std::vector<std::string> lines = ReadLines(SourcePath("tests/data/text/kazakh_stem_cases.tsv"));
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kKazakh);
  ASSERT_NE(stemmer, nullptr);
  int cases = 0;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    auto [word, stem] = testing::SplitTab(line);
    ++cases;
    EXPECT_EQ(stemmer->Stem(word), stem) << word;
  }
  EXPECT_GE(cases, 40);
}

TEST(StemTest, KazakhMorphology) {
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kKazakh);
  ASSERT_NE(stemmer, nullptr);
  struct Case {
    const char* word;
    const char* stem;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"балалардың", "бала"},       // plural + genitive
           {"мектептерде", "мектеп"},    // plural (тер after п) + locative
           {"мұғалімдерге", "мұғалім"},  // plural (дер after м) + dative
           {"қалаларынан", "қала"},      // plural + possessive + ablative
           {"кітабы", "кітап"},          // possessive; б → п restored
           {"аумағында", "аумақ"},       // ғ → қ restored
           {"оқушыларымыз", "оқушы"},    // 1st person plural possessive
           {"адам", "адам"},             // no ending
           {"ол", "ол"},                 // too short to strip
       }) {
    EXPECT_EQ(stemmer->Stem(c.word), c.stem) << c.word;
  }
}

TEST(StemTest, KazakhAcceptsFoldedSpelling) {
  std::unique_ptr<Stemmer> stemmer = MakeStemmer(Lang::kKazakh);
  ASSERT_NE(stemmer, nullptr);
  for (const char* word :
       {"балалардың", "мектептерде", "мұғалімдерге", "аумағында", "қалаларынан", "оқушыларымызбен",
        "мектептеріміздегі", "кітабы", "айтылды", "бастайды", "қаладағылардың", "оқиды", "жетінші",
        "алматының", "бәріне", "үстінде"}) {
    std::string proper(stemmer->Stem(word));
    std::string folded(stemmer->Stem(Fold(word)));
    EXPECT_EQ(folded, Fold(proper)) << word;
  }
}

}  // namespace
}  // namespace tenlik::text
