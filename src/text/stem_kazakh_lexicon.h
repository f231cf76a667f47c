// Internal to text/: closed classes of Kazakh words whose endings only look like
// suffixes, consulted by the Kazakh stemmer (stem_kazakh.cpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace tenlik::text::internal {

struct KazakhProtectedPrefix {
  // How many leading letters of the word no ending may cut into:
  //   - the whole word for a function word (үшін, кейін, басқа) or a postposition
  //     built on a relational noun (алдында, арасында, бойынша);
  //   - the length of a protected stem that begins the word: a numeral (алты in
  //     алтыншы, жеті in жетінші), a place name (Алматы in Алматыда) or a pronoun
  //     (бәрі in бәрін);
  //   - 0 otherwise.
  size_t length = 0;
  // Whether that stem ends in a possessive grown into it, so that it takes the
  // pronominal н (бәрі: бәрін, бәрінде), unlike a numeral (алты: алтын is a word).
  bool takes_pronominal_n = false;
};

// `word` is lower case, in the proper Kazakh spelling when `folded` is false and in
// the folded spelling (FoldKazakhLetter: қ→к, і→и ...) when it is true.
KazakhProtectedPrefix FindKazakhProtectedPrefix(std::u32string_view word, bool folded);

}  // namespace tenlik::text::internal
