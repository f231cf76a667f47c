// One query matched against stored posts (see query_scan.h).
#include "listen/query_scan.h"

#include <vector>

#include "geo/geo.h"
#include "query/query.h"

namespace tenlik::listen {

ScanRow ScanRowAt(store::Statement& st, int first) {
  return {st.ColumnText(first),     st.ColumnText(first + 1), st.ColumnText(first + 2),
          st.ColumnText(first + 3), st.ColumnText(first + 4), st.ColumnText(first + 5)};
}

struct QueryScan::Rep {
  explicit Rep(query::Matcher m) : matcher(std::move(m)), context(matcher) {}
  query::Matcher matcher;
  query::MatchContext context;
  std::optional<geo::Gazetteer> gazetteer;
  std::vector<query::HitSpan> spans;
};

QueryScan::QueryScan(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
QueryScan::~QueryScan() = default;
QueryScan::QueryScan(QueryScan&&) noexcept = default;
QueryScan& QueryScan::operator=(QueryScan&&) noexcept = default;

Result<QueryScan> QueryScan::Create(std::string_view expression,
                                    const std::function<Result<std::string>()>& gazetteer_dir) {
  TENLIK_ASSIGN_OR_RETURN(query::Query parsed, query::Parse(expression));
  TENLIK_ASSIGN_OR_RETURN(query::Matcher matcher, query::Compile({{"q", parsed}}));
  auto rep = std::make_unique<Rep>(std::move(matcher));
  if (expression.find("region:") != std::string_view::npos) {
    TENLIK_ASSIGN_OR_RETURN(std::string dir, gazetteer_dir());
    TENLIK_ASSIGN_OR_RETURN(rep->gazetteer, geo::Gazetteer::Load(dir));
  }
  return QueryScan(std::move(rep));
}

std::optional<ScanHit> QueryScan::Match(const ScanRow& row) {
  query::DocumentFields fields;
  fields.lang = std::string(row.lang);
  fields.platform = std::string(row.platform);
  fields.corpus = std::string(row.corpus);
  fields.author_type = std::string(row.author_type);
  if (rep_->gazetteer) {
    std::optional<std::string> hint;
    if (!row.place.empty()) hint = rep_->gazetteer->ResolvePlaceHint(row.place);
    fields.regions = hint ? std::vector<std::string>{*hint} : rep_->gazetteer->FindPlaces(row.text);
  }
  query::Document doc = query::MakeDocument(row.text, std::move(fields));
  rep_->spans.clear();
  if (rep_->matcher.Match(doc, &rep_->context, &rep_->spans).empty()) return std::nullopt;
  ScanHit hit;
  if (!rep_->spans.empty()) {
    hit.begin = rep_->spans.front().text_begin;
    hit.end = rep_->spans.front().text_end;
  }
  return hit;
}

}  // namespace tenlik::listen
