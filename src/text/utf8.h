// Internal to text/: small UTF-8 helpers shared by the text engine's files.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tenlik::text::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Ill-formed
// sequences decode to U+FFFD and advance by ICU's "maximal subpart" rule, so
// every bad byte run becomes exactly one replacement character.
inline char32_t NextCodePoint(std::string_view s, size_t& pos) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  pos = static_cast<size_t>(i);
  return c < 0 ? kReplacementChar : static_cast<char32_t>(c);
}

inline void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

inline bool IsAscii(std::string_view s) {
  // Eight bytes at a time: the common case on English posts and on URLs.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    __builtin_memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

inline bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Cyrillic block letters (no combining marks), the script of kk and ru.
inline bool IsCyrillicLetter(char32_t c) {
  return (c >= 0x0400 && c <= 0x0481) || (c >= 0x048A && c <= 0x052F);
}

// ' ’ ʼ `: the apostrophes Kazakh Latin (2017) writes after a letter.
inline bool IsApostrophe(char32_t c) {
  return c == U'\'' || c == 0x2019 || c == 0x02BC || c == U'`';
}

// Basic Latin, Latin-1 and Latin Extended-A/B letters (the range of every Kazakh
// Latin alphabet), plus U+02BC, the modifier-letter apostrophe used as a letter.
bool IsLatinLetter(char32_t c);

}  // namespace tenlik::text::internal
