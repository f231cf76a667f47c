// Query validation: sampling hits, the labelling sheet, reading it back, labels in
// three languages, rejected rows, precision with its Wilson interval and staleness.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "listen/validate_internal.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

namespace fs = std::filesystem;
const std::string kData = std::string(TENLIK_SOURCE_DIR) + "/tests/data/listen/validate/";

TEST(ValidateTest, WilsonIntervalOfKnownValues) {
  // 8 of 10: the textbook 95 % Wilson interval [0.490, 0.943].
  auto [lo, hi] = Wilson(8, 10);
  EXPECT_NEAR(lo, 0.4902, 5e-4);
  EXPECT_NEAR(hi, 0.9433, 5e-4);
  auto [lo1, hi1] = Wilson(10, 10);
  EXPECT_NEAR(lo1, 0.7225, 5e-4);
  EXPECT_DOUBLE_EQ(hi1, 1.0);
}

TEST(ValidateTest, LabelsInThreeLanguages) {
  std::ifstream in(kData + "labels.tsv");
  ASSERT_TRUE(in) << kData + "labels.tsv";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.rfind('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string cell = line.substr(0, tab), expected = line.substr(tab + 1);
    std::optional<ValidationLabel> got = ParseValidationLabel(cell);
    std::string name = !got                                    ? "unknown"
                       : *got == ValidationLabel::kRelevant    ? "relevant"
                       : *got == ValidationLabel::kNotRelevant ? "not_relevant"
                                                               : "unlabelled";
    EXPECT_EQ(name, expected) << "cell '" << cell << "'";
    ++cases;
  }
  EXPECT_GE(cases, 30);
}

class ValidateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tenlik_validate_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::string store_path = (dir_ / "t.db").string();
    auto db = store::Connection::Open(store_path, true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Migrate(Migrations()).ok());
    ASSERT_TRUE(CreatePseudonymKey(KeyPathFor(store_path)).ok());
    IngestOptions o;
    o.corpus = "public";
    o.files = {kData + "posts.jsonl"};
    o.format = Format::kJsonl;
    o.key_path = KeyPathFor(store_path);
    o.rejects_path = RejectsPathFor(store_path);
    Result<IngestReport> r = Ingest(*db_, o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->total.stored, 14);
    ASSERT_EQ(r->total.near_duplicates, 0);
    Result<Study> s = LoadStudy(kData + "study.yaml");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    study_ = *s;
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  ValidationSample Sample(size_t n, uint64_t seed) {
    Result<ValidationSample> s =
        SampleQueryHits(*db_, study_, "ramps", {.sample = n, .seed = seed, .window_chars = 20});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : ValidationSample{};
  }

  // A labels workbook as a person would return it: the hidden sheet of `sample`
  // and the given rows (post id, query, label), written with libxlsxwriter in
  // constant-memory mode, so cells are inline strings rather than shared ones.
  std::string FilledSheet(const ValidationSample& sample,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::string& query_hash = "") {
    std::string path = (dir_ / "filled.xlsx").string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* labels = workbook_add_worksheet(wb, "разметка");
    lxw_worksheet* meta = workbook_add_worksheet(wb, "tenlik");
    worksheet_write_string(labels, 0, 0, "№ публикации", nullptr);
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      const lxw_row_t row = static_cast<lxw_row_t>(i + 1);
      char* end = nullptr;
      double id = std::strtod(r[0].c_str(), &end);
      if (!r[0].empty() && *end == '\0') {
        worksheet_write_number(labels, row, 0, id, nullptr);
      } else {
        worksheet_write_string(labels, row, 0, r[0].c_str(), nullptr);
      }
      worksheet_write_string(labels, row, 1, r[1].c_str(), nullptr);
      worksheet_write_string(labels, row, 2, "…text…", nullptr);
      if (!r[2].empty()) worksheet_write_string(labels, row, 4, r[2].c_str(), nullptr);
    }
    const std::vector<std::pair<std::string, std::string>> keys = {
        {"format", "1"},
        {"study", sample.study},
        {"query", sample.query_id},
        {"query_hash", query_hash.empty() ? sample.query_hash : query_hash},
        {"labels_sheet", "разметка"}};
    for (size_t i = 0; i < keys.size(); ++i) {
      worksheet_write_string(meta, static_cast<lxw_row_t>(i), 0, keys[i].first.c_str(), nullptr);
      worksheet_write_string(meta, static_cast<lxw_row_t>(i), 1, keys[i].second.c_str(), nullptr);
    }
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return path;
  }

  fs::path dir_;
  std::unique_ptr<store::Connection> db_;
  Study study_;
};

