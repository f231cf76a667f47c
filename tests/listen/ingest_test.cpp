#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

namespace fs = std::filesystem;

nlohmann::json PostJson(int id, const std::string& author, const std::string& text) {
  return {{"id", std::to_string(id)},
          {"platform", "vk"},
          {"channel", "Родители Караганды"},
          {"author", author},
          {"published_at", "2025-09-01T08:30:00+05:00"},
          {"text", text},
          {"url", "https://vk.com/" + author + "?w=wall" + std::to_string(id)}};
}

class IngestTest : public ::testing::Test {
 public:
  void TestBody() override {}

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tenlik_ingest_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_path_ = (dir_ / "t.db").string();
    auto db = store::Connection::Open(store_path_, true);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(CreatePseudonymKey(KeyPathFor(store_path_)).ok());
    options_.corpus = "public";
    options_.key_path = KeyPathFor(store_path_);
    options_.rejects_path = RejectsPathFor(store_path_);
    options_.batch_size = 7;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::vector<std::string>& lines) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path);
    for (const std::string& line : lines) out << line << "\n";
    return path;
  }

  int64_t Count(const std::string& sql) {
    auto stmt = db_->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    EXPECT_TRUE(*(*stmt)->Step());
    return (*stmt)->ColumnInt(0);
  }

  IngestReport Run(std::vector<std::string> files) {
    options_.files = std::move(files);
    auto report = Ingest(*db_, options_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : IngestReport{};
  }

  fs::path dir_;
  std::string store_path_;
  std::unique_ptr<store::Connection> db_;
  IngestOptions options_;
};

const char kLong[] =
    "В нашей школе наконец построили пандус, и теперь дети с инвалидностью могут сами "
    "заходить в класс. Спасибо акимату за помощь";

TEST_F(IngestTest, CountsAddUpAndExactDuplicatesAreNotStoredTwice) {
  std::string file =
      Write("a.jsonl",
            {
                PostJson(1, "aigerim_k", kLong).dump(),
                PostJson(2, "aigerim_k", kLong).dump(),  // exact duplicate
                PostJson(3, "aigerim_k", std::string(kLong) + " https://t.me/x/1").dump(),  // near
                PostJson(4, "daulet", "Жайлы мектеп бағдарламасы туралы не білесіздер?").dump(),
                "{\"id\": \"5\", \"text\": \"broken",  // truncated record
            });
  IngestReport report = Run({file});
  ASSERT_EQ(report.files.size(), 1u);
  const FileCounts& c = report.files[0].counts;
  EXPECT_EQ(c.read, 5);
  EXPECT_EQ(c.stored, 3);
  EXPECT_EQ(c.duplicates, 1);
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(c.near_duplicates, 1);
  EXPECT_EQ(c.read, c.stored + c.duplicates + c.rejected);
  EXPECT_EQ(Count("SELECT count(*) FROM listen_posts"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM listen_posts WHERE near_duplicate_of ="
                  " (SELECT min(id) FROM listen_posts)"),
            1);
}

