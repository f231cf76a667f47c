// Property test: for random queries A and B over a small random corpus,
//   hits(A AND B) = hits(A) ∩ hits(B),  hits(A OR B) = hits(A) ∪ hits(B),
//   hits(NOT A) = corpus \ hits(A),
// with all the queries compiled into one Matcher.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "query/query.h"

namespace tenlik::query {
namespace {

const std::vector<std::string> kWords = {
    "мектеп", "мектепте", "Mektepter", "школа", "школы", "inclusion", "inclusive", "бала",
    "балалар", "дети", "#инклюзия", "#Inclusion", "жайлы", "білім", "bilim", "и", "the"};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string Word() { return kWords[static_cast<size_t>(Pick(static_cast<int>(kWords.size())))]; }

  std::string Positional(int depth) {
    int kind = Pick(depth > 0 ? 7 : 5);
    switch (kind) {
      case 0: return Word();
      case 1: {
        std::string w = Word();
        if (w[0] == '#' || w.size() < 6) return w;
        return w.substr(0, 4) + "*";  // Cyrillic: 2 letters; Latin: 4
      }
      case 2: return "\"" + Word() + " " + Word() + "\"";
      case 3: {
        std::string w = Word();
        return w[0] == '#' ? w : "~" + w;
      }
      case 4: return Word();
      case 5: return "(" + Positional(depth - 1) + " OR " + Positional(depth - 1) + ")";
      default:
        return Positional(depth - 1) + (Pick(2) ? " NEAR/" : " ONEAR/") + std::to_string(Pick(4)) +
               " " + Positional(0);
    }
  }

  std::string Query(int depth) {
    if (depth == 0) {
      int kind = Pick(8);
      if (kind == 0) return Pick(2) ? "lang:kk" : "lang:ru";
      if (kind == 1) return "region:KZ";
      return Positional(1);
    }
    switch (Pick(5)) {
      case 0: return "(" + Query(depth - 1) + " AND " + Query(depth - 1) + ")";
      case 1: return "(" + Query(depth - 1) + " OR " + Query(depth - 1) + ")";
      case 2: return "NOT " + Query(depth - 1);
      case 3: return Query(depth - 1) + " " + Query(depth - 1);
      default: return Query(depth - 1);
    }
  }

  Document Doc() {
    std::string text;
    int n = 1 + Pick(8);
    for (int i = 0; i < n; ++i) text += (i ? " " : "") + Word();
    DocumentFields fields;
    fields.lang = Pick(2) ? "kk" : "ru";
    if (Pick(2)) fields.regions = {Pick(2) ? "KZ-75" : "KG-GB"};
    return MakeDocument(text, fields);
  }

 private:
  std::mt19937 rng_;
};

std::set<int> Hits(const Matcher& matcher, MatchContext* context, const std::vector<Document>& corpus,
                   int query) {
  std::set<int> out;
  for (size_t d = 0; d < corpus.size(); ++d) {
    std::vector<int> matched = matcher.Match(corpus[d], context);
    if (std::binary_search(matched.begin(), matched.end(), query)) out.insert(static_cast<int>(d));
  }
  return out;
}

TEST(QueryProperty, BooleanAlgebraHoldsOnRandomQueries) {
  Generator gen(20240611);
  std::vector<Document> corpus;
  for (int i = 0; i < 120; ++i) corpus.push_back(gen.Doc());

  constexpr int kPairs = 150;
  std::vector<NamedQuery> queries;
  std::vector<std::string> texts;
  for (int p = 0; p < kPairs; ++p) {
    std::string a = gen.Query(2);
    std::string b = gen.Query(2);
    for (const std::string& text :
         {a, b, "(" + a + ") AND (" + b + ")", "(" + a + ") OR (" + b + ")", "NOT (" + a + ")"}) {
      Result<Query> q = Parse(text);
      ASSERT_TRUE(q.ok()) << text << ": " << q.status().ToString();
      queries.push_back({"q" + std::to_string(queries.size()), *q});
      texts.push_back(text);
    }
  }
  Result<Matcher> matcher = Compile(queries);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  MatchContext context(*matcher);

  // hits per query, computed once per document.
  std::vector<std::set<int>> hits(queries.size());
  for (size_t d = 0; d < corpus.size(); ++d) {
    for (int q : matcher->Match(corpus[d], &context)) hits[static_cast<size_t>(q)].insert(static_cast<int>(d));
  }
  int nonempty = 0;
  for (int p = 0; p < kPairs; ++p) {
    const auto& a = hits[static_cast<size_t>(5 * p)];
    const auto& b = hits[static_cast<size_t>(5 * p + 1)];
    const auto& a_and_b = hits[static_cast<size_t>(5 * p + 2)];
    const auto& a_or_b = hits[static_cast<size_t>(5 * p + 3)];
    const auto& not_a = hits[static_cast<size_t>(5 * p + 4)];
    if (!a.empty() && a.size() < corpus.size()) ++nonempty;
    std::set<int> both, either;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.end()));
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::inserter(either, either.end()));
    EXPECT_TRUE(std::includes(a.begin(), a.end(), a_and_b.begin(), a_and_b.end())) << texts[5 * p + 2];
    EXPECT_TRUE(std::includes(a_or_b.begin(), a_or_b.end(), a.begin(), a.end())) << texts[5 * p + 3];
    EXPECT_EQ(a_and_b, both) << texts[5 * p + 2];
    EXPECT_EQ(a_or_b, either) << texts[5 * p + 3];
    for (int d : not_a) EXPECT_EQ(a.count(d), 0u) << texts[5 * p + 4];
    EXPECT_EQ(a.size() + not_a.size(), corpus.size()) << texts[5 * p + 4];
  }
  // The generator must produce informative queries, or the test proves nothing.
  EXPECT_GT(nonempty, kPairs / 4);

  // A single-query matcher agrees with the combined one (prefiltering is sound).
  for (int p = 0; p < 20; ++p) {
    Result<Matcher> alone = Compile({queries[static_cast<size_t>(5 * p)]});
    ASSERT_TRUE(alone.ok());
    MatchContext ctx(*alone);
    EXPECT_EQ(Hits(*alone, &ctx, corpus, 0), hits[static_cast<size_t>(5 * p)]) << texts[5 * p];
  }
}

}  // namespace
}  // namespace tenlik::query
