// Internal to query/: the compiled form of a set of queries, and the per-thread
// state of matching. Compile() builds a CompiledSet; Matcher::Match reads it.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <string>
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

  // Stem entries of the current document: " \x01k:stem \x01r:stem ... ".
  StemKeyMaker stemmer;
  std::vector<std::string> stem_keys;
  std::string stem_text;
  std::vector<uint32_t> stem_begin;  // byte offset of each entry in stem_text
  std::vector<uint32_t> stem_token;  // the token each entry belongs to

  // The token whose key starts at each byte of the folded text, else kNoToken: a
  // literal's match is placed in O(1) however many tokens the document has.
  static constexpr uint32_t kNoToken = UINT32_MAX;
  std::vector<uint32_t> token_at;

  // Set during a scan.
  const Document* doc = nullptr;
  bool scanning_stems = false;

  void Bind(std::shared_ptr<const CompiledSet> compiled);
  ~ContextState();
};

}  // namespace tenlik::query::internal
