// Search, the query check of the editor and one post for display (listen module).
#include <charconv>

#include "query/query.h"
#include "server/internal.h"

namespace tenlik::server {
namespace {

// Posts the query check reads at most; a larger store gets an estimate.
constexpr int64_t kCheckMaxScan = 10000;

constexpr size_t kMaxQueryBytes = 4096;

// Where and why a query does not parse: the 1-based column and a message in the
// request's language (the query module says what was expected in English).
struct QueryError {
  int64_t column = 0;
  std::string message;
};

QueryError DescribeQueryError(Call& call, const Status& status) {
  // query::Parse's messages are "column C: what was expected".
  QueryError error;
  std::string_view detail = status.message();
  constexpr std::string_view kPrefix = "column ";
  if (detail.substr(0, kPrefix.size()) == kPrefix) {
    const char* begin = detail.data() + kPrefix.size();
    auto [end, failed] = std::from_chars(begin, detail.data() + detail.size(), error.column);
    if (failed == std::errc() && std::string_view(end, 2) == ": ") {
      detail.remove_prefix(static_cast<size_t>(end - detail.data()) + 2);
    }
  }
  const char* column_word = call.lang == Lang::kRussian  ? "Столбец"
                            : call.lang == Lang::kKazakh ? "Баған"
                                                         : "Column";
  error.message = std::string(ErrorMessage(call.lang, "invalid_query")) + " " + column_word + " " +
                  std::to_string(error.column) + ": " + std::string(detail);
  return error;
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
  Result<query::Query> parsed = query::Parse(*q);
  if (!parsed.ok()) {
    QueryError error = DescribeQueryError(call, parsed.status());
    return SendJson(call.res, 400,
                    {{"error",
                      {{"code", "invalid_query"},
                       {"message", error.message},
                       {"field", "q"},
                       {"column", error.column}}}});
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
  Result<query::Query> parsed = query::Parse(*q);
  if (!parsed.ok()) {
    QueryError error = DescribeQueryError(call, parsed.status());
    return SendJson(call.res, 200,
                    {{"valid", false}, {"column", error.column}, {"message", error.message}});
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