TEST_F(ValidateStoreTest, SampleIsReproducibleAndWithinScope) {
  ValidationSample all = Sample(100, 1);
  // 11 posts of 2025 name ramps; the 2024 one is outside the period.
  EXPECT_EQ(all.hits, 11);
  ASSERT_EQ(all.items.size(), 11u);
  EXPECT_EQ(all.query_hash, QueryTextHash("пандус* OR ramp*"));
  for (const ValidationItem& item : all.items) {
    EXPECT_FALSE(item.hit.empty()) << item.post_id;
    EXPECT_TRUE(
        item.hit.find("andus") != std::string::npos || item.hit.find("амп") != std::string::npos ||
        item.hit.find("ramp") != std::string::npos || item.hit.find("андус") != std::string::npos)
        << item.hit;
    EXPECT_NE(item.date.substr(0, 4), "2024");
  }
  ValidationSample a = Sample(4, 7), b = Sample(4, 7), small = Sample(2, 7), other = Sample(4, 8);
  ASSERT_EQ(a.items.size(), 4u);
  EXPECT_EQ(a.hits, 11);
  std::set<int64_t> ids_a, ids_b, ids_small, ids_other;
  for (const auto& i : a.items) ids_a.insert(i.post_id);
  for (const auto& i : b.items) ids_b.insert(i.post_id);
  for (const auto& i : small.items) ids_small.insert(i.post_id);
  for (const auto& i : other.items) ids_other.insert(i.post_id);
  EXPECT_EQ(ids_a, ids_b);
  for (int64_t id : ids_small)
    EXPECT_TRUE(ids_a.contains(id)) << "a larger sample contains a smaller one";
  EXPECT_NE(ids_a, ids_other) << "another seed draws another sample";
}

TEST_F(ValidateStoreTest, UnknownQueryNamesTheStudysQueries) {
  Result<ValidationSample> s = SampleQueryHits(*db_, study_, "lifts", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("ramps, tutors"), std::string::npos) << s.status().message();
}

