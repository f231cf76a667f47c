// The API around matching: Explain, hit spans, many queries, contexts, threads.
#include <gtest/gtest.h>

#include <thread>

#include "query/query.h"

namespace tenlik::query {
namespace {

Query MustParse(std::string_view text) {
  Result<Query> q = Parse(text);
  EXPECT_TRUE(q.ok()) << text << ": " << q.status().ToString();
  return q.ok() ? *q : Query();
}

DocumentFields Lang(const char* code) {
  DocumentFields fields;
  fields.lang = code;
  return fields;
}

TEST(QueryExplain, IndentedTreeWithKeys) {
  Query q = MustParse("Инклюзивті (мектеп* OR \"жайлы мектеп\") NOT lang:ru");
  EXPECT_EQ(Explain(q),
            "AND\n"
            "  TERM \"Инклюзивті\" key \"инклузивти\"\n"
            "  OR\n"
            "    PREFIX \"мектеп*\" key \"мектеп*\"\n"
            "    PHRASE \"жайлы мектеп\" key \"жайлы мектеп\"\n"
            "  NOT\n"
            "    FIELD lang = \"ru\"\n");
  EXPECT_EQ(q.text(), "Инклюзивті (мектеп* OR \"жайлы мектеп\") NOT lang:ru");
}

TEST(QueryExplain, Json) {
  Query q = MustParse("a NEAR/2 #b");
  EXPECT_EQ(ExplainJson(q),
            "{\"op\":\"near\",\"column\":1,\"distance\":2,\"children\":["
            "{\"op\":\"term\",\"column\":1,\"text\":\"a\",\"key\":\"a\"},"
            "{\"op\":\"hashtag\",\"column\":10,\"text\":\"#b\",\"key\":\"#b\"}]}");
}

TEST(QueryParse, PrecedenceNotNearAndOr) {
  Query q = MustParse("a OR b c NOT d NEAR/1 e");
  EXPECT_EQ(Explain(q),
            "OR\n"
            "  TERM \"a\" key \"a\"\n"
            "  AND\n"
            "    TERM \"b\" key \"b\"\n"
            "    TERM \"c\" key \"c\"\n"
            "    NOT\n"
            "      NEAR/1\n"
            "        TERM \"d\" key \"d\"\n"
            "        TERM \"e\" key \"e\"\n");
}

TEST(QueryParse, ColumnsCountCharactersNotBytes) {
  Result<Query> q = Parse("мектеп AND");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message(), "column 11: expected a term or '(' after AND");
}

TEST(QueryParse, DeepNestingIsAnErrorNotACrash) {
  std::string deep(500, '(');
  deep += "a";
  deep += std::string(500, ')');
  Result<Query> q = Parse(deep);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("levels of nesting"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 500; ++i) nots += "NOT ";
  EXPECT_FALSE(Parse(nots + "a").ok());
}

TEST(QueryMatch, SpansPointIntoFoldedAndOriginalText) {
  Query q = MustParse("инклюзи* NEAR/2 мектеп* NOT спорт");
  Result<Matcher> m = Compile({{"inclusion", q}});
  ASSERT_TRUE(m.ok());
  Document doc = MakeDocument("Біз Инклюзия туралы Мектепте айттық");
  MatchContext ctx(*m);
  std::vector<HitSpan> spans;
  ASSERT_EQ(m->Match(doc, &ctx, &spans), std::vector<int>{0});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first_word, 1u);
  EXPECT_EQ(spans[0].last_word, 3u);
  EXPECT_EQ(doc.text().substr(spans[0].text_begin, spans[0].text_end - spans[0].text_begin),
            "Инклюзия туралы Мектепте");
  EXPECT_EQ(
      doc.folded_text().substr(spans[0].folded_begin, spans[0].folded_end - spans[0].folded_begin),
      "инклузия туралы мектепте");
}

