#include "listen/listen.h"

namespace tenlik::listen {

// Version 1 of the listen tables. Posts keep only pseudonymised authors; the raw
// record is stored after the same masking as the text.
const std::vector<store::Migration>& Migrations() {
  static const std::vector<store::Migration> kMigrations = {
      {"listen", 1, R"sql(
CREATE TABLE listen_files (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  corpus TEXT NOT NULL,
  format TEXT NOT NULL,
  records_done INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  near_duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  complete INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE listen_posts (
  id INTEGER PRIMARY KEY,
  exact_hash INTEGER NOT NULL UNIQUE,
  file_id INTEGER NOT NULL REFERENCES listen_files(id),
  record INTEGER NOT NULL,
  corpus TEXT NOT NULL,
  source_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  author_key TEXT NOT NULL,
  author_type TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  url TEXT NOT NULL,
  engagement INTEGER NOT NULL,
  place TEXT NOT NULL,
  reply_to TEXT NOT NULL,
  near_signature TEXT NOT NULL,
  near_duplicate_of INTEGER REFERENCES listen_posts(id),
  raw TEXT NOT NULL
);
CREATE INDEX listen_posts_published ON listen_posts(published_at);
CREATE TABLE listen_rejects (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES listen_files(id),
  line INTEGER NOT NULL,
  record INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  written INTEGER NOT NULL DEFAULT 0
);
)sql"},
      // Version 2: annotations of a study (src/listen/annotate.cpp). One row per
      // post and study fingerprint (a hash of the study's queries, lexicons,
      // gazetteer and sentiment model), so a re-run annotates only what changed.
      // List columns hold '|'-separated names.
      {"listen", 2, R"sql(
CREATE TABLE listen_annotations (
  post_id INTEGER NOT NULL REFERENCES listen_posts(id),
  fingerprint TEXT NOT NULL,
  queries TEXT NOT NULL,
  lexicon TEXT NOT NULL,
  stigmatising INTEGER NOT NULL,
  person_first INTEGER NOT NULL,
  stigma_terms TEXT NOT NULL,
  girls INTEGER NOT NULL,
  boys INTEGER NOT NULL,
  sentiment TEXT NOT NULL,
  sentiment_confidence REAL,
  regions TEXT NOT NULL,
  region_source TEXT NOT NULL,
  hashtags TEXT NOT NULL,
  PRIMARY KEY (post_id, fingerprint)
);
CREATE INDEX listen_annotations_fingerprint ON listen_annotations(fingerprint, post_id);
CREATE TABLE listen_study_runs (
  id INTEGER PRIMARY KEY,
  study TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  annotated INTEGER NOT NULL,
  posts_in_scope INTEGER NOT NULL
);
)sql"},
      // Version 3: labels of query validation (src/listen/validate_*.cpp). One row
      // per study, query, query text hash and post; label is relevant,
      // not_relevant or unlabelled. Precision is computed from these rows, so a
      // changed query text finds only its old labels and shows them as stale.
      {"listen", 3, R"sql(
CREATE TABLE listen_validation_labels (
  study TEXT NOT NULL,
  query_id TEXT NOT NULL,
  query_hash TEXT NOT NULL,
  post_id INTEGER NOT NULL REFERENCES listen_posts(id),
  label TEXT NOT NULL,
  labelled_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (study, query_id, query_hash, post_id)
);
)sql"},
      // Version 4: annotations keyed by (fingerprint, post_id) in one B-tree. A
      // rowid table with a primary key and a fingerprint index wrote every row
      // three times; every read is by fingerprint, then post in id order.
      {"listen", 4, R"sql(
CREATE TABLE listen_annotations_v4 (
  fingerprint TEXT NOT NULL,
  post_id INTEGER NOT NULL REFERENCES listen_posts(id),
  queries TEXT NOT NULL,
  lexicon TEXT NOT NULL,
  stigmatising INTEGER NOT NULL,
  person_first INTEGER NOT NULL,
  stigma_terms TEXT NOT NULL,
  girls INTEGER NOT NULL,
  boys INTEGER NOT NULL,
  sentiment TEXT NOT NULL,
  sentiment_confidence REAL,
  regions TEXT NOT NULL,
  region_source TEXT NOT NULL,
  hashtags TEXT NOT NULL,
  PRIMARY KEY (fingerprint, post_id)
) WITHOUT ROWID;
INSERT INTO listen_annotations_v4 (fingerprint, post_id, queries, lexicon, stigmatising,
  person_first, stigma_terms, girls, boys, sentiment, sentiment_confidence, regions,
  region_source, hashtags)
SELECT fingerprint, post_id, queries, lexicon, stigmatising, person_first, stigma_terms, girls,
  boys, sentiment, sentiment_confidence, regions, region_source, hashtags
FROM listen_annotations;
DROP TABLE listen_annotations;
ALTER TABLE listen_annotations_v4 RENAME TO listen_annotations;
)sql"},
  };
  return kMigrations;
}

}  // namespace tenlik::listen
