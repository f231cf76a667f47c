// Hashed features of a post. From text::Tokenize (whose word tokens are already
// Fold()ed, so Kazakh spelling variants agree):
//   - word unigrams, with runs of one letter longer than two cut to two
//     ("керемееет" -> "керемеет"), hashtags and emoji as words;
//   - bigrams of neighbouring words/emoji;
//   - character 3-, 4- and 5-grams of each word framed as "<word>";
//   - numbers, @mentions, URLs and e-mails as one class feature each;
//   - lexicon features: "positive word" / "negative word" from lexicon.cpp, looked
//     up on the case-folded original spelling (so English stays English in mixed
//     lines), flipped by a negator one or two words before (не, not) or right after
//     (емес, жоқ).
// Each feature is hashed (FNV-1a 64 with a per-kind seed, then a 64-bit finaliser)
// into 2^bits buckets.
#include "sentiment/features.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "sentiment/lexicon.h"
#include "text/text.h"

namespace tenlik::sentiment::internal {
namespace {

enum Kind : uint64_t {
  kUnigram = 0x9E3779B97F4A7C15ull,
  kBigram = 0xC2B2AE3D27D4EB4Full,
  kCharGram = 0x165667B19E3779F9ull,
  kClass = 0x27D4EB2F165667C5ull,
  kLexicon = 0x85EBCA77C2B2AE63ull,
};

inline uint64_t Finalize(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

inline uint64_t Hash(uint64_t kind, const char* data, size_t n) {
  uint64_t h = 14695981039346656037ull ^ kind;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 1099511628211ull;
  }
  return Finalize(h);
}

inline uint64_t Hash(uint64_t kind, std::string_view s) { return Hash(kind, s.data(), s.size()); }

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Cuts runs of the same character longer than two to two.
std::string SqueezeRuns(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  std::string_view prev;
  int run = 0;
  size_t i = 0;
  while (i < word.size()) {
    size_t j = i + 1;
    while (j < word.size() && IsContinuation(static_cast<unsigned char>(word[j]))) ++j;
    std::string_view ch = word.substr(i, j - i);
    run = (ch == prev) ? run + 1 : 1;
    prev = ch;
    if (run <= 2) out.append(ch);
    i = j;
  }
  return out;
}

constexpr size_t kMaxWordChars = 40;  // longer "words" (keyboard mashing) are cut

void AddCharGrams(std::string_view word, uint64_t mask, std::vector<uint32_t>* out) {
  std::string framed;
  framed.reserve(word.size() + 2);
  framed.push_back('<');
  framed.append(word);
  framed.push_back('>');
  std::array<uint32_t, kMaxWordChars + 3> starts{};
  size_t chars = 0;
  for (size_t i = 0; i < framed.size() && chars < kMaxWordChars + 2; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(framed[i])))
      starts[chars++] = static_cast<uint32_t>(i);
  }
  starts[chars] = static_cast<uint32_t>(framed.size());
  if (chars == kMaxWordChars + 2) {
    // Cut: the end is where the last counted character ends.
    size_t end = starts[chars - 1] + 1;
    while (end < framed.size() && IsContinuation(static_cast<unsigned char>(framed[end]))) ++end;
    starts[chars] = static_cast<uint32_t>(end);
  }
  for (size_t n = 3; n <= 5; ++n) {
    if (chars < n) break;
    for (size_t i = 0; i + n <= chars; ++i) {
      const char* p = framed.data() + starts[i];
      size_t len = starts[i + n] - starts[i];
      // The n-gram length goes into the seed so "abc" as a 3-gram of one word and
      // as part of another kind never collide by construction.
      out->push_back(static_cast<uint32_t>(Hash(kCharGram + n, p, len) & mask));
    }
  }
}

