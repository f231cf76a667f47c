#include <gtest/gtest.h>

#include <thread>

#include "test_files.h"
#include "text/text.h"

namespace tenlik::text {
namespace {

using testing::ReadLines;
using testing::SourcePath;
using testing::SplitTab;

TEST(FoldTest, CasesFromFile) {
  std::vector<std::string> lines = ReadLines(SourcePath("tests/data/text/fold_cases.tsv"));
  ASSERT_GE(lines.size(), 20u) << "cannot read fold_cases.tsv";
  int cases = 0;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    auto [input, expected] = SplitTab(line);
    EXPECT_EQ(Fold(input), expected) << "input: " << input;
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

TEST(FoldTest, EverySpellingOfAKazakhWordHasOneKey) {
  const std::string key = Fold("Инклюзивті білім");
  EXPECT_EQ(Fold("инклюзивти билим"), key);
  EXPECT_EQ(Fold("inkluzivti bilim"), key);       // Latin, the line reads as Kazakh
  EXPECT_EQ(Fold("Inkluzivtı bılım"), key);       // 2021 alphabet
  EXPECT_EQ(Fold("Qazaqstan"), Fold("Қазақстан"));
  EXPECT_EQ(Fold("Qazaq'stan"), Fold("Қазақстан"));
  EXPECT_EQ(Fold("Ma'selen'"), Fold("Мәселең"));  // 2017 apostrophes
  EXPECT_EQ(Fold("Mәселең"), Fold("Мәселең"));    // mixed-script typing
  EXPECT_EQ(Fold("Ǵalym"), Fold("Ғалым"));        // 2018 acute
  EXPECT_EQ(Fold("Ğalym"), Fold("Ғалым"));        // 2021
}

TEST(FoldTest, EnglishStaysEnglish) {
  EXPECT_EQ(Fold("Inclusive school"), "inclusive school");
  EXPECT_EQ(Fold("Children with special educational needs"),
            "children with special educational needs");
  EXPECT_EQ(Fold("We don't know, it's the students' choice"),
            "we don't know, it's the students' choice");
  // English words inside a Kazakh line are not read as Kazakh Latin.
  EXPECT_EQ(Fold("Бүгін inclusive education туралы"), "бугин inclusive education туралы");
}

TEST(FoldTest, IsIdempotent) {
  for (const char* text : {"Инклюзивті білім", "Qazaqstan", "Straße", "ЁЖИК", "😀 ok"}) {
    std::string once = Fold(text);
    EXPECT_EQ(Fold(once), once) << text;
  }
}

TEST(FoldTest, IsThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&results, i] {
      for (int k = 0; k < 200; ++k) results[i] = Fold("Қазақстан Qazaqstan Ёлка");
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, "казакстан казакстан елка");
}

}  // namespace
}  // namespace tenlik::text
