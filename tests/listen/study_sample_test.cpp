// The shipped study on the bundled sample corpus, end to end: ingest data/sample
// as scripts/run-sample.sh does, run the study, and recompute a few cells of
// results.json independently from the store (SQL and our own matching).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "query/query.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = TENLIK_SOURCE_DIR;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class StudySampleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("tenlik_study_sample_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string store_path = (*dir_ / "t.db").string();
    auto db = store::Connection::Open(store_path, true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = db->release();
    ASSERT_TRUE(db_->Migrate(Migrations()).ok());
    ASSERT_TRUE(CreatePseudonymKey(KeyPathFor(store_path)).ok());
    const std::string s = kRoot + "/data/sample/";
    auto ingest = [&](const std::string& corpus, std::vector<std::string> files, std::optional<Format> format,
                      FieldMap map) {
      IngestOptions o;
      o.corpus = corpus;
      o.files = std::move(files);
      o.format = format;
      o.map = std::move(map);
      o.organisations_file = s + "organisations.tsv";
      o.key_path = KeyPathFor(store_path);
      o.rejects_path = RejectsPathFor(store_path);
      Result<IngestReport> r = Ingest(*db_, o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    };
    ingest("public", {s + "meltwater_export.csv", s + "meltwater_export_utf8.csv", s + "telegram_group/result.json",
                      s + "instagram.ndjson", s + "posts.jsonl"}, std::nullopt, {});
    ingest("organisations", {s + "telegram_channel/result.json"}, std::nullopt, {});
    ingest("public", {s + "forum_posts.csv"}, Format::kCsv,
           {{"id", "post_id"}, {"published_at", "created"}, {"author", "user_name"}, {"text", "body"},
            {"url", "link"}, {"engagement", "likes"}, {"place", "city"}});

    Result<Study> study = LoadStudy(kRoot + "/data/studies/inclusive-education.yaml");
    ASSERT_TRUE(study.ok()) << study.status().ToString();
    study_ = new Study(*study);
    study_->gazetteer_dir = kRoot + "/data/gazetteer";
    study_->topics.iterations = 100;
    StudyRunOptions options;
    options.out_dir = (*dir_ / "report").string();
    options.lang = "en";
    options.annotate.sentiment_model = "/nonexistent/sentiment.bin";
    Result<StudyRunReport> run = RunStudy(*db_, *study_, options);
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    first_ = new StudyRunReport(*run);
    results_ = new nlohmann::json(nlohmann::json::parse(ReadAll(options.out_dir + "/results.json")));
  }
  static void TearDownTestSuite() {
    delete results_;
    delete first_;
    delete study_;
    delete db_;
    if (dir_) fs::remove_all(*dir_);
    delete dir_;
  }

  static int64_t Scalar(const std::string& sql, const std::vector<std::string>& text_params = {}) {
    auto st = db_->Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    for (size_t i = 0; i < text_params.size(); ++i) EXPECT_TRUE((*st)->Bind(static_cast<int>(i + 1), text_params[i]).ok());
    auto row = (*st)->Step();
    EXPECT_TRUE(row.ok() && *row);
    return (*st)->ColumnInt(0);
  }

  // Original posts in the study's scope, for our own counting.
  struct Row {
    int64_t published_at;
    std::string text, place, lang, platform, author_type, corpus;
  };
  static std::vector<Row> OriginalPosts() {
    std::vector<Row> rows;
    auto st = db_->Prepare(
        "SELECT published_at, text, place, lang, platform, author_type, corpus FROM listen_posts "
        "WHERE near_duplicate_of IS NULL AND published_at >= $1 AND published_at < $2 "
        "AND lang IN ('kk', 'ru', 'en', 'mixed')");
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE((*st)->Bind(1, study_->from_ts).ok());
    EXPECT_TRUE((*st)->Bind(2, study_->to_ts).ok());
    while (*(*st)->Step()) {
      rows.push_back({(*st)->ColumnInt(0), std::string((*st)->ColumnText(1)), std::string((*st)->ColumnText(2)),
                      std::string((*st)->ColumnText(3)), std::string((*st)->ColumnText(4)),
                      std::string((*st)->ColumnText(5)), std::string((*st)->ColumnText(6))});
    }
    return rows;
  }

  static inline fs::path* dir_ = nullptr;
  static inline store::Connection* db_ = nullptr;
  static inline Study* study_ = nullptr;
  static inline StudyRunReport* first_ = nullptr;
  static inline nlohmann::json* results_ = nullptr;
};

