// Compile(): every distinct literal of all queries goes into one Hyperscan
// block-mode database of pure literals (hs_compile_lit_multi). Word boundaries
// are spaces: the scanned text is " key1 key2 ... keyn ", so a word is the
// literal " key ", a prefix " key" and a stem entry " \x01k:stem " — no reliance
// on Hyperscan's ASCII-only \b, and Cyrillic needs no special handling.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "query/compiled.h"

namespace tenlik::query {

using internal::CompiledNode;
using internal::CompiledQuery;
using internal::CompiledSet;
using internal::Node;
using internal::NodeKind;
using internal::WordKind;

namespace {

class Builder {
 public:
  explicit Builder(CompiledSet* set) : set_(set) {}

  uint32_t Literal(std::string literal) {
    auto [it, inserted] = ids_.emplace(std::move(literal), static_cast<uint32_t>(ids_.size()));
    if (inserted) set_->literals.push_back(it->first);
    return it->second;
  }

  // Appends the compiled form of `node` (children first) and returns its index.
  int Add(const Node& node, CompiledQuery* query) {
    CompiledNode out;
    out.kind = node.kind;
    out.distance = node.distance;
    out.field = node.field;
    out.value = node.value;
    for (const auto& child : node.children) out.children.push_back(Add(*child, query));
    for (const internal::Word& word : node.words) {
      std::vector<uint32_t> ids;
      switch (word.kind) {
        case WordKind::kExact:
          ids.push_back(Literal(" " + word.key + " "));
          break;
        case WordKind::kPrefix:
          ids.push_back(Literal(" " + word.key));
          break;
        case WordKind::kStem:
          set_->has_stems = true;
          for (const std::string& stem : word.stem_keys) {
            ids.push_back(Literal(" " + std::string(1, internal::kStemMark) + stem + " "));
          }
          break;
      }
      out.words.push_back(std::move(ids));
    }
    query->nodes.push_back(std::move(out));
    return static_cast<int>(query->nodes.size() - 1);
  }

 private:
  CompiledSet* set_;
  std::map<std::string, uint32_t> ids_;
};

// Literals one of which must occur for a node to be true, so that only they queue
// the query for evaluation; `shortest` is the length of the shortest, the proxy
// for how often the set occurs (" с " is everywhere, " инвалидностью " is not).
struct Triggers {
  std::vector<uint32_t> ids;
  size_t shortest = 0;
};

// The rarer of two trigger sets when either alone is necessary.
const Triggers& Rarer(const Triggers& a, const Triggers& b) {
  if (a.shortest != b.shortest) return a.shortest > b.shortest ? a : b;
  return a.ids.size() <= b.ids.size() ? a : b;
}

// Nothing when the node can be true with no literal at all (NOT, a field, an OR
// with such a branch): then the query is evaluated for every document.
std::optional<Triggers> TriggersOf(const CompiledSet& set, const CompiledQuery& query, int index) {
  const CompiledNode& node = query.nodes[index];
  auto of_word = [&](const std::vector<uint32_t>& alternatives) {
    Triggers t{alternatives, SIZE_MAX};
    for (uint32_t id : alternatives) t.shortest = std::min(t.shortest, set.literals[id].size());
    return t;
  };
  switch (node.kind) {
    case NodeKind::kField:
    case NodeKind::kNot:
      return std::nullopt;
    case NodeKind::kAnd:
    case NodeKind::kNear:
    case NodeKind::kONear: {
      // Every child must be true: any one child's triggers will do.
      std::optional<Triggers> best;
      for (int child : node.children) {
        std::optional<Triggers> t = TriggersOf(set, query, child);
        if (t) best = best ? Rarer(*best, *t) : *t;
      }
      return best;
    }
    case NodeKind::kOr: {
      Triggers all{{}, SIZE_MAX};
      for (int child : node.children) {
        std::optional<Triggers> t = TriggersOf(set, query, child);
        if (!t) return std::nullopt;
        all.ids.insert(all.ids.end(), t->ids.begin(), t->ids.end());
        all.shortest = std::min(all.shortest, t->shortest);
      }
      return all;
    }
    default: {
      // A word, prefix, stem or phrase: every word position must occur.
      Triggers best = of_word(node.words[0]);
      for (size_t j = 1; j < node.words.size(); ++j) best = Rarer(best, of_word(node.words[j]));
      return best;
    }
  }
}

}  // namespace

Result<Matcher> Compile(const std::vector<NamedQuery>& queries) {
  auto set = std::make_shared<CompiledSet>();
  Builder builder(set.get());
  set->queries.reserve(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    const NamedQuery& named = queries[i];
    if (named.name.empty()) {
      return InvalidArgument("query " + std::to_string(i + 1) + " has no name");
    }
    if (!named.query.parsed()) {
      return InvalidArgument("query '" + named.name + "' was not produced by Parse");
    }
    CompiledQuery compiled;
    compiled.name = named.name;
    compiled.query = named.query;
    compiled.root = builder.Add(named.query.root(), &compiled);
    set->queries.push_back(std::move(compiled));
  }

  set->queries_of_literal.resize(set->literals.size());
  for (size_t q = 0; q < set->queries.size(); ++q) {
    CompiledQuery& compiled = set->queries[q];
    std::optional<Triggers> triggers = TriggersOf(*set, compiled, compiled.root);
    compiled.requires_hit = triggers.has_value();
    if (!triggers) {
      set->always_evaluate.push_back(static_cast<int>(q));
      continue;
    }
    for (uint32_t id : triggers->ids) {
      std::vector<int>& list = set->queries_of_literal[id];
      if (list.empty() || list.back() != static_cast<int>(q)) list.push_back(static_cast<int>(q));
    }
  }

  if (!set->literals.empty()) {
    std::vector<const char*> expressions;
    std::vector<size_t> lengths;
    std::vector<unsigned> flags(set->literals.size(), 0);
    std::vector<unsigned> ids;
    for (size_t i = 0; i < set->literals.size(); ++i) {
      expressions.push_back(set->literals[i].data());
      lengths.push_back(set->literals[i].size());
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* error = nullptr;
    hs_error_t rc = hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(),
                                         lengths.data(), static_cast<unsigned>(expressions.size()),
                                         HS_MODE_BLOCK, nullptr, &set->db, &error);
    if (rc != HS_SUCCESS) {
      std::string message = "Hyperscan could not compile the query literals";
      if (error) {
        if (error->message) message += std::string(": ") + error->message;
        if (error->expression >= 0) {
          message += " (literal '" + set->literals[static_cast<size_t>(error->expression)] + "')";
        }
        hs_free_compile_error(error);
      }
      return Internal(message);
    }
  }

  Matcher matcher;
  matcher.set_ = std::move(set);
  return matcher;
}

}  // namespace tenlik::query
