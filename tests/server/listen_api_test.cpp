// The listening endpoints on the bundled sample corpus: search, the query check,
// one post, and validating a study query (sample, labels, precision); hostile
// values in every parameter.
#include <xlsxwriter.h>

#include <set>

#include "geo/geo.h"
#include "listen/listen.h"
#include "sample_corpus.h"
#include "server_fixture.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;
const std::string kRoot = TENLIK_SOURCE_DIR;
const std::string kStudy = "/api/v1/studies/inclusive-education/queries/";
const std::string kQuery = "barriers-access";  // ramps, lifts: hits in every language

nlohmann::json Body(const httplib::Result& result) {
  return result ? nlohmann::json::parse(result->body, nullptr, false) : nlohmann::json();
}

class ListenApiTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    IngestSample(*db_, store_);
    Start([](Options& o) { o.studies_dir = kRoot + "/data/studies"; });
    analyst_ = LogIn("analyst");
    ASSERT_EQ(analyst_.status, 201);
    auto study = listen::LoadStudy(kRoot + "/data/studies/inclusive-education.yaml");
    ASSERT_TRUE(study.ok()) << study.status().ToString();
    study_ = *study;
  }

  httplib::Result Get(const std::string& path, const httplib::Params& params = {},
                      const std::string& lang = "en") {
    httplib::Headers headers = Auth(analyst_);
    headers.emplace("Accept-Language", lang);
    return Client().Get(path, params, headers);
  }
  httplib::Result PutLabel(const std::string& path, const nlohmann::json& body) {
    return Client().Put(path, Auth(analyst_), body.dump(), "application/json");
  }
  int64_t PostCount() {
    auto stats = listen::ComputeStats(*db_);
    return stats.ok() ? stats->posts : -1;
  }

  Login analyst_;
  listen::Study study_;
};

