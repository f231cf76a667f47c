// Keyword in context over the stored posts (`tenlik listen search`), and the number
// of posts a query matches.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/keyword_in_context.h"
#include "listen/listen.h"
#include "listen/query_scan.h"

namespace tenlik::listen {
namespace {

constexpr const char* kScanColumns =
    "SELECT id, author_key, published_at, platform, corpus, lang, author_type, place, text "
    "FROM listen_posts";

ScanRow RowOf(store::Statement& st) { return ScanRowAt(st, 3); }

// Newest first, a page at a time after the (published_at, id) of the last row read: a
// PostgreSQL statement holds its whole result in memory, so one unbounded SELECT would
// bring every post over for a search that needs 20 hits.
constexpr int64_t kSearchPage = 500;

}  // namespace

Result<std::vector<SearchHit>> Search(store::Connection& db, std::string_view query_text,
                                      const SearchOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(QueryScan scan, QueryScan::Create(query_text, geo::DefaultGazetteerDir));
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto st,
                          db.Prepare(std::string(kScanColumns) +
                                     " WHERE published_at < $1 OR (published_at = $1 AND id < $2)"
                                     " ORDER BY published_at DESC, id DESC LIMIT " +
                                     std::to_string(kSearchPage)));
  std::vector<SearchHit> hits;
  int64_t last_published = INT64_MAX, last_id = INT64_MAX;
  bool full_page = true;
  while (full_page && hits.size() < options.limit) {
    TENLIK_RETURN_IF_ERROR(st->Reset());
    TENLIK_RETURN_IF_ERROR(st->Bind(1, last_published));
    TENLIK_RETURN_IF_ERROR(st->Bind(2, last_id));
    int64_t page_rows = 0;
    while (hits.size() < options.limit) {
      TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ++page_rows;
      last_published = st->ColumnInt(2);
      last_id = st->ColumnInt(0);
      std::optional<ScanHit> found = scan.Match(RowOf(*st));
      if (!found) continue;
      SearchHit h;
      h.post_id = st->ColumnInt(0);
      h.author_key = std::string(st->ColumnText(1));
      h.date = Calendar(st->ColumnInt(2), 0).day;
      h.platform = std::string(st->ColumnText(3));
      h.corpus = std::string(st->ColumnText(4));
      KeywordInContext context_text = CutKeywordInContext(
          std::string(st->ColumnText(8)), found->begin, found->end, options.window_chars);
      h.before = std::move(context_text.before);
      h.hit = std::move(context_text.hit);
      h.after = std::move(context_text.after);
      hits.push_back(std::move(h));
    }
    full_page = page_rows == kSearchPage;
  }
  return hits;
}

Result<HitCount> CountQueryHits(store::Connection& db, std::string_view query_text,
                                const HitCountOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(QueryScan scan, QueryScan::Create(query_text, geo::DefaultGazetteerDir));
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  HitCount count;
  int64_t min_id = 0, max_id = -1;
  {
    TENLIK_ASSIGN_OR_RETURN(auto st,
                            db.Prepare("SELECT COUNT(*), MIN(id), MAX(id) FROM listen_posts"));
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row && st->ColumnInt(0) > 0) {
      count.posts = st->ColumnInt(0);
      min_id = st->ColumnInt(1);
      max_id = st->ColumnInt(2);
    }
  }
  // Runs [begin, end) of ids: one over everything, or 16 spread over the id range.
  std::vector<std::pair<int64_t, int64_t>> runs;
  count.estimated = options.max_scan > 0 && count.posts > options.max_scan;
  if (!count.estimated) {
    runs.emplace_back(min_id, max_id + 1);
  } else {
    const int64_t span = max_id - min_id + 1;  // ids may have gaps: span >= posts
    const int64_t run_count = std::min<int64_t>({16, options.max_scan, span});
    const int64_t gap = span / run_count;
    const int64_t run_ids =
        std::clamp<int64_t>(options.max_scan * span / count.posts / run_count, 1, gap);
    for (int64_t i = 0; i < run_count; ++i) {
      int64_t begin = min_id + gap * i;
      runs.emplace_back(begin, begin + run_ids);
    }
  }
  TENLIK_ASSIGN_OR_RETURN(auto st,
                          db.Prepare(std::string(kScanColumns) + " WHERE id >= $1 AND id < $2"));
  for (const auto& [begin, end] : runs) {
    TENLIK_RETURN_IF_ERROR(st->Reset());
    TENLIK_RETURN_IF_ERROR(st->Bind(1, begin));
    TENLIK_RETURN_IF_ERROR(st->Bind(2, end));
    while (true) {
      TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ++count.scanned;
      if (scan.Match(RowOf(*st))) ++count.hits;
    }
  }
  if (count.estimated && count.scanned > 0) {
    count.hits = static_cast<int64_t>(
        std::llround(static_cast<double>(count.hits) * count.posts / count.scanned));
  }
  return count;
}

}  // namespace tenlik::listen