TEST_F(ValidateStoreTest, SheetReadsBack) {
  ValidationSample sample = Sample(5, 1);
  std::string path = (dir_ / "sheet.xlsx").string();
  ASSERT_TRUE(WriteValidationSheet(study_, sample, "kk", path).ok());
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  Result<std::map<std::string, XlsxSheet>> sheets = ReadXlsx(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_TRUE(sheets->contains("белгілеу")) << "labels sheet named in Kazakh";
  ASSERT_TRUE(sheets->contains("нұсқаулық"));
  ASSERT_TRUE(sheets->contains("tenlik"));
  const XlsxSheet& labels = sheets->at("белгілеу");
  ASSERT_EQ(labels.size(), 6u);  // header + 5 posts
  EXPECT_EQ(labels[0].cells[kColumnLabel], "белгі");
  for (size_t i = 0; i < 5; ++i) {
    const XlsxRow& row = labels[i + 1];
    EXPECT_EQ(row.number, static_cast<int64_t>(i + 2));
    EXPECT_EQ(row.cells[kColumnPostId], std::to_string(sample.items[i].post_id));
    EXPECT_EQ(row.cells[kColumnQuery], "ramps");
    const ValidationItem& item = sample.items[i];
    EXPECT_EQ(row.cells[kColumnText], item.before + item.hit + item.after)
        << "rich text reads back whole";
    EXPECT_EQ(row.cells[kColumnLang], item.lang);
    EXPECT_LE(row.cells.size(), kColumnLabel) << "the label column starts empty";
  }
  std::map<std::string, std::string> meta;
  for (const XlsxRow& row : sheets->at("tenlik")) meta[row.cells[0]] = row.cells[1];
  EXPECT_EQ(meta["query_hash"], sample.query_hash);
  EXPECT_EQ(meta["study"], "Validation test study");
  EXPECT_EQ(meta["labels_sheet"], "белгілеу");
}

TEST_F(ValidateStoreTest, NotAWorkbook) {
  Result<std::map<std::string, XlsxSheet>> missing = ReadXlsx((dir_ / "none.xlsx").string());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  Result<std::map<std::string, XlsxSheet>> text = ReadXlsx(kData + "study.yaml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(text.status().message().find("study.yaml: not an XLSX workbook"), std::string::npos)
      << text.status().message();
}

TEST_F(ValidateStoreTest, ImportComputesPrecisionAndRejectsBadRows) {
  ValidationSample sample = Sample(100, 1);
  ASSERT_EQ(sample.items.size(), 11u);
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> labels = {"релевантно",    "relevant", "қатысты",  "1",
                                           "yes",           "да",       "Relevant", "иә",
                                           "не релевантно", "0",        ""};
  for (size_t i = 0; i < 11; ++i)
    rows.push_back({std::to_string(sample.items[i].post_id), "ramps", labels[i]});
  rows.push_back({"abc", "ramps", "relevant"});
  rows.push_back({"999999", "ramps", "relevant"});
  rows.push_back({std::to_string(sample.items[0].post_id), "ramps", "0"});
  rows.push_back({std::to_string(sample.items[1].post_id), "tutors", "relevant"});
  rows.push_back({std::to_string(sample.items[2].post_id), "ramps", "maybe"});
  std::string path = FilledSheet(sample, rows);

  Result<ValidationImport> r =
      ImportValidationSheet(*db_, study_, "ramps", path, {.now = 1767225600});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows, 16);
  EXPECT_EQ(r->relevant, 8);
  EXPECT_EQ(r->not_relevant, 2);
  EXPECT_EQ(r->unlabelled, 1);
  ASSERT_EQ(r->rejects.size(), 5u);
  const std::vector<std::pair<int64_t, std::string>> expected = {
      {13, "expected a post id (a whole number), found 'abc'"},
      {14, "post id 999999 is not in the store"},
      {15, "is given twice"},
      {16, "expected the query 'ramps', found 'tutors'"},
      {17, "unknown label 'maybe'"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r->rejects[i].file, path);
    EXPECT_EQ(r->rejects[i].line, expected[i].first) << "spreadsheet row";
    EXPECT_NE(r->rejects[i].reason.find(expected[i].second), std::string::npos)
        << r->rejects[i].reason;
  }
  const QueryValidation& v = r->validation;
  EXPECT_EQ(v.relevant, 8);
  EXPECT_EQ(v.labelled, 10);
  EXPECT_EQ(v.unlabelled, 1);
  EXPECT_DOUBLE_EQ(v.precision, 0.8);
  EXPECT_NEAR(v.low, 0.490, 1e-3);
  EXPECT_NEAR(v.high, 0.943, 1e-3);
  EXPECT_EQ(v.validated_on, "2026-01-01");
  EXPECT_FALSE(v.stale);

  // A second sheet: a blank label keeps the earlier one; a given one replaces it.
  std::string again =
      FilledSheet(sample, {{std::to_string(sample.items[0].post_id), "ramps", ""},
                           {std::to_string(sample.items[1].post_id), "ramps", "not relevant"},
                           {std::to_string(sample.items[10].post_id), "ramps", "relevant"}});
  Result<ValidationImport> r2 =
      ImportValidationSheet(*db_, study_, "ramps", again, {.now = 1767312000});
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_TRUE(r2->rejects.empty());
  EXPECT_EQ(r2->validation.relevant, 8);  // -1 (item 1) +1 (item 10)
  EXPECT_EQ(r2->validation.labelled, 11);
  EXPECT_EQ(r2->validation.unlabelled, 0);
  EXPECT_EQ(r2->validation.validated_on, "2026-01-02");

  Result<std::map<std::string, QueryValidation>> all = LoadQueryValidations(*db_, study_);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_TRUE(all->contains("ramps"));
  EXPECT_FALSE(all->contains("tutors"));
  EXPECT_FALSE(all->at("ramps").stale);

  // The query's text changes: its old precision is still shown, marked stale.
  Study changed = study_;
  changed.subtopics[0].queries[0].expression = "пандус*";
  Result<std::map<std::string, QueryValidation>> stale = LoadQueryValidations(*db_, changed);
  ASSERT_TRUE(stale.ok());
  ASSERT_TRUE(stale->contains("ramps"));
  EXPECT_TRUE(stale->at("ramps").stale);
  EXPECT_EQ(stale->at("ramps").labelled, 11);
}

TEST_F(ValidateStoreTest, SheetOfAnotherQueryOrStudyIsRefused) {
  ValidationSample sample = Sample(3, 1);
  std::string path =
      FilledSheet(sample, {{std::to_string(sample.items[0].post_id), "ramps", "relevant"}});
  Result<ValidationImport> other_query = ImportValidationSheet(*db_, study_, "tutors", path, {});
  ASSERT_FALSE(other_query.ok());
  EXPECT_EQ(other_query.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(other_query.status().message().find("made for the query 'ramps', not 'tutors'"),
            std::string::npos);
  Study renamed = study_;
  renamed.name.en = "Another study";
  Result<ValidationImport> other_study = ImportValidationSheet(*db_, renamed, "ramps", path, {});
  ASSERT_FALSE(other_study.ok());
  EXPECT_NE(other_study.status().message().find("made for the study 'Validation test study'"),
            std::string::npos);
}

TEST_F(ValidateStoreTest, LabelsOfAnOldQueryTextAreStale) {
  ValidationSample sample = Sample(3, 1);
  std::string path =
      FilledSheet(sample, {{std::to_string(sample.items[0].post_id), "ramps", "relevant"}},
                  QueryTextHash("ramp*"));
  Result<ValidationImport> r = ImportValidationSheet(*db_, study_, "ramps", path, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->validation.stale);
  EXPECT_EQ(r->validation.labelled, 1);
}

TEST_F(ValidateStoreTest, LabelsSetOneAtATimeGiveTheSheetsPrecision) {
  ValidationSample sample = Sample(100, 1);
  ASSERT_EQ(sample.items.size(), 11u);
  // The labels of ImportComputesPrecisionAndRejectsBadRows: 8 relevant, 2 not, 1 blank.
  const std::vector<ValidationLabel> labels = {
      ValidationLabel::kRelevant,    ValidationLabel::kRelevant,  ValidationLabel::kRelevant,
      ValidationLabel::kRelevant,    ValidationLabel::kRelevant,  ValidationLabel::kRelevant,
      ValidationLabel::kRelevant,    ValidationLabel::kRelevant,  ValidationLabel::kNotRelevant,
      ValidationLabel::kNotRelevant, ValidationLabel::kUnlabelled};
  QueryValidation v;
  for (size_t i = 0; i < labels.size(); ++i) {
    Result<QueryValidation> r = SetValidationLabel(*db_, study_, "ramps", sample.items[i].post_id,
                                                   labels[i], {.now = 1767225600, .source = "t"});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    v = *r;
  }
  EXPECT_EQ(v.relevant, 8);
  EXPECT_EQ(v.labelled, 10);
  EXPECT_EQ(v.unlabelled, 0) << "a cleared label is not stored";
  EXPECT_DOUBLE_EQ(v.precision, 0.8);
  EXPECT_NEAR(v.low, 0.490, 1e-3);
  EXPECT_NEAR(v.high, 0.943, 1e-3);
  EXPECT_EQ(v.validated_on, "2026-01-01");

  Result<std::map<int64_t, ValidationLabel>> stored = LoadValidationLabels(*db_, study_, "ramps");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->size(), 10u);
  EXPECT_EQ(stored->at(sample.items[8].post_id), ValidationLabel::kNotRelevant);
  EXPECT_FALSE(stored->contains(sample.items[10].post_id));

  // Relabelling replaces; clearing removes.
  Result<QueryValidation> changed = SetValidationLabel(
      *db_, study_, "ramps", sample.items[0].post_id, ValidationLabel::kNotRelevant, {});
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->relevant, 7);
  EXPECT_EQ(changed->labelled, 10);
  Result<QueryValidation> cleared = SetValidationLabel(
      *db_, study_, "ramps", sample.items[0].post_id, ValidationLabel::kUnlabelled, {});
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->labelled, 9);

  // A blank sheet row after that does not undo a label given one at a time.
  std::string path = FilledSheet(sample, {{std::to_string(sample.items[1].post_id), "ramps", ""}});
  Result<ValidationImport> sheet = ImportValidationSheet(*db_, study_, "ramps", path, {});
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->validation.relevant, 7);
  EXPECT_EQ(sheet->validation.labelled, 9);
}

