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
      // Version 3: the development plan of a closed cycle. A priority is an indicator
      // id of the cycle's instrument (once per cycle); actions belong to a priority,
      // progress updates to an action. Dates are "YYYY-MM-DD" text, which sorts as
      // dates. Nothing here refers to a respondent.
      {"review", 3, R"sql(
CREATE TABLE review_priorities (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES review_cycles (id),
  indicator_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (cycle_id, indicator_id)
);
CREATE TABLE review_actions (
  id INTEGER PRIMARY KEY,
  priority_id INTEGER NOT NULL REFERENCES review_priorities (id),
  what TEXT NOT NULL,
  responsible_role TEXT NOT NULL,
  start_day TEXT NOT NULL,
  due_day TEXT NOT NULL,
  resources TEXT NOT NULL,
  success_evidence TEXT NOT NULL
);
CREATE INDEX review_actions_priority ON review_actions (priority_id);
CREATE TABLE review_progress (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES review_actions (id),
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX review_progress_action ON review_progress (action_id);
)sql"},
      // Version 4: a school cycle names its district ('' for none), so that the
      // district sees its schools side by side; peer reviewers of a district cycle
      // (an account from another district) and their comments and challenges with the
      // district's reply ('' until it replies). Nothing here refers to a respondent.
      {"review", 4, R"sql(
ALTER TABLE review_cycles ADD COLUMN district_id TEXT NOT NULL DEFAULT '';
CREATE INDEX review_cycles_district ON review_cycles (district_id, instrument_id);
CREATE TABLE review_peer_reviewers (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES review_cycles (id),
  account TEXT NOT NULL,
  district_id TEXT NOT NULL,
  invited_at INTEGER NOT NULL,
  UNIQUE (cycle_id, account)
);
CREATE TABLE review_peer_notes (
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES review_cycles (id),
  node_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  reply TEXT NOT NULL,
  replied_at INTEGER NOT NULL
);
CREATE INDEX review_peer_notes_cycle ON review_peer_notes (cycle_id);
)sql"},
  };
  return kMigrations;
}

}  // namespace tenlik::review
