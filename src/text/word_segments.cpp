// Word segmentation. ICU's BreakIterator is the reference, but it runs its rule
// machine per character at a cost that dominated tokenising. Kazakh, Russian and
// English posts use a small repertoire (Latin, Cyrillic, digits, common punctuation)
// for which the rules of UAX #29 reduce to a few: letters and digits join (WB5,
// WB8-10), a middle character joins two letters (WB6-7: . ' ’ ·) or two digits
// (WB11-12: . , ;), combining marks stay with their base (WB4), and anything else
// stands alone. The character classes come from ICU's Word_Break property, so
// the fast path and ICU agree; tests check it on the sample corpus and on random text.
#include "text/word_segments.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>

#include "text/utf8.h"

namespace tenlik::text::internal {
namespace {

enum CharClass : uint8_t {
  kOutside,    // not in the fast path's repertoire: ICU segments the text
  kLetter,     // Word_Break=ALetter
  kDigit,      // Numeric
  kMidLetter,  // joins letters only
  kMidNum,     // joins digits only
  kMidBoth,    // MidNumLet and Single_Quote: joins letters or digits
  kExtend,     // Extend and Format: part of the character before
  kLineBreak,  // LF, Newline: a combining mark after one is not attached
  kReturn,     // CR: the same, and CR LF is one segment (WB3)
  kSpace,      // WSegSpace: a run of them is one segment (WB3d)
  kAlone,      // everything else: a segment of its own
};

constexpr char32_t kTableSize = 0x2117;

bool InRepertoire(char32_t c) {
  return c < 0x0250 || (c >= 0x0300 && c < 0x0370) || (c >= 0x0400 && c < 0x0530) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203E) || c == 0x2116;
}

CharClass Classify(char32_t c) {
  UChar32 cp = static_cast<UChar32>(c);
  // Pictographs (© ® ‼) take part in emoji sequences, which ICU handles.
  if (!InRepertoire(c) || u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) return kOutside;
  // ICU follows CLDR's root locale, which keeps "a:b" apart and treats @ as a letter.
  if (c == U':') return kAlone;
  if (c == U'@') return kLetter;
  switch (u_getIntPropertyValue(cp, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kDigit;
    case U_WB_MIDLETTER:
      return kMidLetter;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kMidBoth;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
      return kExtend;
    case U_WB_CR:
      return kReturn;
    case U_WB_LF:
    case U_WB_NEWLINE:
      return kLineBreak;
    case U_WB_WSEGSPACE:
      return kSpace;
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kAlone;
    default:
      return kOutside;  // ExtendNumLet, Katakana, Hebrew, ZWJ, ...
  }
}

const std::array<uint8_t, kTableSize>& ClassTable() {
  static const std::array<uint8_t, kTableSize> table = [] {
    std::array<uint8_t, kTableSize> t{};
    for (char32_t c = 0; c < kTableSize; ++c) t[c] = Classify(c);
    return t;
  }();
  return table;
}

// A character with the combining marks that follow it.
struct Char {
  size_t begin;
  CharClass cls;
};

// The characters of `text`, or false when one is outside the repertoire or a
// combining mark has no base the fast path can attach it to.
bool ReadChars(std::string_view text, std::vector<Char>& chars) {
  const std::array<uint8_t, kTableSize>& table = ClassTable();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    char32_t c = byte < 0x80 ? (++pos, byte) : NextCodePoint(text, pos);
    CharClass cls = c < kTableSize ? static_cast<CharClass>(table[c]) : kOutside;
    if (cls == kOutside) return false;
    if (cls == kExtend) {
      // No base, or a base whose rules apply before marks attach (WB3-3d).
      if (chars.empty() || chars.back().cls == kLineBreak || chars.back().cls == kReturn ||
          chars.back().cls == kSpace) {
        return false;
      }
      continue;
    }
    chars.push_back({begin, cls});
  }
  return true;
}

bool IsAlnum(CharClass cls) { return cls == kLetter || cls == kDigit; }

// Segments one piece of text between spaces, its offsets shifted by `offset`.
bool FastPiece(std::string_view text, size_t offset, std::vector<Segment>& out) {
  thread_local std::vector<Char> chars;
  chars.clear();
  if (!ReadChars(text, chars)) return false;
  size_t n = chars.size();
  size_t first_new = out.size();
  auto end_of = [&](size_t k) { return k + 1 < n ? chars[k + 1].begin : text.size(); };
  size_t i = 0;
  while (i < n) {
    if (chars[i].cls == kSpace) {
      size_t j = i + 1;
      while (j < n && chars[j].cls == kSpace) ++j;
      out.push_back({offset + chars[i].begin, offset + end_of(j - 1), SegmentKind::kOther});
      i = j;
      continue;
    }
    if (!IsAlnum(chars[i].cls)) {
      size_t last =
          chars[i].cls == kReturn && i + 1 < n && text[chars[i + 1].begin] == '\n' ? i + 1 : i;
      out.push_back({offset + chars[i].begin, offset + end_of(last), SegmentKind::kOther});
      i = last + 1;
      continue;
    }
    bool letters = false;
    bool digits = false;
    size_t j = i;
    while (j < n) {
      CharClass cls = chars[j].cls;
      if (IsAlnum(cls)) {
        (cls == kLetter ? letters : digits) = true;
        ++j;
        continue;
      }
      if (j > i && j + 1 < n && chars[j + 1].cls == chars[j - 1].cls) {
        CharClass around = chars[j - 1].cls;
        bool joins = around == kLetter ? (cls == kMidLetter || cls == kMidBoth)
                                       : (cls == kMidNum || cls == kMidBoth);
        if (joins) {
          j += 2;
          continue;
        }
      }
      break;
    }
    if (letters && digits) {  // which rule status ICU gives these depends on their order
      out.resize(first_new);
      return false;
    }
    out.push_back({offset + chars[i].begin, offset + end_of(j - 1),
                   letters ? SegmentKind::kWord : SegmentKind::kNumber});
    i = j;
  }
  return true;
}

// ICU break iterators are costly to create and not thread-safe: one per thread.
struct IcuWords {
  std::unique_ptr<icu::BreakIterator> iterator;
  UText* text = nullptr;
  IcuWords() {
    UErrorCode status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) iterator.reset();
  }
  ~IcuWords() {
    if (text) utext_close(text);
  }
};

