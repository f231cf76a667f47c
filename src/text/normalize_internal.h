// Internal to text/: the steps of Normalize(), reused by Fold() and Tokenize().
#pragma once

#include <string>
#include <string_view>

namespace tenlik::text::internal {

// Copies `utf8` with each ill-formed sequence replaced by U+FFFD. Sets
// *needs_nfc when the text holds a character outside the ranges that are NFC by
// construction (then ToNfc must run).
std::string RepairUtf8(std::string_view utf8, bool* needs_nfc);

// True when `utf8` is well-formed and made only of characters that are NFC by
// construction: then RepairUtf8 would copy it unchanged and ToNfc is not needed.
bool IsWellFormedTrivialNfc(std::string_view utf8);

// ICU NFC of well-formed UTF-8.
std::string ToNfc(std::string_view valid_utf8);

// True when `c` is outside the ranges known to be NFC on their own.
bool NeedsIcuNormalization(char32_t c);

}  // namespace tenlik::text::internal
