// Place detection: one Hyperscan scan of the folded line, then the longest
// non-overlapping mentions.
#include <algorithm>
#include <set>

#include "geo/geo.h"
#include "geo/internal.h"
#include "text/text.h"

namespace tenlik::geo {
namespace internal {

namespace {

struct Line {
  std::string folded;              // " k1 k2 ... kn "
  std::vector<size_t> key_begin;   // start of token i's key in `folded`
  std::vector<size_t> text_begin;  // byte range of token i in the text
  std::vector<size_t> text_end;
  std::vector<std::string_view> keys;  // into the tokens (or kHidden)
};

// What URLs and e-mail addresses become: a placeholder no name contains.
constexpr std::string_view kHidden = "\x01";

Line FoldLine(const std::vector<text::Token>& tokens) {
  Line line;
  line.folded.push_back(' ');
  line.key_begin.reserve(tokens.size());
  line.text_begin.reserve(tokens.size());
  line.text_end.reserve(tokens.size());
  line.keys.reserve(tokens.size());
  for (const text::Token& t : tokens) {
    std::string_view key = t.text;
    if (t.type == text::TokenType::kUrl || t.type == text::TokenType::kEmail) key = kHidden;
    if (t.type == text::TokenType::kHashtag && key.size() > 1 && key[0] == '#')
      key.remove_prefix(1);
    line.key_begin.push_back(line.folded.size());
    line.folded += key;
    line.folded.push_back(' ');
    line.text_begin.push_back(t.begin);
    line.text_end.push_back(t.end);
    line.keys.push_back(key);
  }
  return line;
}

struct Hit {
  size_t first;
  size_t last;
  size_t id;  // pattern
};

struct ScanState {
  const Line* line;
  const GazetteerData* data;
  std::vector<Hit>* hits;
};

// Kazakh suffixes in their folded spelling (қ->к, ғ->г, ң->н, і->и, ұ/ү->у ...):
// plural, possessive, the cases (after vowels and consonants, plain and after a
// possessive), -дағы/-дегі "the one in", -лық/-лік "of / from" (Алматылық).
const std::set<std::string_view>& KazakhSuffixes() {
  static const std::set<std::string_view> suffixes = {
      "лар",   "лер", "дар", "дер", "тар", "тер", "ы",    "и",    "сы",   "си",   "ын",
      "ин",    "сын", "син", "да",  "де",  "та",  "те",   "нда",  "нде",  "га",   "ге",
      "ка",    "ке",  "на",  "не",  "а",   "е",   "дан",  "ден",  "тан",  "тен",  "нан",
      "нен",   "нын", "нин", "дын", "дин", "тын", "тин",  "ны",   "ни",   "ды",   "ди",
      "ты",    "ти",  "н",   "мен", "бен", "пен", "дагы", "деги", "тагы", "теги", "ндагы",
      "ндеги", "гы",  "ги",  "кы",  "ки",  "лык", "лик",  "дык",  "дик",  "тык",  "тик"};
  return suffixes;
}

// `rest` is 1..`budget` Kazakh suffixes in a row.
bool KazakhChain(std::string_view rest, int budget) {
  if (rest.empty()) return true;
  if (budget == 0) return false;
  const auto& suffixes = KazakhSuffixes();
  // Suffixes are 1..5 Cyrillic letters (2..10 bytes).
  for (size_t n = 2; n <= 10 && n <= rest.size(); n += 2) {
    if (suffixes.count(rest.substr(0, n)) > 0 && KazakhChain(rest.substr(n), budget - 1)) {
      return true;
    }
  }
  return false;
}

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
            void* context) {
  auto* state = static_cast<ScanState*>(context);
  const Line& line = *state->line;
  const Anchor& anchor = state->data->anchors[id];
  // The anchor is " " + a prefix of the first word: the token starts after it.
  size_t begin = static_cast<size_t>(to) - anchor.length + 1;
  auto it = std::lower_bound(line.key_begin.begin(), line.key_begin.end(), begin);
  if (it == line.key_begin.end() || *it != begin) return 0;
  size_t first = static_cast<size_t>(it - line.key_begin.begin());
  for (size_t p : anchor.patterns) {
    const Pattern& pattern = state->data->patterns[p];
    if (first + pattern.words.size() > line.keys.size()) continue;
    bool all = true;
    for (size_t w = 0; w < pattern.words.size() && all; ++w) {
      all = WordMatches(pattern.words[w], line.keys[first + w]);
    }
    if (all) state->hits->push_back({first, first + pattern.words.size() - 1, p});
  }
  return 0;
}

}  // namespace

bool WordMatches(const WordForm& word, std::string_view token) {
  if (word.exact && token == word.key) return true;
  if (!word.endings.empty() && token.size() > word.stem.size() &&
      token.substr(0, word.stem.size()) == word.stem) {
    std::string_view ending = token.substr(word.stem.size());
    for (const std::string& e : word.endings) {
      if (ending == e) return true;
    }
  }
  if (token.size() <= word.key.size() || token.substr(0, word.key.size()) != word.key) {
    return false;
  }
  std::string_view rest = token.substr(word.key.size());
  if (word.possessive) return rest == "'s" || rest == "\xE2\x80\x99s";
  return word.kazakh && KazakhChain(rest, 4);
}

std::vector<Mention> Mentions(const GazetteerData& data, std::string_view text, bool deny) {
  return Mentions(data, text::Tokenize(text), deny);
}

std::vector<Mention> Mentions(const GazetteerData& data, const std::vector<text::Token>& tokens,
                              bool deny) {
  std::vector<Mention> out;
  Line line = FoldLine(tokens);
  if (line.keys.empty()) return out;
  std::vector<Hit> hits;
  ScanState state{&line, &data, &hits};
  hs_scratch_t* scratch = data.scratch->Acquire();
  if (scratch == nullptr) return out;
  hs_scan(data.db, line.folded.data(), static_cast<unsigned>(line.folded.size()), 0, scratch,
          OnMatch, &state);
  data.scratch->Release(scratch);

  if (deny && !data.deny.empty()) {
    std::erase_if(hits, [&](const Hit& h) {
      std::string span;
      for (size_t i = h.first; i <= h.last; ++i) {
        if (i > h.first) span.push_back(' ');
        span += line.keys[i];
      }
      return data.deny.count(span) > 0;
    });
  }
  // Longest first; on equal length the earlier one; then the lower pattern id
  // (the database is ordered, so the choice is deterministic).
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    size_t la = a.last - a.first;
    size_t lb = b.last - b.first;
    if (la != lb) return la > lb;
    if (a.first != b.first) return a.first < b.first;
    return a.id < b.id;
  });
  std::vector<bool> taken(line.keys.size(), false);
  for (const Hit& h : hits) {
    bool free = true;
    for (size_t i = h.first; i <= h.last; ++i) free = free && !taken[i];
    if (!free) continue;
    for (size_t i = h.first; i <= h.last; ++i) taken[i] = true;
    const Pattern& p = data.patterns[h.id];
    out.push_back(
        Mention{p.iso, line.text_begin[h.first], line.text_end[h.last], h.first, h.last, p.form});
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_word < b.first_word; });
  return out;
}

}  // namespace internal

