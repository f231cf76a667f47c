// Internal to text/: the part of language identification Fold() needs.
#pragma once

#include <string_view>
#include <vector>

namespace tenlik::text::internal {

// True when these case-folded Latin-script words (the Latin part of one line)
// read as Kazakh rather than English: Kazakh Latin function words, suffixes and
// letter patterns outweigh English ones.
bool LatinWordsLookKazakh(const std::vector<std::string_view>& folded_words);

}  // namespace tenlik::text::internal
