// Matcher::Match: the literals of each token (found by Hyperscan the first time its
// key is seen, then remembered by key) give where each literal occurred; then the
// queries that can match are evaluated over those positions.
#include <algorithm>
#include <cstdint>

#include "query/compiled.h"

namespace tenlik::query {

using internal::CompiledNode;
using internal::CompiledQuery;
using internal::CompiledSet;
using internal::ContextState;
using internal::Field;
using internal::NodeKind;

namespace internal {

void ContextState::Bind(std::shared_ptr<const CompiledSet> compiled) {
  if (scratch) {
    hs_free_scratch(scratch);
    scratch = nullptr;
  }
  set = std::move(compiled);
  positions.assign(set ? set->literals.size() : 0, {});
  touched.clear();
  query_mark.assign(set ? set->queries.size() : 0, 0);
  generation = 0;
  for (auto& cache : literals_of_key) cache.clear();
  cached_literals.clear();
  if (set && set->db && hs_alloc_scratch(set->db, &scratch) != HS_SUCCESS) scratch = nullptr;
}

namespace {

int CollectLiteral(unsigned int id, unsigned long long /*from*/, unsigned long long /*to*/,
                   unsigned int /*flags*/, void* context) {
  static_cast<std::vector<uint32_t>*>(context)->push_back(id);
  return 0;
}

}  // namespace

ContextState::LiteralRun ContextState::LiteralsOf(const std::string& key, bool with_stems) {
  auto& cache = literals_of_key[with_stems ? 1 : 0];
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= kMaxCachedKeys) {
    for (auto& c : literals_of_key) c.clear();
    cached_literals.clear();
  }
  LiteralRun run{static_cast<uint32_t>(cached_literals.size()), 0};
  if (set->db && scratch) {
    // Literals start with a space and hold none inside, so in " key " they can
    // only start at the first byte, and in the stem entries only at an entry.
    probe.assign(1, ' ');
    probe.append(key);
    probe.push_back(' ');
    if (with_stems) {
      stemmer.Keys(key, &stem_keys);
      for (const std::string& stem : stem_keys) {
        probe.push_back(kStemMark);
        probe.append(stem);
        probe.push_back(' ');
      }
    }
    hs_scan(set->db, probe.data(), static_cast<unsigned>(probe.size()), 0, scratch, CollectLiteral,
            &cached_literals);
    auto first = cached_literals.begin() + run.begin;
    std::sort(first, cached_literals.end());
    cached_literals.erase(std::unique(first, cached_literals.end()), cached_literals.end());
  }
  run.count = static_cast<uint32_t>(cached_literals.size() - run.begin);
  cache.emplace(key, run);
  return run;
}

ContextState::~ContextState() {
  if (scratch) hs_free_scratch(scratch);
}

}  // namespace internal

MatchContext::MatchContext(const Matcher& matcher) : state_(std::make_unique<ContextState>()) {
  state_->Bind(matcher.set_);
}
MatchContext::~MatchContext() = default;
MatchContext::MatchContext(MatchContext&&) noexcept = default;
MatchContext& MatchContext::operator=(MatchContext&&) noexcept = default;

size_t Matcher::size() const { return set_ ? set_->queries.size() : 0; }

const std::string& Matcher::name(size_t index) const { return set_->queries.at(index).name; }

size_t Matcher::pattern_count() const { return set_ ? set_->literals.size() : 0; }

namespace {

struct Span {
  uint32_t first;
  uint32_t last;
  bool operator<(const Span& o) const { return first != o.first ? first < o.first : last < o.last; }
  bool operator==(const Span& o) const { return first == o.first && last == o.last; }
};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Evaluates one compiled query over the literal positions of a context.
class Evaluator {
 public:
  Evaluator(const CompiledQuery& query, const ContextState& state, const Document& doc)
      : query_(query), state_(state), doc_(doc) {}

  bool Eval(int index) const {
    const CompiledNode& node = query_.nodes[index];
    switch (node.kind) {
      case NodeKind::kAnd:
        for (int child : node.children) {
          if (!Eval(child)) return false;
        }
        return true;
      case NodeKind::kOr:
        for (int child : node.children) {
          if (Eval(child)) return true;
        }
        return false;
      case NodeKind::kNot:
        return !Eval(node.children[0]);
      case NodeKind::kField:
        return FieldMatches(node);
      case NodeKind::kTerm:
      case NodeKind::kPrefix:
      case NodeKind::kStem:
        return AnyOccurs(node.words[0]);
      case NodeKind::kPhrase:
        return MayOccur(index) && PhraseOccurs(node);
      default:
        // Building spans allocates: first rule out, cheaply, nodes whose
        // literals did not all occur (most phrases and NEARs of a document).
        return MayOccur(index) && !Spans(index).empty();
    }
  }