void IcuSegments(std::string_view text, size_t offset, std::vector<Segment>& out) {
  thread_local IcuWords words;
  if (!words.iterator) return;
  UErrorCode status = U_ZERO_ERROR;
  words.text = utext_openUTF8(words.text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  words.iterator->setText(words.text, status);
  if (U_FAILURE(status)) return;
  int32_t start = words.iterator->first();
  for (int32_t stop = words.iterator->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = words.iterator->next()) {
    int32_t rule = words.iterator->getRuleStatus();
    SegmentKind kind = SegmentKind::kOther;
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      kind = SegmentKind::kNumber;
    } else if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT) {
      kind = SegmentKind::kWord;
    }
    out.push_back({offset + static_cast<size_t>(start), offset + static_cast<size_t>(stop), kind});
  }
}

// Whether a space next to the character at `pos` could join it: the character is
// a space itself (WB3d) or a mark that would attach to the space (WB4).
bool MayJoinASpace(std::string_view text, size_t pos) {
  char32_t c = NextCodePoint(text, pos);
  if (c < kTableSize && ClassTable()[c] != kOutside) {
    return ClassTable()[c] == kSpace || ClassTable()[c] == kExtend;
  }
  int32_t cls = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK);
  return cls == U_WB_WSEGSPACE || cls == U_WB_EXTEND || cls == U_WB_FORMAT || cls == U_WB_ZWJ;
}

// The text split at runs of spaces, each piece segmented by the fast path or, when
// it holds a character the fast path does not know, by ICU alone. A space breaks
// words on both sides (WB999) unless it groups with another space (WB3d) or a mark
// attaches to it (WB4); text where that could happen goes to ICU whole (false).
bool FastSegments(std::string_view text, std::vector<Segment>& out) {
  size_t first_new = out.size();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = pos;
    if (text[pos] == ' ') {
      while (end < text.size() && text[end] == ' ') ++end;
      out.push_back({pos, end, SegmentKind::kOther});
      pos = end;
      continue;
    }
    while (end < text.size() && text[end] != ' ') ++end;
    std::string_view piece = text.substr(pos, end - pos);
    size_t last = piece.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(piece[last]) & 0xC0) == 0x80) --last;
    if (MayJoinASpace(piece, 0) || MayJoinASpace(piece, last)) {
      out.resize(first_new);
      return false;
    }
    if (!FastPiece(piece, pos, out)) IcuSegments(piece, pos, out);
    pos = end;
  }
  return true;
}

}  // namespace

bool WordSegments(std::string_view text, Segmentation segmentation, std::vector<Segment>& out) {
  if (segmentation == Segmentation::kFastWhereSafe && FastSegments(text, out)) return true;
  IcuSegments(text, 0, out);
  return false;
}

}  // namespace tenlik::text::internal