TEST_F(StudySampleTest, AnnotatedEverythingInScope) {
  EXPECT_GT(first_->annotate.in_scope, 3000);
  EXPECT_EQ(first_->annotate.annotated, first_->annotate.in_scope);
  EXPECT_EQ(first_->annotate.already, 0);
  EXPECT_FALSE(first_->annotate.sentiment_available);
  EXPECT_EQ(first_->posts, first_->annotate.in_scope);
  EXPECT_LT(first_->original_posts, first_->posts);  // the sample has near-duplicates
  EXPECT_GT(first_->perplexity, 1.0);
}

TEST_F(StudySampleTest, MonthVolumeMatchesSql) {
  // September 2025 in Kazakhstan time: [2025-09-01T00:00+05:00, 2025-10-01T00:00+05:00).
  int64_t original = Scalar(
      "SELECT COUNT(*) FROM listen_posts WHERE published_at >= 1756666800 AND published_at < 1759258800 "
      "AND near_duplicate_of IS NULL AND corpus IN ('public', 'organisations') "
      "AND lang IN ('kk', 'ru', 'en', 'mixed')");
  int64_t all = Scalar(
      "SELECT COUNT(*) FROM listen_posts WHERE published_at >= 1756666800 AND published_at < 1759258800 "
      "AND corpus IN ('public', 'organisations') AND lang IN ('kk', 'ru', 'en', 'mixed')");
  bool found = false;
  for (const auto& m : (*results_)["volume"]["months"]) {
    if (m["month"] == "2025-09") {
      found = true;
      EXPECT_EQ(m["original"].get<int64_t>(), original);
      EXPECT_EQ(m["all"].get<int64_t>(), all);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_GT(original, 100);
  EXPECT_EQ((*results_)["volume"]["months"].size(), 18u);
  EXPECT_EQ((*results_)["posts"]["all"].get<int64_t>(),
            Scalar("SELECT COUNT(*) FROM listen_posts WHERE published_at >= " + std::to_string(study_->from_ts) +
                   " AND published_at < " + std::to_string(study_->to_ts) +
                   " AND lang IN ('kk', 'ru', 'en', 'mixed')"));
  // Posts of undetermined language are outside the study's languages.
  EXPECT_GT(Scalar("SELECT COUNT(*) FROM listen_posts WHERE lang = 'und'"), 0);
}

TEST_F(StudySampleTest, GirlsAndBoysMatchOwnMatching) {
  // Recount with the gender lexicon compiled here, straight from the post texts.
  std::vector<query::NamedQuery> girls, boys;
  std::ifstream in(kRoot + "/data/lexicons/gender.tsv");
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    auto q = query::Parse(cells[4]);
    ASSERT_TRUE(q.ok());
    (cells[2] == "girls" ? girls : boys).push_back({cells[2], *q});
  }
  auto mg = query::Compile(girls);
  auto mb = query::Compile(boys);
  ASSERT_TRUE(mg.ok() && mb.ok());
  int64_t g = 0, b = 0, either = 0;
  for (const Row& r : OriginalPosts()) {
    query::Document doc = query::MakeDocument(r.text, {r.lang, r.platform, r.author_type, r.corpus, {}});
    bool is_g = !mg->Match(doc).empty(), is_b = !mb->Match(doc).empty();
    g += is_g;
    b += is_b;
    either += is_g || is_b;
  }
  const auto& gender = (*results_)["gender"];
  EXPECT_EQ(gender["girls"].get<int64_t>(), g);
  EXPECT_EQ(gender["boys"].get<int64_t>(), b);
  EXPECT_EQ(gender["either"].get<int64_t>(), either);
  EXPECT_GT(g, 20);
  EXPECT_GT(b, 20);
  EXPECT_LE(gender["girls_low"].get<double>(), gender["girls_share"].get<double>());
  EXPECT_GE(gender["girls_high"].get<double>(), gender["girls_share"].get<double>());
}

TEST_F(StudySampleTest, RegionPerCapitaMatchesOwnCounting) {
  auto gaz = geo::Gazetteer::Load(kRoot + "/data/gazetteer");
  ASSERT_TRUE(gaz.ok());
  const std::string iso = "KZ-75";  // Almaty city
  int64_t n = 0;
  for (const Row& r : OriginalPosts()) {
    std::optional<std::string> hint;
    if (!r.place.empty()) hint = gaz->ResolvePlaceHint(r.place);
    std::vector<std::string> regions = hint ? std::vector<std::string>{*hint} : gaz->FindPlaces(r.text);
    n += std::find(regions.begin(), regions.end(), iso) != regions.end();
  }
  const geo::Region* reg = gaz->FindRegion(iso);
  ASSERT_TRUE(reg && reg->population);
  bool found = false;
  for (const auto& u : (*results_)["regions"]["units"]) {
    if (u["iso"] != iso) continue;
    found = true;
    EXPECT_EQ(u["posts"].get<int64_t>(), n);
    EXPECT_NEAR(u["per_100k"].get<double>(), n * 100000.0 / static_cast<double>(*reg->population), 1e-9);
  }
  EXPECT_TRUE(found);
  EXPECT_GT(n, 10);
  // A unit without a population figure says so.
  for (const auto& u : (*results_)["regions"]["units"]) {
    const geo::Region* r = gaz->FindRegion(u["iso"].get<std::string>());
    ASSERT_TRUE(r);
    EXPECT_EQ(u["no_population"].get<bool>(), !r->population.has_value());
    if (!r->population) {
      EXPECT_TRUE(u["per_100k"].is_null());
    }
  }
}

TEST_F(StudySampleTest, StigmaShareDeclinesAsTheGeneratorMadeIt) {
  const auto& q = (*results_)["stigma"]["quarters"];
  ASSERT_GE(q.size(), 4u);
  double first = q[0]["share"].get<double>(), last = q[q.size() - 1]["share"].get<double>();
  EXPECT_GT(first, last);
  int64_t stig = 0;
  for (const auto& e : q) stig += e["stigmatising"].get<int64_t>();
  EXPECT_EQ(stig, Scalar("SELECT COUNT(*) FROM listen_annotations a JOIN listen_posts p ON p.id = a.post_id "
                         "WHERE a.stigmatising = 1 AND p.near_duplicate_of IS NULL AND a.fingerprint = $1",
                         {first_->annotate.fingerprint}));
}

TEST_F(StudySampleTest, ReportFilesAndCaveat) {
  fs::path out = *dir_ / "report";
  for (const char* f : {"index.html", "tables.xlsx", "hashtags.gexf", "results.json", "csv/volume-by-month.csv",
                        "csv/regions.csv", "csv/gender.csv"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  std::string html = ReadAll((out / "index.html").string());
  EXPECT_NE(html.find("not representative of the population"), std::string::npos);
  EXPECT_NE(html.find("Sentiment is not available"), std::string::npos);
  std::string gexf = ReadAll((out / "hashtags.gexf").string());
  EXPECT_NE(gexf.find("<gexf"), std::string::npos);
  EXPECT_NE(gexf.find("<edge "), std::string::npos);
  // No author pseudonyms in the report.
  auto st = db_->Prepare("SELECT DISTINCT author_key FROM listen_posts LIMIT 50");
  ASSERT_TRUE(st.ok());
  while (*(*st)->Step()) {
    std::string key((*st)->ColumnText(0));
    if (key.size() >= 8) {
      EXPECT_EQ(html.find(key), std::string::npos) << key;
    }
  }
}

TEST_F(StudySampleTest, ReRunAnnotatesNothingNewAndOtherLanguages) {
  StudyRunOptions options;
  options.out_dir = (*dir_ / "report-kk").string();
  options.lang = "kk";
  options.topics = false;
  options.annotate.sentiment_model = "/nonexistent/sentiment.bin";
  Result<StudyRunReport> run = RunStudy(*db_, *study_, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->annotate.annotated, 0);
  EXPECT_EQ(run->annotate.already, first_->annotate.in_scope);
  EXPECT_EQ(run->annotate.fingerprint, first_->annotate.fingerprint);
  std::string html = ReadAll(options.out_dir + "/index.html");
  EXPECT_NE(html.find("репрезентативті көрінісі емес"), std::string::npos);
  EXPECT_NE(html.find("lang=\"kk\""), std::string::npos);
  auto again = nlohmann::json::parse(ReadAll(options.out_dir + "/results.json"));
  EXPECT_EQ(again["gender"], (*results_)["gender"]);
  EXPECT_EQ(again["regions"], (*results_)["regions"]);
}

// Annotation stopped between batches (Ctrl-C, a stopped job) keeps every batch it
// annotated, and the next run annotates only the rest: no post twice, none left out.
TEST_F(StudySampleTest, AnInterruptedAnnotationResumesWhereItStopped) {
  Study changed = *study_;  // another query text: another fingerprint, nothing annotated yet
  changed.subtopics[0].queries[0].expression += " OR resumetest";
  AnnotateOptions options;
  options.no_sentiment = true;
  options.batch_size = 100;
  std::atomic<bool> cancel{false};
  options.cancel = &cancel;
  std::vector<int64_t> progress;
  options.on_progress = [&](int64_t done, int64_t) {
    progress.push_back(done);
    if (done >= 300) cancel = true;
  };
  Result<Annotator> annotator = Annotator::Create(changed, options);
  ASSERT_TRUE(annotator.ok()) << annotator.status().ToString();
  ASSERT_NE(annotator->fingerprint(), first_->annotate.fingerprint);
  auto rows = [&] {
    return Scalar("SELECT COUNT(*) FROM listen_annotations WHERE fingerprint = $1",
                  {annotator->fingerprint()});
  };

  Result<AnnotateReport> stopped = AnnotateStudy(*db_, changed, *annotator, options);
  ASSERT_TRUE(stopped.ok()) << stopped.status().ToString();
  EXPECT_TRUE(stopped->cancelled);
  EXPECT_GE(stopped->annotated, 300);
  EXPECT_LT(stopped->annotated, stopped->in_scope);
  EXPECT_EQ(rows(), stopped->annotated);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), stopped->annotated);
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));

  options.cancel = nullptr;
  Result<AnnotateReport> rest = AnnotateStudy(*db_, changed, *annotator, options);
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_FALSE(rest->cancelled);
  EXPECT_EQ(rest->already, stopped->annotated);
  EXPECT_EQ(rest->annotated, rest->in_scope - stopped->annotated);
  EXPECT_EQ(rows(), rest->in_scope);
  EXPECT_EQ(progress.back(), rest->in_scope);
}

