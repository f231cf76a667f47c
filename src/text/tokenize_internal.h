// Internal to text/: Tokenize() with the word segmentation chosen, so that tests
// can hold the fast segmenter to ICU's.
#pragma once

#include <string_view>
#include <vector>

#include "text/text.h"
#include "text/word_segments.h"

namespace tenlik::text::internal {

std::vector<Token> TokenizeWith(std::string_view utf8, Segmentation segmentation);

}  // namespace tenlik::text::internal
