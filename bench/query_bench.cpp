// Query matcher throughput, on one thread (and the shipped study's also on every core):
//   1. 1,000 synthetic queries (terms, prefixes, phrases, NEAR, NOT, fields, stems)
//      compiled into one Matcher, run over synthetic kk/ru/en posts;
//   2. the shipped study (data/studies/inclusive-education.yaml): every query and
//      lexicon term in one vectorscan database, as the annotator compiles it, over
//      those posts (made of query words only: a hit in almost every word) and over
//      the bundled sample corpus (data/sample: posts as evaluators see them).
// Prints compile time, and MB/s and docs/s for MakeDocument (tokenize + fold) and
// for Match alone (scan + evaluation of the queries whose literals occurred).
//
//   build/query_bench
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "listen/listen.h"
#include "machine.h"
#include "query/query.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

const std::vector<std::string> kVocabulary = {
    "мектеп",     "мектепте",  "мектептер", "бала",       "балалар",
    "инклюзивті", "білім",     "беру",      "мұғалім",    "ата-ана",
    "пандус",     "жайлы",     "школа",     "школы",      "дети",
    "ребенок",    "инклюзия",  "учитель",   "родители",   "класс",
    "ресурсный",  "доступная", "среда",     "school",     "teacher",
    "inclusive",  "education", "children",  "disability", "access",
    "Inkluzivti", "bilim",     "mektep",    "#инклюзия",  "#InclusiveEducation",
    "@minedu",    "2024",      "и",         "в",          "на",
    "the",        "of",        "және"};

// The posts of the bundled sample corpus as documents (ingested into a scratch
// store first, so their text is what the annotator reads); empty on failure.
std::vector<tenlik::query::Document> SampleDocuments(double* mb) {
  using namespace tenlik;
  namespace fs = std::filesystem;
  const std::string sample = std::string(TENLIK_SOURCE_DIR) + "/data/sample/";
  fs::path dir = fs::temp_directory_path() / ("tenlik_query_bench_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<query::Document> docs;
  std::string store_path = (dir / "s.db").string();
  auto db = store::Connection::Open(store_path, true);
  listen::IngestOptions options;
  options.corpus = "public";
  options.files = {sample + "meltwater_export.csv",       sample + "meltwater_export_utf8.csv",
                   sample + "telegram_group/result.json", sample + "telegram_channel/result.json",
                   sample + "instagram.ndjson",           sample + "posts.jsonl"};
  options.key_path = listen::KeyPathFor(store_path);
  options.rejects_path = listen::RejectsPathFor(store_path);
  if (db.ok() && listen::CreatePseudonymKey(options.key_path).ok() &&
      listen::Ingest(**db, options).ok()) {
    auto st = (*db)->Prepare("SELECT text, lang FROM listen_posts");
    size_t bytes = 0;
    while (st.ok() && *(*st)->Step()) {
      query::DocumentFields fields;
      fields.lang = (*st)->ColumnText(1);
      std::string text((*st)->ColumnText(0));
      bytes += text.size();
      docs.push_back(query::MakeDocument(text, fields));
    }
    *mb = bytes / 1e6;
  }
  fs::remove_all(dir);
  return docs;
}

// Match rate of `matcher` over `docs`, best of a few passes, as "MB/s, docs/s".
void PrintStudyRate(const tenlik::query::Matcher& matcher,
                    const std::vector<tenlik::query::Document>& docs, double mb,
                    const char* label) {
  tenlik::query::MatchContext context(matcher);
  size_t matches = 0;
  int rounds = std::max(1, static_cast<int>(100000 / std::max<size_t>(1, docs.size())));
  auto start = Clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const tenlik::query::Document& d : docs) matches += matcher.Match(d, &context).size();
  }
  double match_s = Seconds(start) / rounds;
  std::printf("Match, study, %s: %.1f MB/s, %.0f docs/s (one thread, %zu query matches per pass)\n",
              label, mb / match_s, docs.size() / match_s, matches / rounds);

  // The same on every core, as AnnotateStudy runs it: one context per thread.
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  start = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      tenlik::query::MatchContext own(matcher);
      for (int round = 0; round < rounds; ++round) {
        for (size_t d = t; d < docs.size(); d += threads) matcher.Match(docs[d], &own);
      }
    });
  }
  for (std::thread& th : pool) th.join();
  match_s = Seconds(start) / rounds;
  std::printf("Match, study, %s: %.1f MB/s, %.0f docs/s (%u threads)\n", label, mb / match_s,
              docs.size() / match_s, threads);
}

// The shipped study's queries and lexicon terms in one Matcher over `docs`, then
// over the bundled sample.
bool StudyMatcher(const std::vector<tenlik::query::Document>& docs, double mb) {
  using namespace tenlik;
  auto study =
      listen::LoadStudy(std::string(TENLIK_SOURCE_DIR) + "/data/studies/inclusive-education.yaml");
  if (!study.ok()) {
    std::fprintf(stderr, "%s\n", study.status().ToString().c_str());
    return false;
  }
  std::vector<query::NamedQuery> named;
  for (const auto& sub : study->subtopics) {
    for (const auto& q : sub.queries) named.push_back({q.id, *query::Parse(q.expression)});
  }
  for (const std::string& file : study->lexicons) {
    auto entries = listen::LoadLexicon(file);
    if (!entries.ok()) return false;
    for (const auto& e : *entries)
      named.push_back({e.category + "/" + e.subcategory, *query::Parse(e.term)});
  }
  auto start = Clock::now();
  auto matcher = query::Compile(named);
  double compile_s = Seconds(start);
  if (!matcher.ok()) return false;
  std::printf(
      "shipped study: %zu queries and lexicon terms, %zu literals in one database, compiled in "
      "%.3f s\n",
      matcher->size(), matcher->pattern_count(), compile_s);
  PrintStudyRate(*matcher, docs, mb, "query words");
  double sample_mb = 0;
  std::vector<query::Document> sample = SampleDocuments(&sample_mb);
  if (sample.empty()) return false;
  PrintStudyRate(*matcher, sample, sample_mb, "sample posts");
  return true;
}

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
      case 0:
        q = t;
        break;
      case 1:
        q = t + "* OR " + word();
        break;
      case 2:
        q = "\"" + word() + " " + word() + "\" OR " + t;
        break;
      case 3:
        q = word() + " NEAR/3 " + word() + " NOT " + t;
        break;
      case 4:
        q = "(" + word() + " OR " + t + ") AND lang:kk";
        break;
      case 5: {
        std::string w = word();
        while (w[0] == '#' || w[0] == '@' || w[0] == '2' || w == "ата-ана") w = word();
        q = "~" + w + " " + t;
        break;
      }
      case 6:
        q = word() + " ONEAR/2 (" + t + " OR " + word() + ")";
        break;
      default:
        q = t + " OR ещё" + std::to_string(i) + "*";
        break;
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
  std::printf("Match:        %.1f MB/s, %.0f docs/s (one thread)\n", mb / match_s,
              posts.size() / match_s);
  std::printf("both:         %.1f MB/s, %.0f docs/s\n", mb / (prepare_s + match_s),
              posts.size() / (prepare_s + match_s));
  return StudyMatcher(docs, mb) ? 0 : 1;
}