// Counting a post as it is annotated (its terms from the annotation's tokens)
// gives the same counts as counting the stored annotations, text tokenized again.
TEST_F(StudySampleTest, CountingWhileAnnotatingEqualsCountingWhatWasStored) {
  Study changed = *study_;  // another fingerprint: nothing annotated yet
  changed.subtopics[0].queries[0].expression += " OR passtest";
  AnnotateOptions annotate;
  annotate.no_sentiment = true;
  annotate.batch_size = 250;
  Result<Annotator> annotator = Annotator::Create(changed, annotate);
  ASSERT_TRUE(annotator.ok()) << annotator.status().ToString();
  StudyPassOptions pass;
  pass.annotator = &*annotator;
  pass.count = true;
  pass.keep_documents = true;
  pass.annotate = annotate;

  Result<StudyPassResult> fresh = RunStudyPass(*db_, changed, pass);
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  EXPECT_EQ(fresh->annotate.annotated, fresh->annotate.in_scope);
  EXPECT_EQ(fresh->counts.Get("all:posts", ""), fresh->annotate.in_scope);
  EXPECT_GT(fresh->counts.Get("orig:term_total", "sub") + fresh->counts.Get("orig:term_total", "rest"), 10000);

  Result<StudyCounts> stored = CountStudy(*db_, changed, annotator->fingerprint());
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(fresh->counts, *stored);

  Result<StudyPassResult> again = RunStudyPass(*db_, changed, pass);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->annotate.annotated, 0);
  EXPECT_EQ(again->annotate.already, fresh->annotate.in_scope);
  EXPECT_EQ(again->counts, fresh->counts);
  ASSERT_EQ(again->documents.size(), fresh->documents.size());
  EXPECT_EQ(static_cast<int64_t>(fresh->documents.size()), fresh->counts.Get("orig:posts", ""));
  for (size_t i = 0; i < fresh->documents.size(); ++i) {
    EXPECT_EQ(again->documents[i].terms, fresh->documents[i].terms) << i;
    EXPECT_EQ(again->documents[i].month, fresh->documents[i].month) << i;
  }
}

