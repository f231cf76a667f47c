#include <chrono>
#include <cstdio>

#include "listen/listen.h"

namespace tenlik::listen {
namespace {

// Posts per "YYYY-MM" of publication (UTC). SQL groups by day, which every store
// backend can compute (integer division, floored for times before 1970); the months
// are named here.
Status CountByMonth(store::Connection& db, std::map<std::string, int64_t>* out) {
  TENLIK_ASSIGN_OR_RETURN(auto stmt, db.Prepare(
      "SELECT CASE WHEN published_at < 0 THEN (published_at + 1) / 86400 - 1"
      " ELSE published_at / 86400 END, count(*) FROM listen_posts GROUP BY 1"));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::days{stmt->ColumnInt(0)}}};
    char month[32];
    std::snprintf(month, sizeof month, "%04d-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()));
    (*out)[month] += stmt->ColumnInt(1);
  }
  return Status::Ok();
}

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
  TENLIK_RETURN_IF_ERROR(CountByMonth(db, &stats.by_month));
  return stats;
}

}  // namespace tenlik::listen
