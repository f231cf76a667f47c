// Internal to text/: Kazakh written in Latin letters (the 2021 alphabet, the 2017
// apostrophe and 2018 acute-accent alphabets, and informal chat spelling such as
// sh/ch/zh) read as Kazakh Cyrillic.
#pragma once

#include <string>
#include <string_view>

namespace tenlik::text::internal {

// Latin letters that take the 2017 apostrophe (a' = ә, g' = ғ, ...).
inline bool TakesApostrophe(char32_t c) {
  switch (c) {
    case U'a': case U'o': case U'u': case U'g': case U'n': case U's': case U'c': case U'i':
    case U'y': case U'k':
      return true;
    default:
      return false;
  }
}

// True when a case-folded Latin word carries a letter or an apostrophe form that
// only Kazakh Latin uses (ä ö ü ğ ñ ş ū ı, á ó ú ǵ ń ý, a' o' g' n' s' ..., or q
// not followed by u). Such a word is Kazakh whatever the rest of the line is.
bool HasKazakhLatinMarkers(std::string_view folded_word);

// Appends the Kazakh Cyrillic reading of a case-folded Latin word to `out` (proper
// Kazakh letters, e.g. "qazaqstan" -> "қазақстан"). Characters that are not Latin
// letters are passed through unchanged.
void TransliterateKazakhLatin(std::string_view folded_word, std::u32string& out);

}  // namespace tenlik::text::internal
