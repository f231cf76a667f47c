// Query validation, the labels: storing them (from a sheet or one at a time from the
// web application) and reading back those of a query's current text.
#include <ctime>

#include "listen/listen.h"
#include "listen/validate_internal.h"

namespace tenlik::listen {

const char* ValidationLabelName(ValidationLabel label) {
  switch (label) {
    case ValidationLabel::kRelevant:
      return "relevant";
    case ValidationLabel::kNotRelevant:
      return "not_relevant";
    case ValidationLabel::kUnlabelled:
      break;
  }
  return "unlabelled";
}

Status StoreValidationLabels(store::Connection& db, const Study& study, const std::string& query_id,
                             const std::string& query_hash, const std::vector<PostLabel>& labels,
                             BlankLabel blank, int64_t now, const std::string& source) {
  TENLIK_ASSIGN_OR_RETURN(auto upsert,
                          db.Prepare("INSERT INTO listen_validation_labels (study, query_id, "
                                     "query_hash, post_id, label, labelled_at, source) "
                                     "VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                     "ON CONFLICT (study, query_id, query_hash, post_id) DO UPDATE "
                                     "SET label = excluded.label, "
                                     "labelled_at = excluded.labelled_at, source = excluded.source "
                                     "WHERE excluded.label <> 'unlabelled'"));
  TENLIK_ASSIGN_OR_RETURN(auto remove,
                          db.Prepare("DELETE FROM listen_validation_labels WHERE study = $1 AND "
                                     "query_id = $2 AND query_hash = $3 AND post_id = $4"));
  const std::string study_key = StudyKey(study);
  TENLIK_RETURN_IF_ERROR(db.Begin());
  Status stored = [&]() -> Status {
    for (const PostLabel& l : labels) {
      const bool clear = l.label == ValidationLabel::kUnlabelled && blank == BlankLabel::kClears;
      store::Statement& st = clear ? *remove : *upsert;
      TENLIK_RETURN_IF_ERROR(st.Reset());
      TENLIK_RETURN_IF_ERROR(st.Bind(1, study_key));
      TENLIK_RETURN_IF_ERROR(st.Bind(2, query_id));
      TENLIK_RETURN_IF_ERROR(st.Bind(3, query_hash));
      TENLIK_RETURN_IF_ERROR(st.Bind(4, l.post_id));
      if (!clear) {
        TENLIK_RETURN_IF_ERROR(st.Bind(5, ValidationLabelName(l.label)));
        TENLIK_RETURN_IF_ERROR(st.Bind(6, now));
        TENLIK_RETURN_IF_ERROR(st.Bind(7, source));
      }
      TENLIK_ASSIGN_OR_RETURN(bool row, st.Step());
      (void)row;
    }
    return Status::Ok();
  }();
  if (!stored.ok()) {
    (void)db.Rollback();
    return stored;
  }
  return db.Commit();
}

Result<std::map<int64_t, ValidationLabel>> LoadValidationLabels(store::Connection& db,
                                                                const Study& study,
                                                                std::string_view query_id) {
  TENLIK_ASSIGN_OR_RETURN(const StudyQuery* query, FindStudyQuery(study, query_id));
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT post_id, label FROM listen_validation_labels "
                                              "WHERE study = $1 AND query_id = $2 AND "
                                              "query_hash = $3"));
  TENLIK_RETURN_IF_ERROR(st->Bind(1, StudyKey(study)));
  TENLIK_RETURN_IF_ERROR(st->Bind(2, query->id));
  TENLIK_RETURN_IF_ERROR(st->Bind(3, QueryTextHash(query->expression)));
  std::map<int64_t, ValidationLabel> labels;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    std::string_view label = st->ColumnText(1);
    labels[st->ColumnInt(0)] = label == "relevant"       ? ValidationLabel::kRelevant
                               : label == "not_relevant" ? ValidationLabel::kNotRelevant
                                                         : ValidationLabel::kUnlabelled;
  }
  return labels;
}

Result<QueryValidation> SetValidationLabel(store::Connection& db, const Study& study,
                                           std::string_view query_id, int64_t post_id,
                                           ValidationLabel label,
                                           const ValidationLabelOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(const StudyQuery* query, FindStudyQuery(study, query_id));
  TENLIK_ASSIGN_OR_RETURN(bool hit, IsValidationHit(db, study, *query, post_id));
  if (!hit) {
    return NotFound("post " + std::to_string(post_id) + " is not a hit of the query '" + query->id +
                    "' in the study's scope");
  }
  const std::string query_hash = QueryTextHash(query->expression);
  const int64_t now = options.now != 0 ? options.now : static_cast<int64_t>(std::time(nullptr));
  TENLIK_RETURN_IF_ERROR(StoreValidationLabels(db, study, query->id, query_hash, {{post_id, label}},
                                               BlankLabel::kClears, now, options.source));
  return ComputeQueryValidation(db, study, *query, query_hash);
}

}  // namespace tenlik::listen
