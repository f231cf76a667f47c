#include "review/review.h"

namespace tenlik::review {

// Version 1: imported instruments, one row per id and version.
// `content` is the instrument as versioned JSON (InstrumentToJson); the title columns
// repeat it so lists need not parse it.
const std::vector<store::Migration>& Migrations() {
  static const std::vector<store::Migration> kMigrations = {
      {"review", 1, R"sql(
CREATE TABLE review_instruments (
  id INTEGER PRIMARY KEY,
  instrument_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title_kk TEXT NOT NULL,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  content TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  UNIQUE (instrument_id, version)
);
)sql"},
      // Version 2: review cycles, their access codes and the anonymous responses.
      // review_codes keeps only a hash of each code (BLAKE2b, access_code.cpp), whether
      // it was used, and the holder's unsubmitted draft. review_responses has no
      // column that leads to a code: the cycle, the group, the day and the answers
      // (JSON {"question id": "answer name"}).
      {"review", 2, R"sql(
CREATE TABLE review_cycles (
  id INTEGER PRIMARY KEY,
  unit_id TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  region TEXT NOT NULL,
  unit_kind TEXT NOT NULL,
  instrument_id TEXT NOT NULL,
  instrument_version INTEGER NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER NOT NULL
);
CREATE INDEX review_cycles_unit ON review_cycles (unit_id, instrument_id);
CREATE TABLE review_codes (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES review_cycles (id),
  group_name TEXT NOT NULL,
  code_hash TEXT NOT NULL UNIQUE,
  used INTEGER NOT NULL,
  draft TEXT
);
CREATE INDEX review_codes_cycle ON review_codes (cycle_id);
CREATE TABLE review_responses (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES review_cycles (id),
  group_name TEXT NOT NULL,
  day TEXT NOT NULL,
  answers TEXT NOT NULL
);
CREATE INDEX review_responses_cycle ON review_responses (cycle_id);
)sql"},
  };
  return kMigrations;
}

}  // namespace tenlik::review
