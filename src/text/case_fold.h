// Internal to text/: per-code-point folding table (ICU full case folding followed
// by the Kazakh informal-letter folding) and character classes used by Fold(),
// Tokenize() and IdentifyLanguage().
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace tenlik::text::internal {

enum CharFlag : uint8_t {
  kFlagLetter = 1 << 0,          // alphabetic or a combining mark (part of a word)
  kFlagLatin = 1 << 1,           // a Latin letter (see IsLatinLetter)
  kFlagCyrillic = 1 << 2,        // a Cyrillic letter
  kFlagCyrConsonant = 1 << 3,    // a Cyrillic consonant letter (after folding)
  kFlagKazakhCyrillic = 1 << 4,  // one of әғқңөұүһі (either case)
  kFlagApostrophe = 1 << 5,      // ' ’ ʼ ` used as the 2017 Kazakh Latin diacritic
  kFlagNeedsNfc = 1 << 6,        // the folded form may not be NFC (rare)
  kFlagFoldsToLatin = 1 << 7,    // the folded form holds a Latin letter (K → k, ﬁ → fi)
};

// The folded form of one BMP code point, stored as UTF-8 to append directly.
struct FoldEntry {
  uint8_t length;  // bytes in utf8
  uint8_t flags;   // CharFlag bits of the *input* code point
  char utf8[10];
};

// Builds the table of every BMP code point; FoldTable() calls it once.
std::unique_ptr<FoldEntry[]> BuildFoldTable();

// The folding and flags of a code point past the BMP (ICU, uncached).
void AppendFoldedPastBmp(char32_t c, std::string& out);
uint8_t CharFlagsPastBmp(char32_t c);

// The table of every BMP code point; built once, thread-safe. The three functions
// below are inline because they run for every character of every text.
inline const FoldEntry* FoldTable() {
  static const std::unique_ptr<FoldEntry[]> table = BuildFoldTable();
  return table.get();
}

// Appends the folded form of `c` (any code point) to `out`.
inline void AppendFolded(char32_t c, std::string& out) {
  if (c >= 0x10000) return AppendFoldedPastBmp(c, out);
  const FoldEntry& entry = FoldTable()[c];
  out.append(entry.utf8, entry.length);
}

// CharFlag bits of `c`.
inline uint8_t CharFlags(char32_t c) {
  return c < 0x10000 ? FoldTable()[c].flags : CharFlagsPastBmp(c);
}

// Maps a lower-case Cyrillic letter through the Kazakh informal folding:
// қ→к, ғ→г, ң→н, ә→а, ө→о, ұ→у, ү→у, і→и, һ→х, ё→е; others unchanged.
// clang-format off
constexpr char32_t FoldKazakhLetter(char32_t c) {
  switch (c) {
    case U'қ': return U'к';
    case U'ғ': return U'г';
    case U'ң': return U'н';
    case U'ә': return U'а';
    case U'ө': return U'о';
    case U'ұ': return U'у';
    case U'ү': return U'у';
    case U'і': return U'и';
    case U'һ': return U'х';
    case U'ё': return U'е';
    default: return c;
  }
}
// clang-format on

}  // namespace tenlik::text::internal