TEST_F(StudySampleTest, CountsOfTwoHalvesMergeToTheWhole) {
  int64_t max_id = Scalar("SELECT MAX(id) FROM listen_posts");
  Result<StudyCounts> whole = CountStudy(*db_, *study_, first_->annotate.fingerprint);
  Result<StudyCounts> a = CountStudy(*db_, *study_, first_->annotate.fingerprint, {0, max_id / 2});
  Result<StudyCounts> b = CountStudy(*db_, *study_, first_->annotate.fingerprint, {max_id / 2 + 1, INT64_MAX});
  ASSERT_TRUE(whole.ok() && a.ok() && b.ok());
  StudyCounts merged = *a;
  merged.Merge(*b);
  EXPECT_EQ(merged, *whole);
  EXPECT_EQ(whole->Get("all:posts", ""), first_->posts);
}

// Run again on the same posts, compared with the first run: every share is
// where it was, and the report shows the comparison.
TEST_F(StudySampleTest, ARunComparedWithTheFirstShowsNoChangeOnTheSamePosts) {
  StudyRunOptions options;
  options.out_dir = (*dir_ / "report-compared").string();
  options.annotate.sentiment_model = "/nonexistent/sentiment.bin";
  options.topics = false;
  options.compare_with = (*dir_ / "report").string();
  Result<StudyRunReport> run = RunStudy(*db_, *study_, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  nlohmann::json results = nlohmann::json::parse(ReadAll(options.out_dir + "/results.json"));
  const nlohmann::json& comparison = results["comparison"];
  EXPECT_TRUE(comparison["previous"]["same_fingerprint"].get<bool>());
  EXPECT_EQ(comparison["previous"]["original_posts"], first_->original_posts);
  ASSERT_GT(comparison["rows"].size(), 20u);
  for (const nlohmann::json& row : comparison["rows"]) {
    EXPECT_EQ(row["previous"], row["now"]) << row.dump();
    EXPECT_EQ(row["change_points"].get<double>(), 0.0) << row.dump();
    EXPECT_FALSE(row["significant"].get<bool>());
  }
  std::string html = ReadAll(options.out_dir + "/index.html");
  EXPECT_NE(html.find("Change since the previous run"), std::string::npos);
  EXPECT_TRUE(fs::exists(options.out_dir + "/csv/comparison.csv"));

  options.compare_with = (*dir_ / "no-such-report").string();
  Result<StudyRunReport> missing = RunStudy(*db_, *study_, options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no-such-report"), std::string::npos);
}

TEST_F(StudySampleTest, SearchKeywordInContext) {
  SearchOptions o;
  o.limit = 5;
  o.window_chars = 20;
  Result<std::vector<SearchHit>> hits = Search(*db_, "пандус*", o);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 5u);
  for (const SearchHit& h : *hits) {
    EXPECT_EQ(h.hit.rfind("пандус", 0) == 0 || h.hit.rfind("Пандус", 0) == 0, true) << h.hit;
    EXPECT_FALSE(h.author_key.empty());
    EXPECT_EQ(h.date.size(), 10u);
  }
  Result<std::vector<SearchHit>> bad = Search(*db_, "пандус AND", o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("column ", 0), 0u);
}

}  // namespace
}  // namespace tenlik::listen
