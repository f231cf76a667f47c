// Query validation, the result: precision with its 95 % Wilson interval from the
// labels stored in listen_validation_labels (listen schema version 3).
#include <map>
#include <nlohmann/json.hpp>

#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "listen/validate_internal.h"

namespace tenlik::listen {
namespace {

// Label counts of one query text.
struct Tally {
  int64_t relevant = 0, not_relevant = 0, unlabelled = 0;
  int64_t latest = 0;  // Unix seconds of the latest import
};

QueryValidation FromTally(const std::string& query_id, const std::string& hash, const Tally& t) {
  QueryValidation v;
  v.query_id = query_id;
  v.query_hash = hash;
  v.relevant = t.relevant;
  v.labelled = t.relevant + t.not_relevant;
  v.unlabelled = t.unlabelled;
  v.precision =
      v.labelled > 0 ? static_cast<double>(v.relevant) / static_cast<double>(v.labelled) : 0.0;
  std::tie(v.low, v.high) = Wilson(v.relevant, v.labelled);
  v.validated_on = Calendar(t.latest, 0).day;
  return v;
}

// (query id, query hash) -> tally, for every label of the study.
Result<std::map<std::pair<std::string, std::string>, Tally>> Tallies(store::Connection& db,
                                                                     const std::string& study,
                                                                     const std::string* query_id) {
  TENLIK_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT query_id, query_hash, label, COUNT(*), MAX(labelled_at) FROM "
          "listen_validation_labels "
          "WHERE study = $1 AND ($2 = '' OR query_id = $2) GROUP BY query_id, query_hash, label"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, study));
  // An empty query id (not a null pointer, which would bind NULL) means every query.
  const std::string any_query;
  TENLIK_RETURN_IF_ERROR(st->Bind(2, query_id ? *query_id : any_query));
  std::map<std::pair<std::string, std::string>, Tally> out;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Tally& t = out[{std::string(st->ColumnText(0)), std::string(st->ColumnText(1))}];
    std::string_view label = st->ColumnText(2);
    int64_t n = st->ColumnInt(3);
    (label == "relevant"       ? t.relevant
     : label == "not_relevant" ? t.not_relevant
                               : t.unlabelled) += n;
    t.latest = std::max(t.latest, st->ColumnInt(4));
  }
  return out;
}

}  // namespace

Result<QueryValidation> ComputeQueryValidation(store::Connection& db, const Study& study,
                                               const StudyQuery& query,
                                               const std::string& query_hash) {
  TENLIK_ASSIGN_OR_RETURN(auto tallies, Tallies(db, StudyKey(study), &query.id));
  QueryValidation v = FromTally(query.id, query_hash, tallies[{query.id, query_hash}]);
  v.stale = query_hash != QueryTextHash(query.expression);
  return v;
}

nlohmann::json ValidationJson(const QueryValidation& v) {
  return {{"query_hash", v.query_hash},
          {"relevant", v.relevant},
          {"labelled", v.labelled},
          {"unlabelled", v.unlabelled},
          {"precision", v.precision},
          {"low", v.low},
          {"high", v.high},
          {"validated_on", v.validated_on},
          {"stale", v.stale}};
}

Result<std::map<std::string, QueryValidation>> LoadQueryValidations(store::Connection& db,
                                                                    const Study& study) {
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto tallies, Tallies(db, StudyKey(study), nullptr));
  std::map<std::string, QueryValidation> out;
  for (const StudySubtopic& sub : study.subtopics) {
    for (const StudyQuery& q : sub.queries) {
      const std::string current = QueryTextHash(q.expression);
      const std::pair<const std::pair<std::string, std::string>, Tally>* best = nullptr;
      for (auto it = tallies.lower_bound({q.id, ""});
           it != tallies.end() && it->first.first == q.id; ++it) {
        if (it->first.second == current) {
          best = &*it;
          break;
        }
        if (best == nullptr || it->second.latest > best->second.latest) best = &*it;
      }
      if (best == nullptr) continue;
      QueryValidation v = FromTally(q.id, best->first.second, best->second);
      v.stale = best->first.second != current;
      out[q.id] = std::move(v);
    }
  }
  return out;
}

}  // namespace tenlik::listen