TEST_F(ListenApiTest, SearchShowsTheKeywordInContextOfWhatListenFinds) {
  auto res = Get("/api/v1/search", {{"q", "пандус* OR ramp*"}, {"limit", "7"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json hits = Body(res)["hits"];
  ASSERT_EQ(hits.size(), 7u);
  auto direct = listen::Search(*db_, "пандус* OR ramp*", {.limit = 7});
  ASSERT_TRUE(direct.ok());
  for (size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(hits[i]["post_id"], (*direct)[i].post_id);
    EXPECT_EQ(hits[i]["author_key"], (*direct)[i].author_key);
    EXPECT_EQ(hits[i]["hit"], (*direct)[i].hit);
    EXPECT_FALSE(hits[i]["hit"].get<std::string>().empty());
    for (const char* key : {"date", "platform", "corpus", "before", "after"}) {
      EXPECT_TRUE(hits[i][key].is_string()) << key;
    }
  }
  EXPECT_EQ(Body(Get("/api/v1/search", {{"q", "пандус*"}}))["hits"].size(),
            std::min<size_t>(20, listen::Search(*db_, "пандус*", {.limit = 200})->size()))
      << "20 by default";
}

TEST_F(ListenApiTest, AQueryThatDoesNotParseSaysWhereInTheUsersLanguage) {
  const std::string broken = "пандус AND";
  ASSERT_EQ(listen::Search(*db_, broken, {}).status().code(), StatusCode::kInvalidArgument);
  const nlohmann::json sentences = {
      {"en", "Column 11: expected a term or '(' after AND"},
      {"ru", "Столбец 11: после AND ожидался термин или '('"},
      {"kk", "Баған 11: AND операторынан кейін термин немесе '(' күтілген еді"}};
  const nlohmann::json detail = {{"column", 11},          {"reason", "missing_operand"},
                                 {"expected", "operand"}, {"found", {{"kind", "end"}}},
                                 {"token", "AND"},        {"message", sentences}};
  for (const auto& [lang, words] :
       std::vector<std::pair<std::string, std::string>>{{"en", "The query is not valid. "},
                                                        {"ru", "Запрос составлен неверно. "},
                                                        {"kk", "Сұраныс қате құрылған. "}}) {
    const std::string message = words + sentences[lang].get<std::string>();
    auto res = Get("/api/v1/search", {{"q", broken}}, lang);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(ErrorCode(res), "invalid_query");
    nlohmann::json error = Body(res)["error"];
    EXPECT_EQ(error["field"], "q");
    EXPECT_EQ(error["column"], 11);
    EXPECT_EQ(error["message"], message) << lang;
    EXPECT_EQ(error["detail"], detail) << lang;

    auto check = Get("/api/v1/query/check", {{"q", broken}}, lang);
    ASSERT_TRUE(check);
    EXPECT_EQ(check->status, 200);
    EXPECT_EQ(Body(check),
              (nlohmann::json{
                  {"valid", false}, {"column", 11}, {"message", message}, {"detail", detail}}));
  }
}

// What was found is the text at the column when the parser did not name a token.
TEST_F(ListenApiTest, AnInvalidQuerysDetailSaysWhatWasFound) {
  struct Case {
    std::string query;
    int column;
    std::string reason, expected;
    nlohmann::json found;
  };
  for (const Case& c : std::vector<Case>{
           {"пандус мектеп)",
            14,
            "unmatched_parenthesis",
            "operator_or_end",
            {{"kind", "text"}, {"text", ")"}}},
           {"(пандус", 8, "unclosed_parenthesis", "close_parenthesis", {{"kind", "end"}}},
           {"инк*люзия AND x",
            4,
            "misplaced_star",
            "word_end",
            {{"kind", "text"}, {"text", "*люзия"}}},
           {"пандус NEAR мектеп", 12, "near_without_number", "distance", {{"kind", "space"}}},
           {"lang:xx пандус",
            6,
            "bad_language_code",
            "field_value",
            {{"kind", "text"}, {"text", "xx"}}},
       }) {
    auto check = Get("/api/v1/query/check", {{"q", c.query}}, "ru");
    ASSERT_TRUE(check);
    nlohmann::json detail = Body(check)["detail"];
    EXPECT_EQ(detail["column"], c.column) << c.query;
    EXPECT_EQ(detail["reason"], c.reason) << c.query;
    EXPECT_EQ(detail["expected"], c.expected) << c.query;
    EXPECT_EQ(detail["found"], c.found) << c.query;
    for (const char* lang : {"kk", "ru", "en"}) {
      EXPECT_EQ(detail["message"][lang].get<std::string>().find(
                    (lang == std::string("kk")   ? "Баған "
                     : lang == std::string("ru") ? "Столбец "
                                                 : "Column ") +
                    std::to_string(c.column) + ": "),
                0u)
          << c.query << " " << lang;
    }
    EXPECT_NE(detail["message"]["kk"], detail["message"]["ru"]) << c.query;
    EXPECT_NE(detail["message"]["ru"], detail["message"]["en"]) << c.query;
  }
}

TEST_F(ListenApiTest, QueryCheckExplainsAndCountsEveryMatchingPost) {
  const std::string q = "инклюзи* lang:ru";
  auto res = Get("/api/v1/query/check", {{"q", q}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json body = Body(res);
  EXPECT_EQ(body["valid"], true);
  EXPECT_NE(body["explain"].get<std::string>().find("FIELD lang = \"ru\""), std::string::npos)
      << body["explain"];
  auto count = listen::CountQueryHits(*db_, q);
  ASSERT_TRUE(count.ok());
  EXPECT_GT(count->hits, 20) << "more than one page of search";
  EXPECT_EQ(body["hits"], count->hits);
  EXPECT_EQ(body["estimated"], false) << "the sample store is smaller than the check's sample";
  EXPECT_EQ(body["posts"], count->posts);
  EXPECT_EQ(Body(Get("/api/v1/query/check", {{"q", "зззнетслова"}}))["hits"], 0);
}

TEST_F(ListenApiTest, APostIsItsStoredTextWithoutTheRawRecordOrAPersonsAddress) {
  auto hits = listen::Search(*db_, "пандус*", {.limit = 1});
  ASSERT_TRUE(hits.ok() && hits->size() == 1);
  const int64_t id = hits->front().post_id;
  auto res = Get("/api/v1/posts/" + std::to_string(id));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json post = Body(res);
  auto stored = listen::LoadStoredPost(*db_, id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(post["id"], id);
  EXPECT_EQ(post["text"], stored->text);
  EXPECT_EQ(post["author_key"], hits->front().author_key);
  EXPECT_FALSE(post.contains("raw"));
  for (const char* key : {"corpus", "platform", "channel", "author_type", "published_at", "lang",
                          "region", "engagement", "reply_to", "url"}) {
    EXPECT_TRUE(post.contains(key)) << key;
  }

  // People's posts never carry their address; organisations' keep theirs.
  auto st =
      db_->Prepare("SELECT id, author_type, url FROM listen_posts WHERE url <> '' ORDER BY id");
  ASSERT_TRUE(st.ok());
  int people = 0, organisations = 0;
  while (*(*st)->Step()) {
    const int64_t post_id = (*st)->ColumnInt(0);
    const std::string type((*st)->ColumnText(1)), url((*st)->ColumnText(2));
    if ((type == "person" && people++ > 2) || (type != "person" && organisations++ > 2)) continue;
    nlohmann::json shown = Body(Get("/api/v1/posts/" + std::to_string(post_id)));
    if (type == "person") {
      EXPECT_TRUE(shown["url"].is_null()) << post_id;
      EXPECT_EQ(shown.dump().find(url), std::string::npos) << post_id;
    } else {
      EXPECT_EQ(shown["url"], url) << post_id;
    }
  }
  EXPECT_GT(people, 0);
  EXPECT_GT(organisations, 0);

  // The forum's city hints become the ISO codes of their regions.
  auto gazetteer = geo::Gazetteer::Load(*geo::DefaultGazetteerDir());
  ASSERT_TRUE(gazetteer.ok());
  auto placed = db_->Prepare("SELECT id, place FROM listen_posts WHERE place <> '' ORDER BY id");
  ASSERT_TRUE(placed.ok());
  int resolved = 0;
  for (int shown = 0; shown < 10 && *(*placed)->Step(); ++shown) {
    std::optional<std::string> region = gazetteer->ResolvePlaceHint((*placed)->ColumnText(1));
    resolved += region.has_value();
    EXPECT_EQ(Body(Get("/api/v1/posts/" + std::to_string((*placed)->ColumnInt(0))))["region"],
              region ? nlohmann::json(*region) : nlohmann::json(nullptr));
  }
  EXPECT_GT(resolved, 0);
  for (const std::string bad : {"999999", "0", "-1", "abc", "1.5", "99999999999999999999"}) {
    auto missing = Get("/api/v1/posts/" + bad);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404) << bad;
    EXPECT_EQ(ErrorCode(missing), "post_not_found") << bad;
  }
}

TEST_F(ListenApiTest, LabellingASampleInTheBrowser) {
  const std::string base = kStudy + kQuery;
  auto none = Get(base + "/validation");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(ErrorCode(none), "not_validated");

  auto res = Get(base + "/sample", {{"size", "6"}, {"seed", "3"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  nlohmann::json sample = Body(res);
  auto direct = listen::SampleQueryHits(*db_, study_, kQuery, {.sample = 6, .seed = 3});
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(sample["query_id"], kQuery);
  EXPECT_EQ(sample["query_hash"], direct->query_hash);
  EXPECT_EQ(sample["expression"], direct->query_expression);
  EXPECT_EQ(sample["hits"], direct->hits);
  EXPECT_EQ(sample["seed"], 3);
  EXPECT_TRUE(sample["validation"].is_null());
  ASSERT_EQ(sample["items"].size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(sample["items"][i]["post_id"], direct->items[i].post_id);
    EXPECT_EQ(sample["items"][i]["hit"], direct->items[i].hit);
    EXPECT_TRUE(sample["items"][i]["label"].is_null());
  }

  auto label = [&](size_t i, const nlohmann::json& value) {
    return PutLabel(base + "/labels/" + sample["items"][i]["post_id"].dump(),
                    {{"label", value}, {"seed", 3}});
  };
  for (size_t i = 0; i < 6; ++i) {
    auto put = label(i, i < 4 ? "relevant" : "not_relevant");
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 200) << put->body;
  }
  auto cleared = label(5, nullptr);
  ASSERT_TRUE(cleared);
  ASSERT_EQ(cleared->status, 200);
  nlohmann::json validation = Body(cleared)["validation"];
  EXPECT_EQ(validation["query_id"], kQuery);
  EXPECT_EQ(validation["relevant"], 4);
  EXPECT_EQ(validation["labelled"], 5);
  EXPECT_DOUBLE_EQ(validation["precision"].get<double>(), 0.8);
  EXPECT_EQ(validation["stale"], false);

  auto again = Body(Get(base + "/sample", {{"size", "6"}, {"seed", "3"}}));
  EXPECT_EQ(again["items"][0]["label"], "relevant");
  EXPECT_EQ(again["items"][4]["label"], "not_relevant");
  EXPECT_TRUE(again["items"][5]["label"].is_null());
  EXPECT_EQ(again["validation"], validation);
  auto shown = Get(base + "/validation");
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->status, 200);
  EXPECT_EQ(Body(shown), validation);

  // What is refused.
  auto maybe = label(0, "maybe");
  EXPECT_EQ(maybe->status, 400);
  EXPECT_EQ(ErrorCode(maybe), "invalid_field");
  EXPECT_EQ(Body(maybe)["error"]["field"], "label");
  auto no_label = PutLabel(base + "/labels/" + sample["items"][0]["post_id"].dump(), {{"seed", 3}});
  EXPECT_EQ(ErrorCode(no_label), "invalid_field");
  auto bad_seed = PutLabel(base + "/labels/" + sample["items"][0]["post_id"].dump(),
                           {{"label", "relevant"}, {"seed", "x"}});
  EXPECT_EQ(Body(bad_seed)["error"]["field"], "seed");
  auto tutors = listen::SampleQueryHits(*db_, study_, "barriers-bullying", {.sample = 50});
  ASSERT_TRUE(tutors.ok());
  std::set<int64_t> access_hits;
  auto all = listen::SampleQueryHits(*db_, study_, kQuery, {.sample = 100000});
  for (const auto& item : all->items) access_hits.insert(item.post_id);
  int64_t not_a_hit = 0;
  for (const auto& item : tutors->items) {
    if (!access_hits.contains(item.post_id)) not_a_hit = item.post_id;
  }
  ASSERT_NE(not_a_hit, 0);
  for (const std::string& post :
       {std::to_string(not_a_hit), std::string("999999"), std::string("x")}) {
    auto refused = PutLabel(base + "/labels/" + post, {{"label", "relevant"}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 404) << post;
    EXPECT_EQ(ErrorCode(refused), "not_a_hit") << post;
  }
  EXPECT_EQ(ErrorCode(Get("/api/v1/studies/nope/queries/" + kQuery + "/sample")),
            "study_not_found");
  EXPECT_EQ(ErrorCode(Get(kStudy + "nope/sample")), "query_not_found");
  EXPECT_EQ(ErrorCode(Get(kStudy + "nope/validation")), "query_not_found");
  EXPECT_EQ(Body(Get(base + "/validation")), validation) << "refusals stored nothing";

  // A viewer may look but not label.
  Login viewer = LogIn("viewer");
  auto looked = Client().Get(base + "/validation", Auth(viewer));
  EXPECT_EQ(looked->status, 200);
  auto labelled = Client().Put(base + "/labels/" + sample["items"][0]["post_id"].dump(),
                               Auth(viewer), R"({"label":"not_relevant"})", "application/json");
  EXPECT_EQ(labelled->status, 403);
}

// A labels workbook as a person returns it (see tests/listen/validate_test.cpp).
std::string FilledSheet(const std::string& path, const listen::ValidationSample& sample,
                        const std::string& study_key, const std::vector<std::string>& labels) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "labels");
  lxw_worksheet* meta = workbook_add_worksheet(wb, "tenlik");
  worksheet_write_string(sheet, 0, 0, "post", nullptr);
  for (size_t i = 0; i < labels.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_number(sheet, row, 0, static_cast<double>(sample.items[i].post_id), nullptr);
    worksheet_write_string(sheet, row, 1, sample.query_id.c_str(), nullptr);
    if (!labels[i].empty()) worksheet_write_string(sheet, row, 4, labels[i].c_str(), nullptr);
  }
  const std::vector<std::pair<std::string, std::string>> keys = {{"format", "1"},
                                                                 {"study", study_key},
                                                                 {"query", sample.query_id},
                                                                 {"query_hash", sample.query_hash},
                                                                 {"labels_sheet", "labels"}};
  for (size_t i = 0; i < keys.size(); ++i) {
    worksheet_write_string(meta, static_cast<lxw_row_t>(i), 0, keys[i].first.c_str(), nullptr);
    worksheet_write_string(meta, static_cast<lxw_row_t>(i), 1, keys[i].second.c_str(), nullptr);
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST_F(ListenApiTest, LabelsThroughTheApiGiveTheSheetsPrecision) {
  auto sample = listen::SampleQueryHits(*db_, study_, kQuery, {.sample = 15, .seed = 9});
  ASSERT_TRUE(sample.ok());
  ASSERT_EQ(sample->items.size(), 15u);
  std::vector<std::string> labels;
  nlohmann::json api;
  for (size_t i = 0; i < 15; ++i) {
    const bool relevant = i % 3 != 0;
    labels.push_back(relevant ? "relevant" : "not relevant");
    auto put = PutLabel(kStudy + kQuery + "/labels/" + std::to_string(sample->items[i].post_id),
                        {{"label", relevant ? "relevant" : "not_relevant"}});
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 200) << put->body;
    api = Body(put)["validation"];
  }
  // The same labels from a sheet, under another study key so both are kept.
  listen::Study twin = study_;
  twin.name.en += " (sheet)";
  std::string path =
      FilledSheet((dir_ / "filled.xlsx").string(), *sample, listen::StudyKey(twin), labels);
  auto imported = listen::ImportValidationSheet(*db_, twin, kQuery, path, {});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_TRUE(imported->rejects.empty());
  const listen::QueryValidation& sheet = imported->validation;
  EXPECT_EQ(api["relevant"], sheet.relevant);
  EXPECT_EQ(api["labelled"], sheet.labelled);
  EXPECT_EQ(api["relevant"], 10);
  EXPECT_EQ(api["labelled"], 15);
  EXPECT_DOUBLE_EQ(api["precision"].get<double>(), sheet.precision);
  EXPECT_DOUBLE_EQ(api["low"].get<double>(), sheet.low);
  EXPECT_DOUBLE_EQ(api["high"].get<double>(), sheet.high);
  EXPECT_EQ(api["query_hash"], sheet.query_hash);
}

TEST_F(ListenApiTest, HostileValuesGetCleanRefusalsOrNothing) {
  const int64_t posts = PostCount();
  ASSERT_GT(posts, 1000);
  const std::vector<std::string> hostile = {"' OR '1'='1",
                                            "1; DROP TABLE listen_posts; --",
                                            "1 UNION SELECT raw FROM listen_posts",
                                            "../../etc/passwd",
                                            "..%2F..%2Fetc%2Fpasswd",
                                            "..\\..\\windows",
                                            std::string("a\0b", 3),
                                            "%00",
                                            "\"",
                                            "{study}",
                                            std::string(5000, 'x'),
                                            "-1",
                                            "1e3"};
  auto clean = [](const httplib::Result& res, const std::string& what) {
    ASSERT_TRUE(res) << what;
    EXPECT_TRUE((res->status >= 400 && res->status < 500) || res->status == 200)
        << what << " -> " << res->status << " " << res->body;
    if (res->status >= 400) {
      EXPECT_FALSE(ErrorCode(res).empty()) << what << ": " << res->body;
    }
  };
  const std::string post =
      std::to_string(listen::Search(*db_, "пандус*", {.limit = 1})->front().post_id);
  for (const std::string& value : hostile) {
    const std::string shown = value.substr(0, 40);
    for (const char* key : {"q", "limit"}) {
      httplib::Params params = {{"q", "пандус*"}};
      params.erase(key);
      params.emplace(key, value);
      auto res = Get("/api/v1/search", params);
      clean(res, std::string("search ") + key + "=" + shown);
      // Any text is a query (it parses or not); a limit must be a number.
      if (std::string(key) == "limit") {
        EXPECT_EQ(ErrorCode(res), "invalid_parameter") << shown;
      }
    }
    clean(Get("/api/v1/query/check", {{"q", value}}), "check q=" + shown);
    for (const char* key : {"size", "seed"}) {
      auto res = Get(kStudy + kQuery + "/sample", {{key, value}});
      clean(res, std::string("sample ") + key + "=" + shown);
      EXPECT_NE(res->status, 200) << key << "=" << shown;
    }
    const std::string encoded = PercentEncoded(value);
    clean(Get("/api/v1/posts/" + encoded), "post " + shown);
    clean(Get("/api/v1/studies/" + encoded + "/queries/" + kQuery + "/sample"), "study " + shown);
    clean(Get(kStudy + encoded + "/validation"), "query " + shown);
    clean(PutLabel(kStudy + kQuery + "/labels/" + encoded, {{"label", "relevant"}}),
          "label post " + shown);
    clean(PutLabel(kStudy + kQuery + "/labels/" + post, {{"label", value}}), "label " + shown);
    clean(PutLabel(kStudy + kQuery + "/labels/" + post, {{"label", "relevant"}, {"seed", value}}),
          "seed " + shown);
  }
  EXPECT_EQ(PostCount(), posts) << "nothing was dropped or added";
  auto st = db_->Prepare("SELECT COUNT(*) FROM listen_validation_labels");
  ASSERT_TRUE(st.ok() && *(*st)->Step());
  EXPECT_EQ((*st)->ColumnInt(0), 0) << "no hostile label was stored";
}

}  // namespace
}  // namespace tenlik::server
