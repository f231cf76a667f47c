// Internal to text/: Fold() with the decision about Latin-script words made by
// the caller, so that Tokenize() can fold each token in the context of its line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tenlik::text::internal {

enum class LatinPolicy {
  kDecide,            // transliterate unmarked Latin words when the Latin part of
                      // the text itself reads as Kazakh (what Fold() does)
  kTransliterateAll,  // the line is Kazakh: every Latin word is Kazakh Latin
  kMarkedOnly,        // only words with Kazakh-only Latin letters are transliterated
};

std::string FoldWithPolicy(std::string_view utf8, LatinPolicy policy);

// The policy Fold() would use for the Latin words of `utf8`: kTransliterateAll
// when its unmarked Latin words read as Kazakh, kMarkedOnly otherwise.
LatinPolicy DecideLatinPolicy(std::string_view utf8);

// Byte ranges [begin, end) in case-folded text of the words that hold at least one
// Latin letter (letters, marks and in-word apostrophes). Links, @mentions and
// e-mail addresses hold no words: they are identifiers, folded but never read as
// Kazakh.
struct WordSpan {
  size_t begin;
  size_t end;
};
std::vector<WordSpan> FindLatinWords(std::string_view folded);

}  // namespace tenlik::text::internal
