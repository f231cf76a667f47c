#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "synthetic.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

using testing::SourcePath;

struct Post {
  text::Lang lang;
  std::string text;
};

std::vector<Post> ReadPosts() {
  std::vector<Post> posts;
  std::ifstream in(SourcePath("tests/data/topics/posts.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    posts.push_back({text::ParseLang(line.substr(0, tab)).value(), line.substr(tab + 1)});
  }
  return posts;
}

bool Has(const std::vector<std::string>& terms, std::string_view word) {
  return std::find(terms.begin(), terms.end(), text::Fold(word)) != terms.end();
}

StopWords Default() {
  auto stop = StopWords::LoadDefault(SourcePath("data/stopwords"));
  EXPECT_TRUE(stop.ok()) << stop.status().ToString();
  return stop.ok() ? std::move(stop).value() : StopWords();
}

TEST(StopWordsTest, ShippedListsLoadFolded) {
  StopWords stop = Default();
  EXPECT_GT(stop.size(), 400u);
  for (const char* w : {"және", "ЖӘНЕ", "үшін", "туралы", "бойынша", "ғой", "екен", "и", "это",
                        "Для", "the", "The", "lol"}) {
    EXPECT_TRUE(stop.Contains(text::Fold(w))) << w;
  }
  EXPECT_TRUE(stop.Contains("жане"));  // the informal spelling folds to the same key
  EXPECT_FALSE(stop.Contains(text::Fold("мектеп")));
  EXPECT_FALSE(stop.Contains(text::Fold("школа")));
  EXPECT_FALSE(stop.Contains(text::Fold("inclusion")));
  StopWords missing;
  EXPECT_EQ(missing.LoadFile(SourcePath("data/stopwords/xx.txt")).code(), StatusCode::kNotFound);
}

TEST(AnalyzerTest, DropsStopWordsNumbersAndNonWords) {
  std::vector<Post> posts = ReadPosts();
  ASSERT_EQ(posts.size(), 9u);
  Analyzer analyzer(Default());
  std::vector<std::string> kk = analyzer.Terms(posts[0].text, posts[0].lang);
  EXPECT_TRUE(Has(kk, "балалар"));
  EXPECT_TRUE(Has(kk, "инклюзивті"));
  EXPECT_TRUE(Has(kk, "білім"));
  for (const char* w : {"біз", "және", "үшін", "туралы", "2024"}) EXPECT_FALSE(Has(kk, w)) << w;
  EXPECT_FALSE(Has(analyzer.Terms(posts[1].text, posts[1].lang), "ЖӘНЕ"));
  EXPECT_TRUE(Has(analyzer.Terms(posts[2].text, posts[2].lang), "инклюзия"));  // hashtag

  std::vector<std::string> ru = analyzer.Terms(posts[3].text, posts[3].lang);
  for (const char* w : {"это", "очень", "для", "с", "и", "их"}) EXPECT_FALSE(Has(ru, w)) << w;
  EXPECT_TRUE(Has(ru, "детей"));
  EXPECT_TRUE(Has(ru, "инвалидностью"));

  std::vector<std::string> en = analyzer.Terms(posts[6].text, posts[6].lang);
  EXPECT_EQ(en, (std::vector<std::string>{"school", "ready", "inclusion", "inclusion"}));
  std::vector<std::string> en2 = analyzer.Terms(posts[8].text, posts[8].lang);
  EXPECT_FALSE(Has(en2, "lol"));
  EXPECT_EQ(en2.size(), 3u);  // inclusive education children; no emoji

  AnalyzerOptions no_tags;
  no_tags.hashtags = false;
  Analyzer plain(Default(), no_tags);
  EXPECT_EQ(plain.Terms(posts[6].text, posts[6].lang),
            (std::vector<std::string>{"school", "ready", "inclusion"}));
}

TEST(AnalyzerTest, StemsByLanguage) {
  AnalyzerOptions options;
  options.stem = true;
  Analyzer analyzer(Default(), options);
  std::vector<std::string> a = analyzer.Terms("дети и детей", text::Lang::kRussian);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], a[1]);
  std::vector<std::string> b = analyzer.Terms("schools and school", text::Lang::kEnglish);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], b[1]);
  // Undetermined language: no stemming.
  std::vector<std::string> c = analyzer.Terms("schools school", text::Lang::kUndetermined);
  EXPECT_NE(c[0], c[1]);
}