// Lower-case form of the original spelling of a token, ё written е, for the lexicon.
std::string LexiconKey(std::string_view original) {
  bool ascii = true;
  for (unsigned char c : original) ascii = ascii && c < 0x80;
  std::string key;
  if (ascii) {
    key.assign(original);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    key.erase(std::remove(key.begin(), key.end(), '\''), key.end());  // don't -> dont
    return key;
  }
  key = text::CaseFold(original);
  // ё (U+0451, D1 91) -> е (U+0435, D0 B5); the apostrophe U+2019 is dropped.
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    if (i + 1 < key.size() && static_cast<unsigned char>(key[i]) == 0xD1 &&
        static_cast<unsigned char>(key[i + 1]) == 0x91) {
      out += "\xD0\xB5";
      ++i;
    } else if (i + 2 < key.size() && static_cast<unsigned char>(key[i]) == 0xE2 &&
               static_cast<unsigned char>(key[i + 1]) == 0x80 &&
               static_cast<unsigned char>(key[i + 2]) == 0x99) {
      i += 2;
    } else {
      out.push_back(key[i]);
    }
  }
  return out;
}

}  // namespace

void ExtractFeatures(std::string_view text, uint32_t bits, std::vector<uint32_t>* out) {
  ExtractFeatures(text, text::Tokenize(text), bits, out);
}

void ExtractFeatures(std::string_view text, const std::vector<text::Token>& tokens, uint32_t bits,
                     std::vector<uint32_t>* out) {
  out->clear();
  const uint64_t mask = (uint64_t{1} << bits) - 1;

  // Words and emoji in order, for bigrams and negation.
  std::vector<uint64_t> unit_hash;
  std::vector<std::string> lex_keys;  // lexicon key of each unit ("" for emoji)
  unit_hash.reserve(tokens.size());
  lex_keys.reserve(tokens.size());

  for (const text::Token& t : tokens) {
    switch (t.type) {
      case text::TokenType::kWord:
      case text::TokenType::kHashtag: {
        std::string_view w = t.text;
        if (t.type == text::TokenType::kHashtag && !w.empty() && w.front() == '#')
          w.remove_prefix(1);
        if (w.empty()) break;
        std::string word = SqueezeRuns(w);
        uint64_t h = Hash(kUnigram, word);
        out->push_back(static_cast<uint32_t>(h & mask));
        AddCharGrams(word, mask, out);
        unit_hash.push_back(h);
        lex_keys.push_back(t.begin < t.end && t.end <= text.size()
                               ? LexiconKey(text.substr(t.begin, t.end - t.begin))
                               : std::string(word));
        break;
      }
      case text::TokenType::kEmoji: {
        uint64_t h = Hash(kUnigram, t.text);
        out->push_back(static_cast<uint32_t>(h & mask));
        unit_hash.push_back(h);
        lex_keys.emplace_back();
        break;
      }
      case text::TokenType::kNumber:
        out->push_back(static_cast<uint32_t>(Hash(kClass, "<number>") & mask));
        // Short numbers ("5", "10") are often ratings: keep them as words too.
        if (t.text.size() <= 2)
          out->push_back(static_cast<uint32_t>(Hash(kUnigram, t.text) & mask));
        break;
      case text::TokenType::kMention:
        out->push_back(static_cast<uint32_t>(Hash(kClass, "<mention>") & mask));
        break;
      case text::TokenType::kUrl:
      case text::TokenType::kEmail:
        out->push_back(static_cast<uint32_t>(Hash(kClass, "<link>") & mask));
        break;
    }
  }

  for (size_t i = 0; i + 1 < unit_hash.size(); ++i) {
    uint64_t h = Finalize(unit_hash[i] * 31 + unit_hash[i + 1] + kBigram);
    out->push_back(static_cast<uint32_t>(h & mask));
  }

  for (size_t i = 0; i < lex_keys.size(); ++i) {
    if (lex_keys[i].empty()) continue;
    int polarity = LexiconPolarity(lex_keys[i]);
    if (polarity == 0) continue;
    bool negated = (i >= 1 && IsNegatorBefore(lex_keys[i - 1])) ||
                   (i >= 2 && IsNegatorBefore(lex_keys[i - 2])) ||
                   (i + 1 < lex_keys.size() && IsNegatorAfter(lex_keys[i + 1]));
    if (negated) polarity = -polarity;
    out->push_back(
        static_cast<uint32_t>(Hash(kLexicon, polarity > 0 ? "<lex+>" : "<lex->") & mask));
    if (negated) {
      out->push_back(
          static_cast<uint32_t>(Hash(kLexicon, polarity > 0 ? "<neg-lex+>" : "<neg-lex->") & mask));
    }
  }
}

}  // namespace tenlik::sentiment::internal
