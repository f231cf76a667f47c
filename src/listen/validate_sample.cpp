// Query validation, step one: which query, which text, and a reproducible random
// sample of its hits with their keyword in context.
#include <xxhash.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>
#include <queue>

#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "listen/query_scan.h"
#include "listen/validate_internal.h"

namespace tenlik::listen {
namespace {

// A sampled post: its rank and what the sheet shows of it.
struct Candidate {
  uint64_t rank = 0;
  ValidationItem item;
  bool operator<(const Candidate& other) const {
    return rank != other.rank ? rank < other.rank : item.post_id < other.item.post_id;
  }
};

// The posts a sample is drawn from: originals published in [$1, $2). The study's
// corpora and languages are checked with InStudyScope.
constexpr const char* kSampledPosts =
    "SELECT id, published_at, platform, corpus, lang, author_type, place, text FROM listen_posts "
    "WHERE near_duplicate_of IS NULL AND published_at >= $1 AND published_at < $2";

ScanRow RowOf(store::Statement& st) { return ScanRowAt(st, 2); }

Result<QueryScan> ScanOf(const Study& study, const StudyQuery& query) {
  return QueryScan::Create(query.expression, [&study] { return ResolveGazetteerDir(study); });
}

}  // namespace

std::string StudyKey(const Study& study) { return study.name.en; }

std::string QueryTextHash(std::string_view expression) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64,
                static_cast<uint64_t>(XXH3_64bits(expression.data(), expression.size())));
  return hex;
}

Result<const StudyQuery*> FindStudyQuery(const Study& study, std::string_view query_id) {
  std::string ids;
  for (const StudySubtopic& sub : study.subtopics) {
    for (const StudyQuery& q : sub.queries) {
      if (q.id == query_id) return &q;
      ids += (ids.empty() ? "" : ", ") + q.id;
    }
  }
  return NotFound("the study " + study.path + " has no query '" + std::string(query_id) +
                  "'; its queries are: " + ids);
}

Result<ValidationSample> SampleQueryHits(store::Connection& db, const Study& study,
                                         std::string_view query_id,
                                         const ValidationSampleOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(const StudyQuery* study_query, FindStudyQuery(study, query_id));
  TENLIK_ASSIGN_OR_RETURN(QueryScan scan, ScanOf(study, *study_query));
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kSampledPosts) + " ORDER BY id"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, study.from_ts));
  TENLIK_RETURN_IF_ERROR(st->Bind(2, study.to_ts));

  ValidationSample sample;
  sample.study = StudyKey(study);
  sample.query_id = study_query->id;
  sample.query_expression = study_query->expression;
  sample.query_hash = QueryTextHash(study_query->expression);
  sample.seed = options.seed;
  std::priority_queue<Candidate> kept;  // the `sample` smallest ranks; largest on top
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    std::string_view corpus = st->ColumnText(3), lang = st->ColumnText(4);
    if (!InStudyScope(study, corpus, lang)) continue;
    const ScanRow scan_row = RowOf(*st);
    std::optional<ScanHit> found = scan.Match(scan_row);
    if (!found) continue;
    ++sample.hits;
    const int64_t post_id = st->ColumnInt(0);
    const uint64_t rank = XXH3_64bits_withSeed(&post_id, sizeof post_id, options.seed);
    if (options.sample == 0) continue;
    if (kept.size() == options.sample &&
        std::pair(rank, post_id) >= std::pair(kept.top().rank, kept.top().item.post_id)) {
      continue;
    }
    Candidate c{rank, {}};
    c.item.post_id = post_id;
    c.item.lang = std::string(lang);
    c.item.platform = std::string(scan_row.platform);
    c.item.date = Calendar(st->ColumnInt(1), 0).day;
    KeywordInContext k = CutKeywordInContext(std::string(scan_row.text), found->begin, found->end,
                                             options.window_chars);
    c.item.before = std::move(k.before);
    c.item.hit = std::move(k.hit);
    c.item.after = std::move(k.after);
    kept.push(std::move(c));
    if (kept.size() > options.sample) kept.pop();
  }
  while (!kept.empty()) {
    sample.items.push_back(kept.top().item);
    kept.pop();
  }
  std::sort(sample.items.begin(), sample.items.end(),
            [](const ValidationItem& a, const ValidationItem& b) { return a.post_id < b.post_id; });
  return sample;
}

Result<bool> IsValidationHit(store::Connection& db, const Study& study, const StudyQuery& query,
                             int64_t post_id) {
  TENLIK_ASSIGN_OR_RETURN(QueryScan scan, ScanOf(study, query));
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kSampledPosts) + " AND id = $3"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, study.from_ts));
  TENLIK_RETURN_IF_ERROR(st->Bind(2, study.to_ts));
  TENLIK_RETURN_IF_ERROR(st->Bind(3, post_id));
  TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row || !InStudyScope(study, st->ColumnText(3), st->ColumnText(4))) return false;
  return scan.Match(RowOf(*st)).has_value();
}

}  // namespace tenlik::listen