  // False when a positional node cannot occur because a literal it needs is absent.
  bool MayOccur(int index) const {
    const CompiledNode& node = query_.nodes[index];
    switch (node.kind) {
      case NodeKind::kTerm:
      case NodeKind::kPrefix:
      case NodeKind::kStem:
      case NodeKind::kPhrase:
        for (const auto& alternatives : node.words) {
          if (!AnyOccurs(alternatives)) return false;
        }
        return true;
      case NodeKind::kOr:
        for (int child : node.children) {
          if (MayOccur(child)) return true;
        }
        return false;
      case NodeKind::kNear:
      case NodeKind::kONear:
        return MayOccur(node.children[0]) && MayOccur(node.children[1]);
      default:
        return true;
    }
  }

  // Word spans where a positional node occurs, sorted and unique.
  std::vector<Span> Spans(int index) const {
    const CompiledNode& node = query_.nodes[index];
    std::vector<Span> out;
    switch (node.kind) {
      case NodeKind::kTerm:
      case NodeKind::kPrefix:
      case NodeKind::kStem: {
        std::vector<uint32_t> merged;
        for (uint32_t p : Positions(node.words[0], &merged)) out.push_back({p, p});
        return out;
      }
      case NodeKind::kPhrase: {
        std::vector<uint32_t> merged;
        for (uint32_t start : Positions(node.words[0], &merged)) {
          if (PhraseAt(node, start)) {
            out.push_back({start, start + static_cast<uint32_t>(node.words.size() - 1)});
          }
        }
        return out;
      }
      case NodeKind::kOr:
        for (int child : node.children) {
          std::vector<Span> spans = Spans(child);
          out.insert(out.end(), spans.begin(), spans.end());
        }
        break;
      case NodeKind::kNear:
      case NodeKind::kONear: {
        std::vector<Span> left = Spans(node.children[0]);
        if (left.empty()) return out;
        std::vector<Span> right = Spans(node.children[1]);
        uint32_t distance = static_cast<uint32_t>(node.distance);
        for (const Span& a : left) {
          for (const Span& b : right) {
            if (a.last < b.first && b.first - a.last - 1 <= distance) {
              out.push_back({a.first, b.last});
            } else if (node.kind == NodeKind::kNear && b.last < a.first &&
                       a.first - b.last - 1 <= distance) {
              out.push_back({b.first, a.last});
            }
          }
        }
        break;
      }
      default:
        return out;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Spans of the positional nodes that made the query true (not under a NOT).
  void Collect(int index, bool positive, std::vector<Span>* out) const {
    const CompiledNode& node = query_.nodes[index];
    switch (node.kind) {
      case NodeKind::kAnd:
      case NodeKind::kOr:
        for (int child : node.children) Collect(child, positive, out);
        return;
      case NodeKind::kNot:
        Collect(node.children[0], !positive, out);
        return;
      case NodeKind::kField:
        return;
      default:
        if (positive) {
          std::vector<Span> spans = Spans(index);
          out->insert(out->end(), spans.begin(), spans.end());
        }
    }
  }

 private:
  bool AnyOccurs(const std::vector<uint32_t>& alternatives) const {
    for (uint32_t id : alternatives) {
      if (!state_.positions[id].empty()) return true;
    }
    return false;
  }

  // Whether the words of a phrase occur one after another somewhere, without
  // building spans (most phrases are evaluated only to decide a query).
  bool PhraseOccurs(const CompiledNode& node) const {
    for (uint32_t first : node.words[0]) {
      for (uint32_t start : state_.positions[first]) {
        if (PhraseAt(node, start)) return true;
      }
    }
    return false;
  }

  // Whether the words after the first of a phrase follow a first word at `start`.
  bool PhraseAt(const CompiledNode& node, uint32_t start) const {
    for (size_t j = 1; j < node.words.size(); ++j) {
      if (!OccursAt(node.words[j], start + static_cast<uint32_t>(j))) return false;
    }
    return true;
  }

  bool OccursAt(const std::vector<uint32_t>& alternatives, uint32_t position) const {
    for (uint32_t id : alternatives) {
      const auto& list = state_.positions[id];
      if (std::binary_search(list.begin(), list.end(), position)) return true;
    }
    return false;
  }

  // The sorted positions of a word position: the literal's own list when there is
  // one alternative, else the union built in `merged`.
  const std::vector<uint32_t>& Positions(const std::vector<uint32_t>& alternatives,
                                         std::vector<uint32_t>* merged) const {
    if (alternatives.size() == 1) return state_.positions[alternatives[0]];
    merged->clear();
    for (uint32_t id : alternatives) {
      const auto& list = state_.positions[id];
      merged->insert(merged->end(), list.begin(), list.end());
    }
    std::sort(merged->begin(), merged->end());
    merged->erase(std::unique(merged->begin(), merged->end()), merged->end());
    return *merged;
  }

  bool FieldMatches(const CompiledNode& node) const {
    const DocumentFields& fields = doc_.fields();
    switch (node.field) {
      case Field::kLang:
        return EqualsIgnoringCase(fields.lang, node.value);
      case Field::kPlatform:
        return EqualsIgnoringCase(fields.platform, node.value);
      case Field::kAuthorType:
        return EqualsIgnoringCase(fields.author_type, node.value);
      case Field::kCorpus:
        return EqualsIgnoringCase(fields.corpus, node.value);
      case Field::kRegion:
        for (const std::string& region : fields.regions) {
          if (EqualsIgnoringCase(region, node.value)) return true;
          if (node.value.size() == 2 && region.size() > 3 && region[2] == '-' &&
              EqualsIgnoringCase(std::string_view(region).substr(0, 2), node.value)) {
            return true;
          }
        }
        return false;
    }
    return false;
  }

  const CompiledQuery& query_;
  const ContextState& state_;
  const Document& doc_;
};

}  // namespace

std::vector<int> Matcher::Match(const Document& doc, MatchContext* context,
                                std::vector<HitSpan>* spans) const {
  return Match(doc, context, spans, {});
}

std::vector<int> Matcher::Match(const Document& doc, MatchContext* context,
                                std::vector<HitSpan>* spans,
                                const std::vector<bool>& spans_of) const {
  std::vector<int> matched;
  if (spans) spans->clear();
  if (!set_) return matched;
  ContextState& state = context->state();
  if (state.set != set_) state.Bind(set_);

  for (uint32_t id : state.touched) state.positions[id].clear();
  state.touched.clear();

  const auto& tokens = doc.tokens();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const DocumentToken& token = tokens[i];
    ContextState::LiteralRun run = state.LiteralsOf(token.key, set_->has_stems && token.is_word);
    for (uint32_t k = 0; k < run.count; ++k) {
      uint32_t id = state.cached_literals[run.begin + k];
      std::vector<uint32_t>& list = state.positions[id];
      if (list.empty()) state.touched.push_back(id);
      list.push_back(static_cast<uint32_t>(i));
    }
  }

