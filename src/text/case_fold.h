// Internal to text/: per-code-point folding table (ICU full case folding followed
// by the Kazakh informal-letter folding) and character classes used by Fold(),
// Tokenize() and IdentifyLanguage().
#pragma once

#include <cstdint>
#include <string>

namespace tenlik::text::internal {

enum CharFlag : uint8_t {
  kFlagLetter = 1 << 0,         // alphabetic or a combining mark (part of a word)
  kFlagLatin = 1 << 1,          // a Latin letter (see IsLatinLetter)
  kFlagCyrillic = 1 << 2,       // a Cyrillic letter
  kFlagCyrConsonant = 1 << 3,   // a Cyrillic consonant letter (after folding)
  kFlagKazakhCyrillic = 1 << 4, // one of әғқңөұүһі (either case)
  kFlagApostrophe = 1 << 5,     // ' ’ ʼ ` used as the 2017 Kazakh Latin diacritic
  kFlagNeedsNfc = 1 << 6,       // the folded form may not be NFC (rare)
};

// The folded form of one BMP code point, stored as UTF-8 to append directly.
struct FoldEntry {
  uint8_t length;   // bytes in utf8
  uint8_t flags;    // CharFlag bits of the *input* code point
  char utf8[10];
};

// The table of every BMP code point; built once, thread-safe.
const FoldEntry* FoldTable();

// Appends the folded form of `c` (any code point) to `out`.
void AppendFolded(char32_t c, std::string& out);

// CharFlag bits of `c`.
uint8_t CharFlags(char32_t c);

// Maps a lower-case Cyrillic letter through the Kazakh informal folding:
// қ→к, ғ→г, ң→н, ә→а, ө→о, ұ→у, ү→у, і→и, һ→х, ё→е; others unchanged.
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

}  // namespace tenlik::text::internal