TEST_F(ValidateStoreTest, OnlyHitsInScopeCanBeLabelled) {
  Result<std::vector<SearchHit>> old = Search(*db_, "вокзала", {});
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old->size(), 1u);  // the 2024 post: outside the study's period
  for (int64_t post_id : {old->front().post_id, int64_t{999999}}) {
    Result<QueryValidation> r =
        SetValidationLabel(*db_, study_, "ramps", post_id, ValidationLabel::kRelevant, {});
    ASSERT_FALSE(r.ok()) << post_id;
    EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  }
  ValidationSample ramps = Sample(1, 1);
  ASSERT_EQ(ramps.items.size(), 1u);
  Result<QueryValidation> other_query = SetValidationLabel(
      *db_, study_, "tutors", ramps.items[0].post_id, ValidationLabel::kRelevant, {});
  EXPECT_EQ(other_query.status().code(), StatusCode::kNotFound) << "a ramps post is no tutors hit";
  EXPECT_EQ(LoadValidationLabels(*db_, study_, "lifts").status().code(), StatusCode::kNotFound);
  Result<std::map<std::string, QueryValidation>> all = LoadQueryValidations(*db_, study_);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << "nothing was stored";
}

TEST_F(ValidateStoreTest, CountOfHitsIsWhatSearchFinds) {
  Result<HitCount> count = CountQueryHits(*db_, "пандус* OR ramp*");
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(count->hits, 12) << "11 posts of 2025 and the one of 2024";
  EXPECT_FALSE(count->estimated);
  EXPECT_EQ(count->scanned, count->posts);
  Result<std::vector<SearchHit>> hits = Search(*db_, "пандус* OR ramp*", {.limit = 100});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(static_cast<int64_t>(hits->size()), count->hits);
  EXPECT_EQ(CountQueryHits(*db_, "тьютор* lang:en")->hits, 0);
  Result<HitCount> broken = CountQueryHits(*db_, "пандус AND");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(broken.status().message().rfind("column ", 0), 0u) << broken.status().message();
}

