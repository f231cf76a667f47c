// Query validation: sampling hits, the labelling sheet, reading it back, labels in
// three languages, rejected rows, precision with its Wilson interval and staleness.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
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

}  // namespace
}  // namespace tenlik::listen
