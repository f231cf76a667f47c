// Query matcher throughput: 1,000 queries (terms, prefixes, phrases, NEAR, NOT,
// fields, stems) compiled into one Matcher, run over synthetic kk/ru/en posts.
// Prints compile time, MB/s and docs/s for MakeDocument (tokenize + fold) and
// for Match alone, on one thread.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "machine.h"
#include "query/query.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

const std::vector<std::string> kVocabulary = {
    "мектеп", "мектепте", "мектептер", "бала", "балалар", "инклюзивті", "білім", "беру",
    "мұғалім", "ата-ана", "пандус", "жайлы", "школа", "школы", "дети", "ребенок", "инклюзия",
    "учитель", "родители", "класс", "ресурсный", "доступная", "среда", "school", "teacher",
    "inclusive", "education", "children", "disability", "access", "Inkluzivti", "bilim", "mektep",
    "#инклюзия", "#InclusiveEducation", "@minedu", "2024", "и", "в", "на", "the", "of", "және"};

}  // namespace

int main() {
  using namespace tenlik::query;
  tenlik::bench::PrintMachine();
  std::mt19937 rng(7);
  auto word = [&] { return kVocabulary[rng() % kVocabulary.size()]; };

  std::vector<NamedQuery> queries;
  std::vector<std::string> texts;
  for (int i = 0; i < 1000; ++i) {
    std::string t = "lex" + std::to_string(i);
    std::string q;
    switch (i % 8) {
      case 0: q = t; break;
      case 1: q = t + "* OR " + word(); break;
      case 2: q = "\"" + word() + " " + word() + "\" OR " + t; break;
      case 3: q = word() + " NEAR/3 " + word() + " NOT " + t; break;
      case 4: q = "(" + word() + " OR " + t + ") AND lang:kk"; break;
      case 5: {
        std::string w = word();
        while (w[0] == '#' || w[0] == '@' || w[0] == '2' || w == "ата-ана") w = word();
        q = "~" + w + " " + t;
        break;
      }
      case 6: q = word() + " ONEAR/2 (" + t + " OR " + word() + ")"; break;
      default: q = t + " OR ещё" + std::to_string(i) + "*"; break;
    }
    auto parsed = Parse(q);
    if (!parsed.ok()) {
      std::fprintf(stderr, "bad query %s: %s\n", q.c_str(), parsed.status().ToString().c_str());
      return 1;
    }
    queries.push_back({"q" + std::to_string(i), *parsed});
  }
  auto start = Clock::now();
  auto matcher = Compile(queries);
  double compile_s = Seconds(start);
  if (!matcher.ok()) {
    std::fprintf(stderr, "%s\n", matcher.status().ToString().c_str());
    return 1;
  }
  std::printf("compiled %zu queries, %zu literals in %.3f s\n", matcher->size(),
              matcher->pattern_count(), compile_s);

  std::vector<std::string> posts;
  size_t bytes = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string post;
    int n = 10 + static_cast<int>(rng() % 50);
    for (int w = 0; w < n; ++w) post += (w ? " " : "") + word();
    bytes += post.size();
    posts.push_back(std::move(post));
  }

  DocumentFields fields;
  fields.lang = "kk";
  start = Clock::now();
  std::vector<Document> docs;
  docs.reserve(posts.size());
  for (const std::string& p : posts) docs.push_back(MakeDocument(p, fields));
  double prepare_s = Seconds(start);

  MatchContext context(*matcher);
  size_t matches = 0;
  start = Clock::now();
  for (const Document& d : docs) matches += matcher->Match(d, &context).size();
  double match_s = Seconds(start);

  double mb = bytes / 1e6;
  std::printf("%zu posts, %.1f MB, %zu query matches\n", posts.size(), mb, matches);
  std::printf("MakeDocument: %.1f MB/s, %.0f docs/s\n", mb / prepare_s, posts.size() / prepare_s);
  std::printf("Match:        %.1f MB/s, %.0f docs/s (one thread)\n", mb / match_s, posts.size() / match_s);
  std::printf("both:         %.1f MB/s, %.0f docs/s\n", mb / (prepare_s + match_s),
              posts.size() / (prepare_s + match_s));
  return 0;
}
