// Internal: the text around a hit, as `listen search` and the validation sheet show it.
#pragma once

#include <cstddef>
#include <string>

namespace tenlik::listen {

// The text around bytes [begin, end) of `text`: `window_chars` code points on each
// side, "…" where it was cut, line breaks and tabs as spaces. An out-of-range span
// gives the start of the text.
struct KeywordInContext {
  std::string before, hit, after;
};
KeywordInContext CutKeywordInContext(const std::string& text, size_t begin, size_t end,
                                     size_t window_chars);

}  // namespace tenlik::listen
