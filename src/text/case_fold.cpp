// The folding table: ICU's full case folding of each BMP code point, then the
// Kazakh informal-letter folding, precomputed so that Fold() is a table lookup
// per character instead of an ICU call.
#include "text/case_fold.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <cstring>
#include <memory>

#include "text/normalize_internal.h"
#include "text/text.h"
#include "text/utf8.h"

namespace tenlik::text::internal {

namespace {

// Letter tables read best laid out as tables.
// clang-format off
bool IsKazakhCyrillic(char32_t c) {
  switch (c) {
    case U'ә': case U'Ә': case U'ғ': case U'Ғ': case U'қ': case U'Қ': case U'ң': case U'Ң':
    case U'ө': case U'Ө': case U'ұ': case U'Ұ': case U'ү': case U'Ү': case U'һ': case U'Һ':
    case U'і': case U'І':
      return true;
    default:
      return false;
  }
}

bool IsCyrillicVowel(char32_t lower) {
  switch (lower) {
    case U'а': case U'е': case U'ё': case U'и': case U'о': case U'у': case U'ы': case U'э':
    case U'ю': case U'я': case U'ә': case U'ө': case U'ұ': case U'ү': case U'і':
      return true;
    default:
      return false;
  }
}
// clang-format on

// ICU full case folding of one code point, as UTF-32.
std::u32string IcuFold(char32_t c) {
  UChar src[2];
  int32_t src_len = 0;
  U16_APPEND_UNSAFE(src, src_len, static_cast<UChar32>(c));
  UChar dst[8];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = u_strFoldCase(dst, 8, src, src_len, U_FOLD_CASE_DEFAULT, &status);
  std::u32string out;
  if (U_FAILURE(status) || len > 8) {
    out.push_back(c);
    return out;
  }
  for (int32_t i = 0; i < len;) {
    UChar32 cp;
    U16_NEXT(dst, i, len, cp);
    out.push_back(static_cast<char32_t>(cp));
  }
  return out;
}

FoldEntry MakeEntry(char32_t c) {
  FoldEntry entry{};
  std::u32string folded;
  if (c == 0x0130) {
    // Capital İ of the 2021 Kazakh (and Turkish) alphabet: its lower case is i.
    // Default folding would give i + U+0307, which no Kazakh spelling has.
    folded = U"i";
  } else {
    folded = IcuFold(c);
  }
  uint8_t flags = 0;
  if (u_isalpha(static_cast<UChar32>(c)) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) flags |= kFlagLetter;
  if (IsLatinLetter(c)) flags |= kFlagLatin | kFlagLetter;
  if (IsCyrillicLetter(c)) {
    flags |= kFlagCyrillic;
    char32_t lower = folded.size() == 1 ? folded[0] : c;
    if (!IsCyrillicVowel(lower) && lower != U'ь' && lower != U'ъ') flags |= kFlagCyrConsonant;
  }
  if (IsKazakhCyrillic(c)) flags |= kFlagKazakhCyrillic;
  if (IsApostrophe(c)) flags |= kFlagApostrophe;
  std::string utf8;
  for (char32_t f : folded) {
    f = FoldKazakhLetter(f);
    if (NeedsIcuNormalization(f) && f != c) flags |= kFlagNeedsNfc;
    if (IsLatinLetter(f)) flags |= kFlagFoldsToLatin;
    AppendUtf8(f, utf8);
  }
  if (utf8.size() > sizeof(entry.utf8)) {  // cannot happen for BMP foldings
    utf8.clear();
    AppendUtf8(c, utf8);
  }
  entry.length = static_cast<uint8_t>(utf8.size());
  entry.flags = flags;
  std::memcpy(entry.utf8, utf8.data(), utf8.size());
  return entry;
}

}  // namespace

std::unique_ptr<FoldEntry[]> BuildFoldTable() {
  auto table = std::make_unique<FoldEntry[]>(0x10000);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      table[c] = MakeEntry(kReplacementChar);
    } else {
      table[c] = MakeEntry(c);
    }
  }
  return table;
}

void AppendFoldedPastBmp(char32_t c, std::string& out) {
  for (char32_t f : IcuFold(c)) AppendUtf8(f, out);
}

uint8_t CharFlagsPastBmp(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) ? kFlagLetter : 0;
}

}  // namespace tenlik::text::internal

namespace tenlik::text {

std::string CaseFold(std::string_view utf8) {
  if (internal::IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return out;
  }
  std::string normalized = Normalize(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(normalized);
  text.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  text.toUTF8String(out);
  // Folding can decompose (ǰ → j + ◌̌); compose again so the result is NFC.
  return Normalize(out);
}

}  // namespace tenlik::text
