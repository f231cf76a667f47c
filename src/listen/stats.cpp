#include "listen/listen.h"

namespace tenlik::listen {
namespace {

Status CountBy(store::Connection& db, const std::string& expression,
               std::map<std::string, int64_t>* out) {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT " + expression +
                                                ", count(*) FROM listen_posts GROUP BY 1 ORDER BY 1"));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    (*out)[std::string(stmt->ColumnText(0))] = stmt->ColumnInt(1);
  }
  return Status::Ok();
}

}  // namespace

Result<Stats> ComputeStats(store::Connection& db) {
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  Stats stats;
  TENLIK_ASSIGN_OR_RETURN(auto posts, db.Prepare(
      "SELECT count(*), count(near_duplicate_of), COALESCE(min(published_at), 0),"
      " COALESCE(max(published_at), 0) FROM listen_posts"));
  TENLIK_ASSIGN_OR_RETURN(bool row, posts->Step());
  if (row) {
    stats.posts = posts->ColumnInt(0);
    stats.near_duplicates = posts->ColumnInt(1);
    stats.first_published_at = posts->ColumnInt(2);
    stats.last_published_at = posts->ColumnInt(3);
  }
  TENLIK_ASSIGN_OR_RETURN(auto files, db.Prepare(
      "SELECT count(*), COALESCE(sum(duplicates), 0), COALESCE(sum(rejected), 0) FROM listen_files"));
  TENLIK_ASSIGN_OR_RETURN(row, files->Step());
  if (row) {
    stats.files = files->ColumnInt(0);
    stats.duplicates = files->ColumnInt(1);
    stats.rejected = files->ColumnInt(2);
  }
  TENLIK_RETURN_IF_ERROR(CountBy(db, "corpus", &stats.by_corpus));
  TENLIK_RETURN_IF_ERROR(CountBy(db, "platform", &stats.by_platform));
  TENLIK_RETURN_IF_ERROR(CountBy(db, "lang", &stats.by_lang));
  TENLIK_RETURN_IF_ERROR(CountBy(db, "author_type", &stats.by_author_type));
  TENLIK_RETURN_IF_ERROR(
      CountBy(db, "strftime('%Y-%m', published_at, 'unixepoch')", &stats.by_month));
  return stats;
}

}  // namespace tenlik::listen
