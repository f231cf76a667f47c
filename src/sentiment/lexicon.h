// Internal: a small hand-written polarity lexicon for Russian and English (our own
// list, see lexicon.cpp), used as two extra features ("a positive word", "a
// negative word") with negation.
#pragma once

#include <cstdint>
#include <string_view>

namespace tenlik::sentiment::internal {

// +1 for a positive word, -1 for a negative one, 0 otherwise. `word` is lower-case
// (case-folded) with ё written е.
int LexiconPolarity(std::string_view word);

// Words that negate the next word or two: не, нет, ни, без, not, no, never, ...
bool IsNegatorBefore(std::string_view word);

// Kazakh negation that follows the word: емес, жоқ (also folded жок).
bool IsNegatorAfter(std::string_view word);

// A checksum of the lexicon, stored in the model file: a model trained with other
// lists is refused on load.
uint32_t LexiconFingerprint();

}  // namespace tenlik::sentiment::internal
