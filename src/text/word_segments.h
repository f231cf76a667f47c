// Internal to text/: word segmentation (Unicode UAX #29, as ICU's word
// BreakIterator does it) of plain text, the part of a line between URLs and tags.
#pragma once

#include <string_view>
#include <vector>

namespace tenlik::text::internal {

enum class SegmentKind { kOther, kWord, kNumber };

struct Segment {
  size_t begin;  // byte offsets in the text given
  size_t end;
  SegmentKind kind;
};

enum class Segmentation {
  kFastWhereSafe,  // our segmenter for Latin, Cyrillic, digits and punctuation; ICU otherwise
  kIcuOnly,  // ICU's BreakIterator for every text (the reference the fast path is tested against)
};

// Appends the segments of `text` to `out`, in order and covering it. A segment is
// a word (holds letters), a number, or anything else (space, punctuation, emoji).
// kFastWhereSafe gives the same segments as kIcuOnly: text with a character the
// fast path does not know (other scripts, emoji, joiners) goes to ICU whole.
// Returns whether the fast path segmented the text.
bool WordSegments(std::string_view text, Segmentation segmentation, std::vector<Segment>& out);

}  // namespace tenlik::text::internal
