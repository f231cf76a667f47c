// Internal to listen/: one query matched against stored posts, as `listen search`,
// query validation and hit counting do it. Not part of the public API.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace tenlik::listen {

// The columns of a listen_posts row that matching reads.
struct ScanRow {
  std::string_view platform, corpus, lang, author_type, place, text;
};

// The row of `st` whose columns first..first+5 are, in this order, platform, corpus,
// lang, author_type, place and text. The views are valid until `st` steps again.
ScanRow ScanRowAt(store::Statement& st, int first);

// Bytes [begin, end) of the row's text where the query's first hit span is; both 0
// when the match has no span (a query of field filters only).
struct ScanHit {
  size_t begin = 0, end = 0;
};

// A parsed and compiled query with its own match context: one per thread.
class QueryScan {
 public:
  // Parses `expression` (InvalidArgument "column C: ..." when it does not parse) and
  // compiles it. The gazetteer is needed only by queries that filter on region:; then
  // `gazetteer_dir` is called once to name its folder.
  static Result<QueryScan> Create(std::string_view expression,
                                  const std::function<Result<std::string>()>& gazetteer_dir);
  ~QueryScan();
  QueryScan(QueryScan&&) noexcept;
  QueryScan& operator=(QueryScan&&) noexcept;

  // The first hit of the query in `row`; nullopt when it does not match. Regions
  // come from the place hint when the gazetteer resolves it, else from the text.
  std::optional<ScanHit> Match(const ScanRow& row);

 private:
  struct Rep;
  explicit QueryScan(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace tenlik::listen