TEST_F(ValidateStoreTest, CountOfALargeStoreIsEstimatedFromASample) {
  Result<HitCount> exact = CountQueryHits(*db_, "пандус* OR ramp*");
  ASSERT_TRUE(exact.ok());
  ASSERT_GT(exact->posts, 8);
  Result<HitCount> sampled = CountQueryHits(*db_, "пандус* OR ramp*", {.max_scan = 4});
  ASSERT_TRUE(sampled.ok()) << sampled.status().ToString();
  EXPECT_TRUE(sampled->estimated);
  EXPECT_EQ(sampled->posts, exact->posts);
  EXPECT_GT(sampled->scanned, 0);
  EXPECT_LE(sampled->scanned, 4);
  EXPECT_GE(sampled->hits, 0);
  EXPECT_LE(sampled->hits, exact->posts);
  EXPECT_EQ(CountQueryHits(*db_, "зззнетслова", {.max_scan = 4})->hits, 0);
  Result<HitCount> roomy = CountQueryHits(*db_, "пандус* OR ramp*", {.max_scan = exact->posts});
  ASSERT_TRUE(roomy.ok());
  EXPECT_FALSE(roomy->estimated) << "a sample as large as the store is the store";
  EXPECT_EQ(roomy->hits, exact->hits);
}

TEST_F(ValidateStoreTest, StoredPostIsPseudonymisedAndComplete) {
  Result<std::vector<SearchHit>> hits = Search(*db_, "вокзала", {});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  Result<StoredPost> post = LoadStoredPost(*db_, hits->front().post_id);
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->id, hits->front().post_id);
  EXPECT_EQ(post->text, "Старый пост про пандус у вокзала, 2024 год.");
  EXPECT_EQ(post->author_key, hits->front().author_key);
  EXPECT_NE(post->author_key, "user9") << "people are pseudonymised";
  EXPECT_EQ(post->author_type, "person");
  EXPECT_EQ(post->corpus, "public");
  EXPECT_EQ(post->platform, "telegram");
  EXPECT_EQ(post->lang, "ru");
  EXPECT_EQ(post->published_at, 1714885200);  // 2024-05-05T10:00:00+05:00
  EXPECT_FALSE(post->region.has_value());
  EXPECT_TRUE(post->url.empty());
  EXPECT_EQ(LoadStoredPost(*db_, 999999).status().code(), StatusCode::kNotFound);
}

TEST(ValidationJsonTest, TheShapeOfResultsJson) {
  QueryValidation v;
  v.query_id = "ramps";
  v.query_hash = "0123456789abcdef";
  v.relevant = 8;
  v.labelled = 10;
  v.unlabelled = 1;
  v.precision = 0.8;
  v.low = 0.49;
  v.high = 0.94;
  v.validated_on = "2026-01-01";
  v.stale = true;
  EXPECT_EQ(
      ValidationJson(v).dump(),
      R"({"high":0.94,"labelled":10,"low":0.49,"precision":0.8,"query_hash":"0123456789abcdef",)"
      R"("relevant":8,"stale":true,"unlabelled":1,"validated_on":"2026-01-01"})");
}

}  // namespace
}  // namespace tenlik::listen
