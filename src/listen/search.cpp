// Keyword in context over the stored posts (`tenlik listen search`).
#include <optional>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "query/query.h"

namespace tenlik::listen {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves back `chars` code points from `pos` (not before 0).
size_t BackChars(const std::string& s, size_t pos, size_t chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && IsContinuation(static_cast<unsigned char>(s[pos]))) --pos;
    --chars;
  }
  return pos;
}

size_t ForwardChars(const std::string& s, size_t pos, size_t chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && IsContinuation(static_cast<unsigned char>(s[pos]))) ++pos;
    --chars;
  }
  return pos;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

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
  TENLIK_ASSIGN_OR_RETURN(auto st, db.Prepare(
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
    if (end > text.size() || begin > end) begin = end = 0;
    size_t from = BackChars(text, begin, options.window_chars);
    size_t to = ForwardChars(text, end, options.window_chars);
    h.before = (from > 0 ? "…" : "") + OneLine(text.substr(from, begin - from));
    h.hit = OneLine(text.substr(begin, end - begin));
    h.after = OneLine(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace tenlik::listen
