// Normalize(): repair bad UTF-8 and compose to NFC, touching ICU only when the
// text holds characters whose NFC form might differ.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <vector>

#include "text/normalize_internal.h"
#include "text/text.h"
#include "text/utf8.h"

namespace tenlik::text {
namespace internal {

bool IsLatinLetter(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(static_cast<char>(c));
  if (c < 0xC0) return c == 0xAA || c == 0xBA;
  if (c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return c == 0x02BC;
}

namespace {

// Code points that are NFC_QC=Yes with combining class 0 never compose with a
// neighbour unless a combining mark follows; a text made only of them is already
// NFC. Below U+0300 and the Cyrillic letters are such (checked against ICU by
// normalize_test); the rest of the BMP is looked up once from ICU's properties.
bool IsInertForNfc(char32_t c) {
  UChar32 cp = static_cast<UChar32>(c);
  return u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
         u_getCombiningClass(cp) == 0;
}

bool IsTriviallyNfc(char32_t c) {
  if (c < 0x300 || IsCyrillicLetter(c)) return true;
  if (c >= 0x10000) return IsInertForNfc(c);
  static const std::vector<bool> inert = [] {
    std::vector<bool> table(0x10000);
    for (char32_t k = 0; k < 0x10000; ++k) table[k] = IsInertForNfc(k);
    return table;
  }();
  return inert[c];
}

// A U+FFFD that was in the input, not a decoding error.
bool IsLiteralReplacement(std::string_view utf8, size_t start, size_t end) {
  return end - start == 3 && utf8.substr(start, 3) == "\xEF\xBF\xBD";
}

}  // namespace

bool NeedsIcuNormalization(char32_t c) { return !IsTriviallyNfc(c); }

bool IsWellFormedTrivialNfc(std::string_view utf8) {
  size_t pos = 0;
  while (pos < utf8.size()) {
    if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t c = NextCodePoint(utf8, pos);
    if (c == kReplacementChar && !IsLiteralReplacement(utf8, start, pos)) return false;
    if (!IsTriviallyNfc(c)) return false;
  }
  return true;
}

std::string RepairUtf8(std::string_view utf8, bool* needs_nfc) {
  std::string out;
  out.reserve(utf8.size());
  bool nfc = false;
  size_t pos = 0;
  while (pos < utf8.size()) {
    unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t c = NextCodePoint(utf8, pos);
    if (c == kReplacementChar && !IsLiteralReplacement(utf8, start, pos)) {
      AppendUtf8(kReplacementChar, out);
    } else {
      out.append(utf8.substr(start, pos - start));
      if (!IsTriviallyNfc(c)) nfc = true;
    }
  }
  if (needs_nfc) *needs_nfc = nfc;
  return out;
}

std::string ToNfc(std::string_view valid_utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(valid_utf8);  // ICU data missing: keep text
  std::string out;
  out.reserve(valid_utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0,
                     icu::StringPiece(valid_utf8.data(), static_cast<int32_t>(valid_utf8.size())),
                     sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(valid_utf8);
  return out;
}

}  // namespace internal

std::string Normalize(std::string_view utf8) {
  if (internal::IsAscii(utf8) || internal::IsWellFormedTrivialNfc(utf8)) return std::string(utf8);
  bool needs_nfc = false;
  std::string repaired = internal::RepairUtf8(utf8, &needs_nfc);
  if (!needs_nfc) return repaired;
  return internal::ToNfc(repaired);
}

}  // namespace tenlik::text
