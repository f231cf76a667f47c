#include "review/review.h"

namespace tenlik::review {

// Version 1 of the review tables: imported instruments, one row per id and version.
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
  };
  return kMigrations;
}

}  // namespace tenlik::review