std::vector<Mention> Gazetteer::FindMentions(std::string_view text) const {
  return internal::Mentions(*data_, text, /*deny=*/true);
}

std::vector<std::string> Gazetteer::FindPlaces(std::string_view text) const {
  return FindPlacesInTokens(text::Tokenize(text));
}

std::vector<std::string> Gazetteer::FindPlacesInTokens(
    const std::vector<text::Token>& tokens) const {
  std::vector<std::string> codes;
  for (const Mention& m : internal::Mentions(*data_, tokens, /*deny=*/true)) {
    if (std::find(codes.begin(), codes.end(), m.iso) == codes.end()) codes.push_back(m.iso);
  }
  return codes;
}

std::optional<std::string> Gazetteer::ResolvePlaceHint(std::string_view hint) const {
  std::string_view trimmed = hint;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
    trimmed.remove_prefix(1);
  }
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t' ||
                              trimmed.back() == '\r' || trimmed.back() == '\n')) {
    trimmed.remove_suffix(1);
  }
  if (trimmed.empty()) return std::nullopt;
  if (trimmed.size() == 5 || trimmed.size() == 6) {
    if (const Region* r = FindRegion(trimmed)) return r->iso;
  }
  size_t start = 0;
  while (start <= trimmed.size()) {
    size_t comma = trimmed.find_first_of(",;", start);
    if (comma == std::string_view::npos) comma = trimmed.size();
    std::vector<Mention> mentions =
        internal::Mentions(*data_, trimmed.substr(start, comma - start), /*deny=*/false);
    if (!mentions.empty()) return mentions.front().iso;
    start = comma + 1;
  }
  return std::nullopt;
}

}  // namespace tenlik::geo