TEST(QueryMatch, ManyQueriesInOneDatabase) {
  std::vector<NamedQuery> queries;
  for (int i = 0; i < 2000; ++i) {
    queries.push_back({"t" + std::to_string(i), MustParse("term" + std::to_string(i) + " OR шарт" +
                                                          std::to_string(i) + "*")});
  }
  Result<Matcher> m = Compile(queries);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->size(), 2000u);
  EXPECT_EQ(m->pattern_count(), 4000u);
  EXPECT_EQ(m->name(1234), "t1234");
  MatchContext ctx(*m);
  EXPECT_EQ(m->Match(MakeDocument("a term17 b шарт1999x"), &ctx),
            (std::vector<int>{1, 17, 19, 199, 1999}));  // шарт1*, шарт19* ... are prefixes
  EXPECT_EQ(m->Match(MakeDocument("term17b"), &ctx), std::vector<int>{});
}

TEST(QueryMatch, FieldOnlyQueriesNeedNoDatabase) {
  Result<Matcher> m = Compile({{"kk", MustParse("lang:kk")}, {"not", MustParse("NOT lang:kk")}});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->pattern_count(), 0u);
  EXPECT_EQ(m->Match(MakeDocument("x", Lang("kk"))), std::vector<int>{0});
  EXPECT_EQ(m->Match(MakeDocument("x", Lang("ru"))), std::vector<int>{1});
}

TEST(QueryCompile, RejectsUnnamedAndUnparsed) {
  EXPECT_EQ(Compile({{"", MustParse("a")}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Compile({{"x", Query()}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Compile({}).ok());
}

TEST(QueryMatch, ContextRebindsToAnotherMatcher) {
  Result<Matcher> a = Compile({{"a", MustParse("alpha")}});
  Result<Matcher> b = Compile({{
                                   "b",
                                   MustParse("x"),
                               },
                               {"b2", MustParse("beta")}});
  ASSERT_TRUE(a.ok() && b.ok());
  MatchContext ctx(*a);
  Document doc = MakeDocument("alpha beta");
  EXPECT_EQ(a->Match(doc, &ctx), std::vector<int>{0});
  EXPECT_EQ(b->Match(doc, &ctx), std::vector<int>{1});
}

// A context remembers the literals of each word it has seen up to a bound, then
// starts afresh: matching is the same before and after, for words, prefixes, stems
// and phrases, whether a word was seen before or not.
TEST(QueryMatch, AContextThatForgetsWordsStillMatchesTheSame) {
  Result<Matcher> m = Compile({{"stem", MustParse("~мектептер")},
                               {"prefix", MustParse("инклюзи*")},
                               {"phrase", MustParse("\"жайлы мектеп\"")},
                               {"word", MustParse("term7")}});
  ASSERT_TRUE(m.ok());
  MatchContext ctx(*m);
  const Document with_all = MakeDocument("жайлы мектеп инклюзия term7");
  const Document with_none = MakeDocument("#мектептер term77 жайлы инклю");
  int wrong = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string words;
    for (int w = 0; w < 100; ++w) words += "сөз" + std::to_string(round * 100 + w) + " ";
    if (m->Match(MakeDocument(words + "мектептерде"), &ctx) != std::vector<int>{0}) ++wrong;
    if (m->Match(with_all, &ctx) != std::vector<int>{0, 1, 2, 3}) ++wrong;
    if (!m->Match(with_none, &ctx).empty()) ++wrong;
  }
  EXPECT_EQ(wrong, 0);  // 150,000 distinct words: past the bound of the context
}

TEST(QueryMatch, OneMatcherManyThreads) {
  Result<Matcher> m =
      Compile({{"kk", MustParse("~мектептер OR инклюзи*")}, {"ru", MustParse("школа")}});
  ASSERT_TRUE(m.ok());
  std::vector<Document> docs = {MakeDocument("Мектепте инклюзия"), MakeDocument("Школа"),
                                MakeDocument("ничего")};
  std::vector<std::vector<int>> expected;
  for (const Document& d : docs) expected.push_back(m->Match(d));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      MatchContext ctx(*m);
      for (int i = 0; i < 2000; ++i) {
        const size_t d = static_cast<size_t>(i) % docs.size();
        if (m->Match(docs[d], &ctx) != expected[d]) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  EXPECT_EQ(expected[0], std::vector<int>{0});
  EXPECT_EQ(expected[1], std::vector<int>{1});
}

}  // namespace
}  // namespace tenlik::query
