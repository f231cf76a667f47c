// Keyword in context over the stored posts (`tenlik listen search`).
#include <optional>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/keyword_in_context.h"
#include "listen/listen.h"
#include "query/query.h"

namespace tenlik::listen {

Result<std::vector<SearchHit>> Search(store::Connection& db, std::string_view query_text,
                                      const SearchOptions& options) {
  TENLIK_ASSIGN_OR_RETURN(query::Query q, query::Parse(query_text));
  TENLIK_ASSIGN_OR_RETURN(query::Matcher matcher, query::Compile({{"q", q}}));
  std::optional<geo::Gazetteer> gazetteer;
  if (std::string(query_text).find("region:") != std::string::npos) {
    TENLIK_ASSIGN_OR_RETURN(std::string dir, geo::DefaultGazetteerDir());
    TENLIK_ASSIGN_OR_RETURN(gazetteer, geo::Gazetteer::Load(dir));
  }
  query::MatchContext context(matcher);
  TENLIK_RETURN_IF_ERROR(db.Migrate(Migrations()));
  TENLIK_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT id, author_key, published_at, platform, corpus, lang, author_type, place, text "
          "FROM listen_posts ORDER BY published_at DESC, id DESC"));
  std::vector<SearchHit> hits;
  while (hits.size() < options.limit) {
    TENLIK_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    query::DocumentFields fields;
    fields.lang = std::string(st->ColumnText(5));
    fields.platform = std::string(st->ColumnText(3));
    fields.corpus = std::string(st->ColumnText(4));
    fields.author_type = std::string(st->ColumnText(6));
    std::string text(st->ColumnText(8));
    if (gazetteer) {
      std::string place(st->ColumnText(7));
      std::optional<std::string> hint;
      if (!place.empty()) hint = gazetteer->ResolvePlaceHint(place);
      fields.regions = hint ? std::vector<std::string>{*hint} : gazetteer->FindPlaces(text);
    }
    query::Document doc = query::MakeDocument(text, std::move(fields));
    std::vector<query::HitSpan> spans;
    if (matcher.Match(doc, &context, &spans).empty()) continue;
    SearchHit h;
    h.post_id = st->ColumnInt(0);
    h.author_key = std::string(st->ColumnText(1));
    h.date = Calendar(st->ColumnInt(2), 0).day;
    h.platform = std::string(st->ColumnText(3));
    h.corpus = std::string(st->ColumnText(4));
    size_t begin = 0, end = 0;
    if (!spans.empty()) {
      begin = spans.front().text_begin;
      end = spans.front().text_end;
    }
    KeywordInContext context_text = CutKeywordInContext(text, begin, end, options.window_chars);
    h.before = std::move(context_text.before);
    h.hit = std::move(context_text.hit);
    h.after = std::move(context_text.after);
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace tenlik::listen
