// Internal to query/: the compiled form of a set of queries, and the per-thread
// state of matching. Compile() builds a CompiledSet; Matcher::Match reads it.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <hs/hs.h>
#include <xxhash.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/query.h"

namespace tenlik::query::internal {

// A node of a compiled query; children index into CompiledQuery::nodes.
struct CompiledNode {
  NodeKind kind = NodeKind::kTerm;
  int distance = 0;
  std::vector<int> children;
  // One entry per word position: the literal ids any of which matches there
  // (one for words and prefixes; one per stemmer for stems).
  std::vector<std::vector<uint32_t>> words;
  Field field = Field::kLang;
  std::string value;
};

struct CompiledQuery {
  std::string name;
  Query query;
  std::vector<CompiledNode> nodes;
  int root = 0;
  // True when the query cannot match unless one of its literals occurs, so
  // documents without any of them skip its evaluation.
  bool requires_hit = true;
};

class CompiledSet {
 public:
  CompiledSet() = default;
  ~CompiledSet() {
    if (db) hs_free_database(db);
  }
  CompiledSet(const CompiledSet&) = delete;
  CompiledSet& operator=(const CompiledSet&) = delete;

  hs_database_t* db = nullptr;        // null when there are no literals
  std::vector<std::string> literals;  // as compiled: " key ", " key" or " \x01k:stem "
  bool has_stems = false;
  std::vector<CompiledQuery> queries;
  // The queries each literal queues for evaluation: only those that cannot match
  // without one of a set of literals it belongs to (compile.cpp, TriggersOf).
  std::vector<std::vector<int>> queries_of_literal;
  std::vector<int> always_evaluate;  // queries with requires_hit == false
};

struct ContextState {
  std::shared_ptr<const CompiledSet> set;
  hs_scratch_t* scratch = nullptr;

  // Token indexes where each literal occurred in the current document (sorted),
  // and the literals that occurred, to reset between documents.
  std::vector<std::vector<uint32_t>> positions;
  std::vector<uint32_t> touched;
  // Marks of the queries queued for evaluation in the current document.
  std::vector<uint32_t> query_mark;
  uint32_t generation = 0;
  std::vector<int> candidates;  // the queries to evaluate, reused between documents

  // Every literal is a whole token (" key ") or starts one (" key", " \x01k:stem "),
  // so the literals of a token depend on its key alone. The first time a key is
  // seen, Hyperscan scans " key " (and the key's stem entries when some query has
  // ~stems); the literals found are kept here by key. Words repeat, so most tokens
  // cost one hash lookup instead of a scan. Emptied at kMaxCachedKeys keys, so
  // memory stays bounded however many distinct words a corpus has.
  struct LiteralRun {
    uint32_t begin = 0;  // index into cached_literals
    uint32_t count = 0;
  };
  static constexpr size_t kMaxCachedKeys = size_t{1} << 17;
  // XXH3 hashes the 10 to 30 bytes of a Cyrillic word in fewer cycles than Abseil's
  // default string hash, and the lookup is most of what matching a word costs.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return XXH3_64bits(key.data(), key.size()); }
  };
  // [0]: keys scanned alone; [1]: words whose stem entries were scanned too.
  absl::flat_hash_map<std::string, LiteralRun, KeyHash, std::equal_to<>> literals_of_key[2];
  std::vector<uint32_t> cached_literals;
  std::string probe;  // the text of a scan

  // Stem entries of a word: "k:stem", "r:stem", ...
  StemKeyMaker stemmer;
  std::vector<std::string> stem_keys;

  void Bind(std::shared_ptr<const CompiledSet> compiled);
  // The literals that occur at the start of a token with `key`, sorted.
  LiteralRun LiteralsOf(const std::string& key, bool with_stems);
  ~ContextState();
};

}  // namespace tenlik::query::internal