// An analyzer keeps what each word became; what it returns must not depend on
// the words it saw before: the language, the wish for surfaces, the text as
// written, and a full store of known words (it starts afresh).
TEST(AnalyzerTest, WordsSeenBeforeComeOutAsFromAFreshAnalyzer) {
  AnalyzerOptions options;
  options.stem = true;
  auto fresh = [&](std::string_view text, text::Lang lang, std::vector<std::string>* surfaces) {
    return Analyzer(Default(), options).Terms(text, lang, surfaces);
  };
  Analyzer analyzer(Default(), options);
  const std::string line = "Школы и ШКОЛЫ мектептер schools #Инклюзия";
  std::vector<std::string> surfaces, expected_surfaces;
  for (int round = 0; round < 2; ++round) {
    for (text::Lang lang : {text::Lang::kRussian, text::Lang::kKazakh, text::Lang::kEnglish,
                            text::Lang::kUndetermined}) {
      EXPECT_EQ(analyzer.Terms(line, lang), fresh(line, lang, nullptr));
      EXPECT_EQ(analyzer.Terms(line, lang, &surfaces), fresh(line, lang, &expected_surfaces));
      EXPECT_EQ(surfaces, expected_surfaces);
    }
  }
  // The stems differ by language, so a word seen in one is not reused in another.
  EXPECT_NE(analyzer.Terms("школы", text::Lang::kRussian),
            analyzer.Terms("школы", text::Lang::kUndetermined));

  // More distinct words than it keeps.
  for (int i = 0; i < 140000; ++i) {
    std::string word = "w";
    for (int n = i; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
    analyzer.Terms(word, text::Lang::kEnglish);
  }
  EXPECT_EQ(analyzer.Terms(line, text::Lang::kRussian, &surfaces),
            fresh(line, text::Lang::kRussian, &expected_surfaces));
  EXPECT_EQ(surfaces, expected_surfaces);
}

TEST(AnalyzerTest, SurfacesAreTheWordsAsWrittenCaseFolded) {
  AnalyzerOptions options;
  options.stem = true;
  Analyzer analyzer(Default(), options);
  std::vector<std::string> surfaces;
  std::vector<std::string> terms =
      analyzer.Terms("Қазақстандағы МЕКТЕПТЕР #Инклюзия", text::Lang::kKazakh, &surfaces);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(surfaces, (std::vector<std::string>{"қазақстандағы", "мектептер", "инклюзия"}));
  // The keys are folded stems, not the written words.
  EXPECT_NE(terms[0], surfaces[0]);
  EXPECT_NE(terms[1], surfaces[1]);
  // A stop-word written in Latin letters in a Kazakh Latin line, which folds as Kazakh
  // Latin, is still a stop-word.
  StopWords stop;
  stop.Add("email");
  Analyzer with_stop(std::move(stop));
  EXPECT_EQ(with_stop.Terms("Mektepke email jazyñyz", text::Lang::kKazakh).size(), 2u);
  std::vector<std::string> folded =
      Analyzer(StopWords()).Terms("Mektepke email jazyñyz", text::Lang::kKazakh);
  ASSERT_EQ(folded.size(), 3u);
  EXPECT_NE(folded[1], "email");  // the premise: the key is the Kazakh folding
  // Kazakh in Latin letters is stemmed as Kazakh in Cyrillic.
  EXPECT_EQ(analyzer.Terms("Mektepterde oqýshylar", text::Lang::kKazakh),
            analyzer.Terms("Мектептерде оқушылар", text::Lang::kKazakh));
  // Without the out-parameter the terms are the same.
  EXPECT_EQ(analyzer.Terms("Қазақстандағы МЕКТЕПТЕР #Инклюзия", text::Lang::kKazakh), terms);
}

TEST(VocabularyTest, BuildIsDeterministicAndFiltered) {
  std::vector<std::vector<std::string>> docs = {
      {"ramp", "school", "ramp", "common"},
      {"school", "teacher", "common"},
      {"ramp", "teacher", "rare", "common"},
      {"school", "ramp", "common"},
  };
  VocabularyOptions options;
  options.min_doc_freq = 2;
  options.max_doc_share = 0.9;  // "common" is in every document
  Vocabulary v = Vocabulary::Build(docs, options);
  EXPECT_EQ(v.words(), (std::vector<std::string>{"ramp", "school", "teacher"}));  // by occurrences
  EXPECT_EQ(v.Find("school"), 1);
  EXPECT_EQ(v.Find("rare"), -1);
  EXPECT_EQ(v.Find("common"), -1);
  std::reverse(docs.begin(), docs.end());
  EXPECT_EQ(Vocabulary::Build(docs, options).words(), v.words());
  options.max_words = 2;
  EXPECT_EQ(Vocabulary::Build(docs, options).size(), 2u);
  options = {};
  options.min_doc_freq = 1;
  options.max_doc_share = 1.0;
  EXPECT_EQ(Vocabulary::Build(docs, options).size(), 5u);
  EXPECT_FALSE(Vocabulary::FromWords({"a", "b", "a"}).ok());
  EXPECT_FALSE(Vocabulary::FromWords({"a", ""}).ok());
  EXPECT_NE(v.Fingerprint(), Vocabulary::FromWords({"ramp", "school", "teachers"})->Fingerprint());

  Corpus corpus;
  corpus.Add(v, {"ramp", "unknown", "teacher"});
  EXPECT_EQ(corpus.num_docs(), 1u);
  EXPECT_EQ(std::vector<int32_t>(corpus.doc(0).begin(), corpus.doc(0).end()),
            (std::vector<int32_t>{0, 2}));
}

TEST(VocabularyTest, TrilingualPostsEndToEnd) {
  Analyzer analyzer(Default());
  std::vector<std::vector<std::string>> terms;
  for (const Post& p : ReadPosts()) terms.push_back(analyzer.Terms(p.text, p.lang));
  Vocabulary vocab = Vocabulary::Build(terms);
  StopWords stop = Default();
  for (const std::string& w : vocab.words()) EXPECT_FALSE(stop.Contains(w)) << w;
  EXPECT_GE(vocab.Find(text::Fold("детей")), 0);
  EXPECT_GE(vocab.Find(text::Fold("инклюзия")), 0);  // both kk and ru posts
  Corpus corpus;
  for (const auto& t : terms) corpus.Add(vocab, t);
  LdaOptions options;
  options.num_topics = 2;
  auto lda = LdaTrainer::Create(vocab, corpus, options);
  ASSERT_TRUE(lda.ok());
  lda->Run(5);
  EXPECT_EQ(lda->num_tokens(), corpus.num_tokens());
}

}  // namespace
}  // namespace tenlik::topics
