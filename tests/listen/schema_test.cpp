// The listen schema's migrations keep what earlier versions stored, on SQLite and on
// PostgreSQL.
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

class ListenSchemaTest : public ::testing::TestWithParam<Backend> {};

int64_t Count(store::Connection& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  if (!st.ok()) return -1;
  auto row = (*st)->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? (*st)->ColumnInt(0) : -1;
}

// Version 4 moves annotations into a table keyed by (fingerprint, post_id).
TEST_P(ListenSchemaTest, AnnotationsOfVersionThreeSurviveVersionFour) {
  TemporaryStore temporary(GetParam());
  ASSERT_FALSE(temporary.location().empty()) << store::testing::kNoPostgresServer;
  auto db = store::Connection::Open(temporary.location(), true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const std::vector<store::Migration>& all = Migrations();
  ASSERT_GE(all.size(), 4u);
  ASSERT_TRUE((*db)->Migrate({all.begin(), all.begin() + 3}).ok());
  ASSERT_TRUE((*db)
                  ->Exec("INSERT INTO listen_files (id, content_hash, path, corpus, format, "
                         "started_at) VALUES (1, 'h', 'f.jsonl', 'public', 'jsonl', 'now')")
                  .ok());
  for (int id : {1, 2}) {
    std::string values = std::to_string(id) + ", " + std::to_string(id * 11) +
                         ", 1, 1, 'public', 's', 'vk', '', 'a', 'person', 0, 'текст', 'ru', '', 0, "
                         "'', '', '', NULL, '{}'";
    ASSERT_TRUE((*db)
                    ->Exec("INSERT INTO listen_posts (id, exact_hash, file_id, record, corpus, "
                           "source_id, platform, channel, author_key, author_type, published_at, "
                           "text, lang, url, engagement, place, reply_to, near_signature, "
                           "near_duplicate_of, raw) VALUES (" +
                           values + ")")
                    .ok());
  }
  for (const char* row : {"(2, 'f1', 'ramps', 'barrier', 1, 0, 'x', 1, 0, 'neutral', 0.5, "
                          "'KZ-ALA', 'text', 'tag')",
                          "(1, 'f1', '', '', 0, 1, '', 0, 1, 'positive', NULL, '', '', '')",
                          "(1, 'f0', 'q', '', 0, 0, '', 0, 0, 'negative', 0.9, '', '', '')"}) {
    ASSERT_TRUE((*db)
                    ->Exec(std::string("INSERT INTO listen_annotations (post_id, fingerprint, "
                                       "queries, lexicon, stigmatising, person_first, "
                                       "stigma_terms, girls, boys, sentiment, "
                                       "sentiment_confidence, regions, region_source, hashtags) "
                                       "VALUES ") +
                           row)
                    .ok());
  }

  ASSERT_TRUE((*db)->Migrate(all).ok());
  EXPECT_EQ(Count(**db, "SELECT COUNT(*) FROM listen_annotations"), 3);
  EXPECT_EQ(Count(**db, "SELECT COUNT(*) FROM listen_annotations WHERE fingerprint = 'f1'"), 2);
  auto st = (*db)->Prepare(
      "SELECT post_id, queries, regions, sentiment_confidence FROM listen_annotations "
      "WHERE fingerprint = 'f1' ORDER BY post_id DESC");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->ColumnInt(0), 2);
  EXPECT_EQ((*st)->ColumnText(1), "ramps");
  EXPECT_EQ((*st)->ColumnText(2), "KZ-ALA");
  EXPECT_DOUBLE_EQ((*st)->ColumnDouble(3), 0.5);
  // The new key refuses a second row for the same post and fingerprint.
  EXPECT_FALSE((*db)
                   ->Exec("INSERT INTO listen_annotations (fingerprint, post_id, queries, lexicon, "
                          "stigmatising, person_first, stigma_terms, girls, boys, sentiment, "
                          "regions, region_source, hashtags) VALUES ('f1', 2, '', '', 0, 0, '', "
                          "0, 0, '', '', '', '')")
                   .ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ListenSchemaTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::listen
