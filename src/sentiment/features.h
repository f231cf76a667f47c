// Internal: hashed features of a post (see features.cpp for what they are).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace tenlik::sentiment::internal {

// Bumped whenever ExtractFeatures changes what it produces: a model trained with
// another version is refused on load.
inline constexpr uint32_t kFeatureVersion = 1;

inline constexpr uint32_t kMinHashBits = 10;
inline constexpr uint32_t kMaxHashBits = 24;

// Replaces `out` with the hashed feature indices (each < 2^bits) of `text`, one
// entry per occurrence. Thread-safe.
void ExtractFeatures(std::string_view text, uint32_t bits, std::vector<uint32_t>* out);
// The same from `tokens` = text::Tokenize(text).
void ExtractFeatures(std::string_view text, const std::vector<text::Token>& tokens, uint32_t bits,
                     std::vector<uint32_t>* out);

}  // namespace tenlik::sentiment::internal