TEST_F(IngestTest, IngestingTheSameFileTwiceAddsNothing) {
  std::string file = Write("a.jsonl", {PostJson(1, "aigerim_k", kLong).dump()});
  Run({file});
  IngestReport again = Run({file});
  ASSERT_EQ(again.files.size(), 1u);
  EXPECT_TRUE(again.files[0].already_ingested);
  EXPECT_EQ(again.total.read, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM listen_posts"), 1);
}

// A pseudonym is keyed, so its letters differ between stores; which posts are
// near-duplicates of which must not. (A mention's letters once decided whether the
// link beside it was read as Kazakh Latin, and so whether it joined the signature.)
TEST_F(IngestTest, TheSampleHasTheSameNearDuplicatesUnderEveryKey) {
  const std::string sample = std::string(TENLIK_SOURCE_DIR) + "/data/sample/";
  options_.batch_size = 500;
  options_.organisations_file = sample + "organisations.tsv";
  const std::vector<std::string> files = {sample + "meltwater_export.csv",
                                          sample + "meltwater_export_utf8.csv",
                                          sample + "telegram_group/result.json",
                                          sample + "instagram.ndjson",
                                          sample + "posts.jsonl",
                                          sample + "telegram_channel/result.json"};
  const char* kLinks =
      "SELECT p.file_id || ':' || p.record || '>' || q.file_id || ':' || q.record FROM "
      "listen_posts p "
      "JOIN listen_posts q ON q.id = p.near_duplicate_of ORDER BY p.file_id, p.record";
  auto links = [&](IngestTest& store) {
    std::vector<std::string> out;
    auto stmt = store.db_->Prepare(kLinks);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    while (*(*stmt)->Step()) out.emplace_back((*stmt)->ColumnText(0));
    return out;
  };
  auto pseudonyms = [&](IngestTest& store) {
    std::string out;
    auto stmt = store.db_->Prepare(
        "SELECT author_key FROM listen_posts WHERE author_type = 'person' "
        "ORDER BY file_id, record LIMIT 20");
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    while (*(*stmt)->Step()) out += std::string((*stmt)->ColumnText(0)) + " ";
    return out;
  };
  Run(files);
  const std::vector<std::string> first = links(*this);
  EXPECT_GT(first.size(), 300u);
  for (int other = 1; other <= 3; ++other) {
    IngestTest store;  // a store of its own, with a key of its own
    store.dir_ = dir_ / ("other" + std::to_string(other));
    fs::create_directories(store.dir_);
    store.store_path_ = (store.dir_ / "t.db").string();
    store.db_ = std::move(store::Connection::Open(store.store_path_, true)).value();
    store.options_ = options_;
    store.options_.key_path = KeyPathFor(store.store_path_);
    store.options_.rejects_path = RejectsPathFor(store.store_path_);
    ASSERT_TRUE(CreatePseudonymKey(store.options_.key_path).ok());
    store.Run(files);
    EXPECT_NE(pseudonyms(store), pseudonyms(*this)) << "the keys differ";
    EXPECT_EQ(links(store), first) << "store " << other;
  }
}

TEST_F(IngestTest, PeopleArePseudonymisedEverywhereAndOrganisationsKeepTheirNames) {
  std::ofstream(dir_ / "orgs.tsv")
      << "name\ttype\nBilim Foundation\torganisation\nbilim_foundation\torganisation\n";
  options_.organisations_file = (dir_ / "orgs.tsv").string();
  std::string a =
      Write("a.jsonl",
            {PostJson(1, "aigerim_k",
                      "Звоните +7 701 123 45 67 или пишите aigerim@mail.kz, "
                      "спросите @daulet_s или @bilim_foundation")
                 .dump(),
             PostJson(2, "Bilim Foundation", "Фонд открыл ресурсный класс в Шымкенте").dump()});
  std::string b = Write("b.jsonl", {PostJson(3, "aigerim_k", "Второй пост того же автора").dump()});
  Run({a, b});
  for (const char* personal : {"aigerim", "daulet", "701 123", "mail.kz"}) {
    std::string like = std::string("'%") + personal + "%'";
    EXPECT_EQ(
        Count("SELECT count(*) FROM listen_posts WHERE text LIKE " + like + " OR raw LIKE " + like +
              " OR url LIKE " + like + " OR author_key LIKE " + like + " OR channel LIKE " + like),
        0)
        << personal;
  }
  EXPECT_EQ(
      Count("SELECT count(DISTINCT author_key) FROM listen_posts WHERE author_type = 'person'"),
      1);  // the same person across two files
  EXPECT_EQ(Count("SELECT count(*) FROM listen_posts WHERE author_key = 'Bilim Foundation'"
                  " AND author_type = 'organisation'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM listen_posts WHERE text LIKE '%[phone]%[email]%'"
                  " AND text LIKE '%@bilim_foundation%'"),
            1);
}

TEST_F(IngestTest, RejectsGoToTheRejectFileWithFileLineAndReason) {
  std::string file = Write(
      "a.jsonl",
      {PostJson(1, "a", kLong).dump(),
       nlohmann::json{{"id", "2"}, {"author", "b"}, {"published_at", "вчера"}, {"text", "x y z"}}
           .dump()});
  IngestReport report = Run({file});
  EXPECT_EQ(report.total.rejected, 1);
  std::ifstream in(options_.rejects_path);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  nlohmann::json reject = nlohmann::json::parse(line);
  EXPECT_EQ(reject["file"], file);
  EXPECT_EQ(reject["line"], 2);
  EXPECT_EQ(reject["field"], "published_at");
  EXPECT_FALSE(reject["reason"].get<std::string>().empty());
  EXPECT_FALSE(std::getline(in, line));  // written once, not again on the next run
  Run({Write("b.jsonl", {PostJson(9, "c", "Новый пост о тьюторах в Актобе").dump()})});
  std::ifstream again(options_.rejects_path);
  int lines = 0;
  while (std::getline(again, line)) ++lines;
  EXPECT_EQ(lines, 1);
}

TEST_F(IngestTest, RejectsBeyondOnePageOfTheRejectFileAreEachWrittenOnce) {
  std::vector<std::string> lines;
  for (int i = 0; i < 10003; ++i) {
    lines.push_back(nlohmann::json{
        {"id", std::to_string(i)}, {"author", "a"}, {"published_at", "вчера"}, {"text", "x y z"}}
                        .dump());
  }
  IngestReport report = Run({Write("bad.jsonl", lines)});
  EXPECT_EQ(report.total.rejected, 10003);
  std::ifstream in(options_.rejects_path);
  std::string line;
  int64_t count = 0, previous = 0;
  while (std::getline(in, line)) {
    int64_t at = nlohmann::json::parse(line)["line"].get<int64_t>();
    EXPECT_EQ(at, previous + 1);
    previous = at;
    ++count;
  }
  EXPECT_EQ(count, 10003);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM listen_rejects WHERE written = 0"), 0);
}

TEST_F(IngestTest, AnInterruptedIngestResumesToTheSameResultAsACleanRun) {
  std::vector<std::string> lines;
  for (int i = 0; i < 200; ++i) {
    std::string text = "Пост номер " + std::to_string(i % 150) + " о том, как школа " +
                       std::to_string(i % 37) + " помогает детям с аутизмом учиться вместе";
    lines.push_back(PostJson(i, "user" + std::to_string(i % 13), text).dump());
  }
  std::string file = Write("big.jsonl", lines);
  // A cancel flag that is already set stops each run after its first record.
  std::atomic<bool> cancel{true};
  options_.cancel = &cancel;
  for (int run = 0; run < 5; ++run) {
    IngestReport report = Run({file});
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(report.files[0].resumed, run > 0);
  }
  cancel = false;
  IngestReport resumed = Run({file});
  ASSERT_TRUE(resumed.files[0].resumed);

  IngestTest clean;  // a second store, ingested in one go
  clean.dir_ = dir_ / "clean";
  fs::create_directories(clean.dir_);
  clean.store_path_ = (clean.dir_ / "t.db").string();
  clean.db_ = std::move(store::Connection::Open(clean.store_path_, true)).value();
  clean.options_ = options_;
  clean.options_.cancel = nullptr;
  clean.options_.rejects_path = RejectsPathFor(clean.store_path_);
  IngestReport once = clean.Run({file});

  const FileCounts& a = resumed.files[0].counts;
  const FileCounts& b = once.files[0].counts;
  EXPECT_EQ(a.read, 200);
  EXPECT_EQ(a.read, b.read);
  EXPECT_EQ(a.stored, b.stored);
  EXPECT_EQ(a.duplicates, b.duplicates);
  EXPECT_EQ(a.near_duplicates, b.near_duplicates);
  const char* kPostsDigest =
      "SELECT count(*) * 1000003 + sum(record) + sum(near_duplicate_of IS NOT NULL) FROM "
      "listen_posts";
  EXPECT_EQ(Count(kPostsDigest), clean.Count(kPostsDigest));
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

// Search reads the posts a page at a time (search.cpp); many posts share a time, so
// pages end inside runs of equal times and each post must still be read exactly once.
TEST_F(IngestTest, SearchFindsEveryHitNewestFirstAcrossPages) {
  std::vector<std::string> lines;
  int expected = 0;
  for (int i = 1; i <= 1300; ++i) {
    nlohmann::json post = PostJson(
        i, "author_" + std::to_string(i),
        "Пост номер " + std::to_string(i) + " о школе" + (i % 3 == 0 ? " и пандус у входа" : ""));
    post["published_at"] = "2025-09-0" + std::to_string(1 + i % 7) + "T08:30:00+05:00";
    lines.push_back(post.dump());
    expected += i % 3 == 0;
  }
  options_.batch_size = 500;
  Run({Write("many.jsonl", lines)});
  ASSERT_EQ(Count("SELECT COUNT(*) FROM listen_posts"), 1300);

  Result<std::vector<SearchHit>> hits = Search(*db_, "пандус", {.limit = 1000});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(static_cast<int>(hits->size()), expected);
  std::set<int64_t> ids;
  for (size_t i = 0; i < hits->size(); ++i) {
    EXPECT_TRUE(ids.insert((*hits)[i].post_id).second) << "read twice: " << (*hits)[i].post_id;
    if (i == 0) continue;
    const SearchHit& newer = (*hits)[i - 1];
    const SearchHit& older = (*hits)[i];
    EXPECT_TRUE(newer.date > older.date ||
                (newer.date == older.date && newer.post_id > older.post_id))
        << newer.post_id << " before " << older.post_id;
  }
  Result<std::vector<SearchHit>> first = Search(*db_, "пандус", {.limit = 3});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ((*first)[i].post_id, (*hits)[i].post_id);
}

}  // namespace
}  // namespace tenlik::listen
