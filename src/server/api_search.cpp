// Search, the query check of the editor and one post for display (listen module).
#include <charconv>

#include "query/query.h"
#include "server/internal.h"

namespace tenlik::server {
namespace {

// Posts the query check reads at most; a larger store gets an estimate.
constexpr int64_t kCheckMaxScan = 10000;

constexpr size_t kMaxQueryBytes = 4096;

// Snake-case names of ParseError's codes and expectations, stable in the API.
std::string_view ReasonName(query::ParseError::Code code) {
  using Code = query::ParseError::Code;
  switch (code) {
    case Code::kNone:
      return "none";
    case Code::kEmptyQuery:
      return "empty_query";
    case Code::kTooLong:
      return "too_long";
    case Code::kTooDeep:
      return "too_deep";
    case Code::kMissingOperand:
      return "missing_operand";
    case Code::kMissingOperandBefore:
      return "missing_operand_before";
    case Code::kEmptyParentheses:
      return "empty_parentheses";
    case Code::kUnclosedParenthesis:
      return "unclosed_parenthesis";
    case Code::kUnmatchedParenthesis:
      return "unmatched_parenthesis";
    case Code::kMissingOperator:
      return "missing_operator";
    case Code::kNotPositional:
      return "not_positional";
    case Code::kUnclosedPhrase:
      return "unclosed_phrase";
    case Code::kNearWithoutNumber:
      return "near_without_number";
    case Code::kNearTooFar:
      return "near_too_far";
    case Code::kMisplacedStar:
      return "misplaced_star";
    case Code::kShortPrefix:
      return "short_prefix";
    case Code::kEmptyPhrase:
      return "empty_phrase";
    case Code::kNoLetters:
      return "no_letters";
    case Code::kStemNotOneWord:
      return "stem_not_one_word";
    case Code::kStemNotCyrillicOrLatin:
      return "stem_not_cyrillic_or_latin";
    case Code::kUnknownField:
      return "unknown_field";
    case Code::kMissingFieldValue:
      return "missing_field_value";
    case Code::kBadLanguageCode:
      return "bad_language_code";
    case Code::kBadRegionCode:
      return "bad_region_code";
    case Code::kBadFieldValue:
      return "bad_field_value";
  }
  return "unknown";
}

std::string_view ExpectedName(query::ParseError::Expected expected) {
  using Expected = query::ParseError::Expected;
  switch (expected) {
    case Expected::kNothing:
      return "nothing";
    case Expected::kOperand:
      return "operand";
    case Expected::kNearOperand:
      return "near_operand";
    case Expected::kPositional:
      return "positional";
    case Expected::kOperatorOrEnd:
      return "operator_or_end";
    case Expected::kCloseParenthesis:
      return "close_parenthesis";
    case Expected::kCloseQuote:
      return "close_quote";
    case Expected::kDistance:
      return "distance";
    case Expected::kWordEnd:
      return "word_end";
    case Expected::kLetters:
      return "letters";
    case Expected::kWord:
      return "word";
    case Expected::kFieldName:
      return "field_name";
    case Expected::kFieldValue:
      return "field_value";
    case Expected::kShorterQuery:
      return "shorter_query";
  }
  return "unknown";
}

nlohmann::json FoundJson(const query::ParseError& error) {
  using Found = query::ParseError::Found;
  switch (error.found) {
    case Found::kEnd:
      return {{"kind", "end"}};
    case Found::kSpace:
      return {{"kind", "space"}};
    case Found::kOpenParenthesis:
      return {{"kind", "text"}, {"text", "("}};
    case Found::kCloseParenthesis:
      return {{"kind", "text"}, {"text", ")"}};
    case Found::kText:
      break;
  }
  return {{"kind", "text"}, {"text", error.found_text}};
}

// "Column C: what was expected" in `lang`.
std::string ColumnMessage(const query::ParseError& error, Lang lang) {
  const char* column_word = lang == Lang::kRussian  ? "Столбец"
                            : lang == Lang::kKazakh ? "Баған"
                                                    : "Column";
  std::string_view code = lang == Lang::kRussian ? "ru" : lang == Lang::kKazakh ? "kk" : "en";
  return std::string(column_word) + " " + std::to_string(error.column) + ": " +
         query::ParseErrorText(error, code);
}

// Why a query does not parse, for a person in any of the three languages: where
// (`column`, 1-based, in characters), why (`reason`), what was expected there and what
// was found instead, and the sentence saying so in kk, ru and en.
nlohmann::json ParseErrorDetail(const query::ParseError& error) {
  nlohmann::json detail = {{"column", error.column},
                           {"reason", ReasonName(error.code)},
                           {"expected", ExpectedName(error.expected)},
                           {"found", FoundJson(error)},
                           {"message",
                            {{"kk", ColumnMessage(error, Lang::kKazakh)},
                             {"ru", ColumnMessage(error, Lang::kRussian)},
                             {"en", ColumnMessage(error, Lang::kEnglish)}}}};
  if (!error.token.empty()) detail["token"] = error.token;
  return detail;
}

// The message of invalid_query in the request's language, followed by the column and
// what was expected there.
std::string InvalidQueryMessage(Call& call, const query::ParseError& error) {
  return std::string(ErrorMessage(call.lang, "invalid_query")) + " " +
         ColumnMessage(error, call.lang);
}

// The q parameter: present and at most 4 KiB, else 400 invalid_parameter and nullopt.
std::optional<std::string> QueryParam(Call& call) {
  if (!call.req.has_param("q") || call.req.get_param_value("q").size() > kMaxQueryBytes) {
    SendError(call.res, call.lang, 400, "invalid_parameter", "q");
    return std::nullopt;
  }
  return call.req.get_param_value("q");
}

// A post id from the path: decimal digits naming a positive id; nullopt otherwise.
std::optional<int64_t> PostIdParam(const std::string& text) {
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || text.front() == '-' || error != std::errc() ||
      end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

void HandleSearch(Call& call) {
  std::optional<std::string> q = QueryParam(call);
  if (!q) return;
  std::optional<int64_t> limit = IntParam(call, "limit", 1, 200, 20);
  if (!limit) return;
  query::ParseError error;
  Result<query::Query> parsed = query::Parse(*q, &error);
  if (!parsed.ok()) {
    return SendJson(call.res, 400,
                    {{"error",
                      {{"code", "invalid_query"},
                       {"message", InvalidQueryMessage(call, error)},
                       {"field", "q"},
                       {"column", error.column},
                       {"detail", ParseErrorDetail(error)}}}});
  }
  listen::SearchOptions options;
  options.limit = static_cast<size_t>(*limit);
  auto hits = listen::Search(call.db, *q, options);
  if (!hits.ok()) return SendInternal(call, hits.status());
  nlohmann::json list = nlohmann::json::array();
  for (const listen::SearchHit& hit : *hits) {
    list.push_back({{"post_id", hit.post_id},
                    {"author_key", hit.author_key},
                    {"date", hit.date},
                    {"platform", hit.platform},
                    {"corpus", hit.corpus},
                    {"before", hit.before},
                    {"hit", hit.hit},
                    {"after", hit.after}});
  }
  SendJson(call.res, 200, {{"hits", list}});
}

void HandleQueryCheck(Call& call) {
  std::optional<std::string> q = QueryParam(call);
  if (!q) return;
  query::ParseError error;
  Result<query::Query> parsed = query::Parse(*q, &error);
  if (!parsed.ok()) {
    return SendJson(call.res, 200,
                    {{"valid", false},
                     {"column", error.column},
                     {"message", InvalidQueryMessage(call, error)},
                     {"detail", ParseErrorDetail(error)}});
  }
  // Counted on a sample of a large store: the answer must come while someone types.
  auto count = listen::CountQueryHits(call.db, *q, {.max_scan = kCheckMaxScan});
  if (!count.ok()) return SendInternal(call, count.status());
  SendJson(call.res, 200,
           {{"valid", true},
            {"explain", query::Explain(*parsed)},
            {"hits", count->hits},
            {"estimated", count->estimated},
            {"scanned", count->scanned},
            {"posts", count->posts}});
}

void HandlePost(Call& call) {
  std::optional<int64_t> id = PostIdParam(call.params["id"]);
  if (!id) return SendError(call.res, call.lang, 404, "post_not_found", "id");
  auto post = listen::LoadStoredPost(call.db, *id);
  if (!post.ok()) {
    if (post.status().code() == StatusCode::kNotFound) {
      return SendError(call.res, call.lang, 404, "post_not_found", "id");
    }
    return SendInternal(call, post.status());
  }
  SendJson(call.res, 200,
           {{"id", post->id},
            {"corpus", post->corpus},
            {"platform", post->platform},
            {"channel", post->channel},
            {"author_key", post->author_key},
            {"author_type", post->author_type},
            {"published_at", post->published_at},
            {"lang", post->lang},
            {"text", post->text},
            {"region", post->region ? nlohmann::json(*post->region) : nlohmann::json(nullptr)},
            {"engagement", post->engagement},
            {"reply_to", OrNull(post->reply_to)},
            {"url", OrNull(post->url)}});
}

}  // namespace tenlik::server
