// IdentifyLanguage(): each word adds evidence for kk, ru or en — Kazakh-only
// letters (strongest), frequent words, typical endings and in-word letter
// sequences — and the line is named by the shares of the evidence.
#include <xxhash.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/case_fold.h"
#include "text/kazakh_translit.h"
#include "text/langid_internal.h"
#include "text/langid_lexicon.h"
#include "text/text.h"
#include "text/utf8.h"

namespace tenlik::text {
namespace internal {
namespace {

// Evidence from one word is capped so that a single long word cannot decide a line.
constexpr float kMaxWordEvidence = 2.0f;
constexpr float kKazakhLetterEvidence = 2.0f;
constexpr float kLexiconEvidence = 1.5f;
constexpr float kMaxInnerGramEvidence = 0.8f;
// A line is "mixed" when the second language holds at least this share of the
// evidence and at least this much evidence in absolute terms.
constexpr float kMixedShare = 0.25f;
constexpr float kMixedMinimum = 2.0f;
// Below this much evidence in total the line is undetermined.
constexpr float kMinimumEvidence = 0.6f;

struct Scores {
  float kk = 0;
  float ru = 0;
  float en = 0;
};

using WordSet = std::unordered_set<std::string_view>;

struct Lexicons {
  WordSet kazakh_cyrillic;
  WordSet kazakh_latin;
  WordSet russian;
  WordSet english;
};

const Lexicons& GetLexicons() {
  static const Lexicons lexicons = [] {
    Lexicons l;
    auto fill = [](WordSet& set, std::span<const std::string_view> words) {
      set.insert(words.begin(), words.end());
    };
    fill(l.kazakh_cyrillic, KazakhCyrillicWords());
    fill(l.kazakh_latin, KazakhLatinWords());
    fill(l.russian, RussianWords());
    fill(l.english, EnglishWords());
    return l;
  }();
  return lexicons;
}

// The weight of the longest listed ending of `word` that leaves a stem of at
// least two bytes of Latin / one Cyrillic letter.
float EndingEvidence(std::string_view word, std::span<const WeightedGram> endings) {
  float best = 0;
  for (const WeightedGram& g : endings) {
    if (word.size() >= g.gram.size() + 2 && word.ends_with(g.gram)) best = std::max(best, g.weight);
  }
  return best;
}

float InnerEvidence(std::string_view word, std::span<const WeightedGram> grams) {
  float sum = 0;
  for (const WeightedGram& g : grams) {
    if (word.find(g.gram) != std::string_view::npos) sum += g.weight;
  }
  return std::min(sum, kMaxInnerGramEvidence);
}

void ScoreLatinWord(std::string_view word, Scores& s) {
  const Lexicons& lex = GetLexicons();
  if (HasKazakhLatinMarkers(word)) {
    s.kk += kKazakhLetterEvidence;
    return;
  }
  float kk = 0;
  float en = 0;
  if (lex.english.contains(word)) en += kLexiconEvidence;
  if (lex.kazakh_latin.contains(word)) kk += kLexiconEvidence;
  if (kk == 0 && en == 0) {
    kk += EndingEvidence(word, KazakhLatinEndings()) + InnerEvidence(word, KazakhLatinInnerGrams());
    en += EndingEvidence(word, EnglishEndings()) + InnerEvidence(word, EnglishInnerGrams());
  }
  s.kk += std::min(kk, kMaxWordEvidence);
  s.en += std::min(en, kMaxWordEvidence);
}

void ScoreCyrillicWord(std::string_view word, bool has_kazakh_letter, Scores& s) {
  if (has_kazakh_letter) {
    s.kk += kKazakhLetterEvidence;
    return;
  }
  const Lexicons& lex = GetLexicons();
  float kk = 0;
  float ru = 0;
  if (lex.russian.contains(word)) ru += kLexiconEvidence;
  if (lex.kazakh_cyrillic.contains(word)) kk += kLexiconEvidence;
  if (kk == 0 && ru == 0) {
    kk += EndingEvidence(word, KazakhCyrillicEndings());
    ru += EndingEvidence(word, RussianEndings()) + InnerEvidence(word, RussianInnerGrams());
  }
  s.kk += std::min(kk, kMaxWordEvidence);
  s.ru += std::min(ru, kMaxWordEvidence);
}

// The evidence of each word is remembered per thread: words follow Zipf's law, so
// most words of a line have been scored before. The memory is a fixed direct-mapped
// table keyed by a 64-bit hash of the word (a collision between two words of a
// corpus is as likely as 2^-64 per pair): no allocation per word, no clearing.
constexpr size_t kRememberedWords = 1 << 15;

struct RememberedWord {
  uint64_t key = 0;  // 0: empty
  Scores evidence;
};

template <typename ScoreWord>
void AddWordEvidence(char kind, std::string_view word, Scores& s, ScoreWord score_word) {
  thread_local std::vector<RememberedWord> remembered(kRememberedWords);
  uint64_t key =
      XXH3_64bits_withSeed(word.data(), word.size(), static_cast<unsigned char>(kind)) | 1;
  RememberedWord& slot = remembered[key >> 49];  // the top 15 bits
  if (slot.key != key) {
    slot.key = key;
    slot.evidence = Scores{};
    score_word(slot.evidence);
  }
  s.kk += slot.evidence.kk;
  s.ru += slot.evidence.ru;
  s.en += slot.evidence.en;
}

void AddLatinWord(std::string_view word, Scores& s) {
  AddWordEvidence('l', word, s, [&](Scores& evidence) { ScoreLatinWord(word, evidence); });
}

void AddCyrillicWord(std::string_view word, bool has_kazakh_letter, Scores& s) {
  AddWordEvidence(has_kazakh_letter ? 'k' : 'c', word, s,
                  [&](Scores& evidence) { ScoreCyrillicWord(word, has_kazakh_letter, evidence); });
}

bool IsLinkLike(std::string_view chunk) {
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.starts_with("www.") || chunk.starts_with("WWW.");
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Scores the words of one white-space separated chunk.
void ScoreChunk(std::string_view chunk, Scores& s, int& letters) {
  const FoldEntry* table = FoldTable();
  std::string word;
  bool latin = false;
  bool cyrillic = false;
  bool kazakh_letter = false;
  auto flush = [&] {
    if (!word.empty()) {
      if (cyrillic) {
        AddCyrillicWord(word, kazakh_letter, s);
      } else if (latin) {
        AddLatinWord(word, s);
      }
    }
    word.clear();
    latin = cyrillic = kazakh_letter = false;
  };
  size_t pos = 0;
  while (pos < chunk.size()) {
    char32_t c = NextCodePoint(chunk, pos);
    uint8_t flags = c < 0x10000 ? table[c].flags : CharFlags(c);
    if (flags & kFlagLetter) {
      ++letters;
      if (flags & kFlagLatin) latin = true;
      if (flags & kFlagCyrillic) cyrillic = true;
      if (flags & kFlagKazakhCyrillic) kazakh_letter = true;
      AppendFolded(c, word);
    } else if (!word.empty() && ((flags & kFlagApostrophe) || c == U'-') && pos < chunk.size()) {
      AppendUtf8(c, word);  // in-word apostrophe or hyphen (ата-ана, a'ke)
    } else {
      flush();
    }
  }
  flush();
}

Lang Decide(const Scores& s, int letters) {
  if (letters < 2) return Lang::kUndetermined;
  struct Entry {
    Lang lang;
    float score;
  };
  Entry e[3] = {{Lang::kKazakh, s.kk}, {Lang::kRussian, s.ru}, {Lang::kEnglish, s.en}};
  std::sort(std::begin(e), std::end(e),
            [](const Entry& a, const Entry& b) { return a.score > b.score; });
  float total = e[0].score + e[1].score + e[2].score;
  if (total < kMinimumEvidence) return Lang::kUndetermined;
  if (e[1].score >= kMixedMinimum && e[1].score >= kMixedShare * total) return Lang::kMixed;
  return e[0].lang;
}

}  // namespace

bool LatinWordsLookKazakh(const std::vector<std::string_view>& folded_words) {
  Scores s;
  for (std::string_view w : folded_words) AddLatinWord(w, s);
  return s.kk >= 1.0f && s.kk > s.en;
}

}  // namespace internal

Lang IdentifyLanguage(std::string_view utf8) {
  internal::Scores scores;
  int letters = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && internal::IsSpace(utf8[i])) ++i;
    size_t start = i;
    while (i < utf8.size() && !internal::IsSpace(utf8[i])) ++i;
    std::string_view chunk = utf8.substr(start, i - start);
    if (chunk.empty() || internal::IsLinkLike(chunk)) continue;
    internal::ScoreChunk(chunk, scores, letters);
  }
  return internal::Decide(scores, letters);
}

}  // namespace tenlik::text