  // Queue the queries that can match: those with a literal that occurred, and
  // those that can match without any.
  if (++state.generation == 0) {
    std::fill(state.query_mark.begin(), state.query_mark.end(), 0);
    state.generation = 1;
  }
  std::vector<int>& candidates = state.candidates;
  candidates.assign(set_->always_evaluate.begin(), set_->always_evaluate.end());
  for (int q : candidates) state.query_mark[static_cast<size_t>(q)] = state.generation;
  for (uint32_t id : state.touched) {
    for (int q : set_->queries_of_literal[id]) {
      if (state.query_mark[static_cast<size_t>(q)] != state.generation) {
        state.query_mark[static_cast<size_t>(q)] = state.generation;
        candidates.push_back(q);
      }
    }
  }
  // Evaluate in any order, then give the matches (and their spans) in query order.
  for (int q : candidates) {
    const CompiledQuery& query = set_->queries[static_cast<size_t>(q)];
    if (Evaluator(query, state, doc).Eval(query.root)) matched.push_back(q);
  }
  std::sort(matched.begin(), matched.end());
  if (!spans) return matched;
  for (int q : matched) {
    if (!spans_of.empty() && !spans_of[static_cast<size_t>(q)]) continue;
    const CompiledQuery& query = set_->queries[static_cast<size_t>(q)];
    std::vector<Span> found;
    Evaluator(query, state, doc).Collect(query.root, true, &found);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (const Span& s : found) {
      HitSpan hit;
      hit.query = q;
      hit.first_word = s.first;
      hit.last_word = s.last;
      hit.folded_begin = tokens[s.first].key_begin;
      hit.folded_end = tokens[s.last].key_begin + tokens[s.last].key.size();
      hit.text_begin = std::min(tokens[s.first].text_begin, doc.text().size());
      hit.text_end = std::min(tokens[s.last].text_end, doc.text().size());
      spans->push_back(hit);
    }
  }
  return matched;
}

std::vector<int> Matcher::Match(const Document& doc) const {
  if (!set_) return {};
  MatchContext context(*this);
  return Match(doc, &context, nullptr);
}

}  // namespace tenlik::query
