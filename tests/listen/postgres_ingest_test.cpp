// Ingest and stats give the same counts on PostgreSQL as on SQLite: the listen
// module's SQL is portable (tests/store/test_backends.h starts nothing; see it for
// how the PostgreSQL server is found).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../store/test_backends.h"
#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

using store::testing::Backend;
using store::testing::TemporaryStore;

const std::string kSample = std::string(TENLIK_SOURCE_DIR) + "/data/sample/";

struct SampleRun {
  std::vector<IngestReport> reports;
  Stats stats;
};

// Ingests the sample corpus as scripts/run-sample.sh does, with the pseudonym key at
// `key_path`, then computes the stats.
SampleRun IngestSample(store::Connection& db, const std::string& key_path,
                       const std::string& rejects_path) {
  auto options = [&](std::string corpus, std::vector<std::string> files) {
    IngestOptions o;
    o.corpus = std::move(corpus);
    o.files = std::move(files);
    o.organisations_file = kSample + "organisations.tsv";
    o.key_path = key_path;
    o.rejects_path = rejects_path;
    o.batch_size = 200;
    return o;
  };
  std::vector<IngestOptions> runs = {
      options("public", {kSample + "meltwater_export.csv", kSample + "meltwater_export_utf8.csv",
                         kSample + "telegram_group/result.json", kSample + "instagram.ndjson",
                         kSample + "posts.jsonl"}),
      options("organisations", {kSample + "telegram_channel/result.json"}),
      options("public", {kSample + "forum_posts.csv"}),
  };
  runs[2].format = Format::kCsv;
  for (const char* spec : {"id=post_id", "published_at=created", "author=user_name", "text=body",
                           "url=link", "engagement=likes", "place=city"}) {
    EXPECT_TRUE(AddMapping(spec, &runs[2].map).ok()) << spec;
  }
  SampleRun run;
  for (const IngestOptions& o : runs) {
    Result<IngestReport> report = Ingest(db, o);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    if (report.ok()) run.reports.push_back(*report);
  }
  Result<Stats> stats = ComputeStats(db);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  if (stats.ok()) run.stats = *stats;
  return run;
}

void ExpectSameStats(const Stats& sqlite, const Stats& postgres) {
  EXPECT_EQ(sqlite.posts, postgres.posts);
  EXPECT_EQ(sqlite.near_duplicates, postgres.near_duplicates);
  EXPECT_EQ(sqlite.duplicates, postgres.duplicates);
  EXPECT_EQ(sqlite.rejected, postgres.rejected);
  EXPECT_EQ(sqlite.files, postgres.files);
  EXPECT_EQ(sqlite.first_published_at, postgres.first_published_at);
  EXPECT_EQ(sqlite.last_published_at, postgres.last_published_at);
  EXPECT_EQ(sqlite.by_corpus, postgres.by_corpus);
  EXPECT_EQ(sqlite.by_platform, postgres.by_platform);
  EXPECT_EQ(sqlite.by_lang, postgres.by_lang);
  EXPECT_EQ(sqlite.by_author_type, postgres.by_author_type);
  EXPECT_EQ(sqlite.by_month, postgres.by_month);
}

TEST(PostgresIngestTest, TheSampleCorpusGivesTheSameCountsAsOnSqlite) {
  TemporaryStore sqlite_store(Backend::kSqlite);
  TemporaryStore postgres_store(Backend::kPostgres);
  ASSERT_FALSE(postgres_store.location().empty()) << store::testing::kNoPostgresServer;
  std::string key = (sqlite_store.dir() / "tenlik.key").string();
  ASSERT_TRUE(CreatePseudonymKey(key).ok());

  auto sqlite = store::Connection::Open(sqlite_store.location(), true);
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().ToString();
  ASSERT_TRUE((*sqlite)->Migrate(Migrations()).ok());
  SampleRun on_sqlite =
      IngestSample(**sqlite, key, (sqlite_store.dir() / "rejects.jsonl").string());

  auto postgres = store::Connection::Open(postgres_store.location(), true);
  ASSERT_TRUE(postgres.ok()) << postgres.status().ToString();
  Status migrated = (*postgres)->Migrate(Migrations());
  ASSERT_TRUE(migrated.ok()) << migrated.ToString();
  std::string rejects = (postgres_store.dir() / "rejects.jsonl").string();
  SampleRun on_postgres = IngestSample(**postgres, key, rejects);

  ASSERT_GT(on_sqlite.stats.posts, 1000);
  ASSERT_GT(on_sqlite.stats.near_duplicates, 0);
  ExpectSameStats(on_sqlite.stats, on_postgres.stats);
  ASSERT_EQ(on_sqlite.reports.size(), on_postgres.reports.size());
  for (size_t i = 0; i < on_sqlite.reports.size(); ++i) {
    EXPECT_EQ(on_sqlite.reports[i].total.read, on_postgres.reports[i].total.read);
    EXPECT_EQ(on_sqlite.reports[i].total.stored, on_postgres.reports[i].total.stored);
    EXPECT_EQ(on_sqlite.reports[i].total.rejected, on_postgres.reports[i].total.rejected);
  }

  // A second ingest of the same files adds nothing, as on SQLite.
  SampleRun again = IngestSample(**postgres, key, rejects);
  for (const IngestReport& report : again.reports) {
    for (const FileReport& file : report.files) EXPECT_TRUE(file.already_ingested) << file.path;
  }
  ExpectSameStats(on_sqlite.stats, again.stats);
  Status checked = (*postgres)->CheckIntegrity();
  EXPECT_TRUE(checked.ok()) << checked.ToString();
}

}  // namespace
}  // namespace tenlik::listen
