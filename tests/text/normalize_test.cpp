#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <gtest/gtest.h>

#include "text/normalize_internal.h"
#include "text/text.h"

namespace tenlik::text {
namespace {

TEST(NormalizeTest, ComposesToNfc) {
  EXPECT_EQ(Normalize("e\xCC\x81"), "\xC3\xA9");                 // e + ◌́ → é
  EXPECT_EQ(Normalize("\xD0\xB5\xCC\x88"), "\xD1\x91");          // е + ◌̈ → ё
  EXPECT_EQ(Normalize("Инклюзивті білім"), "Инклюзивті білім");  // already NFC
  EXPECT_EQ(Normalize("plain ascii"), "plain ascii");
}

TEST(NormalizeTest, ReplacesBadBytesWithReplacementCharacter) {
  EXPECT_EQ(Normalize("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(Normalize("\xC3"), "\xEF\xBF\xBD");  // truncated sequence
  EXPECT_EQ(Normalize("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(Normalize("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  EXPECT_EQ(Normalize("ok \xEF\xBF\xBD"), "ok \xEF\xBF\xBD");  // a real U+FFFD stays
}

// Normalize() skips ICU for text made of code points below U+0300 and Cyrillic
// letters; check that ICU agrees each of them is NFC and never composes backwards.
TEST(NormalizeTest, FastPathRangesAreNfcOnTheirOwn) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto check = [&](UChar32 c) {
    EXPECT_TRUE(nfc->isInert(c) || (nfc->hasBoundaryBefore(c) &&
                                    nfc->quickCheck(icu::UnicodeString(c), status) == UNORM_YES))
        << std::hex << c;
  };
  for (UChar32 c = 0; c < 0x300; ++c) check(c);
  for (UChar32 c = 0x400; c <= 0x481; ++c) check(c);
  for (UChar32 c = 0x48A; c <= 0x52F; ++c) check(c);
  // Every other code point the fast path accepts.
  int accepted = 0;
  for (UChar32 c = 0x300; c < 0x110000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!internal::NeedsIcuNormalization(static_cast<char32_t>(c))) {
      ++accepted;
      check(c);
    }
  }
  EXPECT_GT(accepted, 1000);                             // punctuation, currency signs, emoji, ...
  EXPECT_TRUE(internal::NeedsIcuNormalization(0x0301));  // a combining mark
  EXPECT_TRUE(internal::NeedsIcuNormalization(0x2126));  // Ω OHM SIGN decomposes
}

TEST(CaseFoldTest, FoldsCaseOnly) {
  EXPECT_EQ(CaseFold("ҚАЗАҚСТАН"), "қазақстан");  // Kazakh letters are kept
  EXPECT_EQ(CaseFold("Ёлка"), "ёлка");
  EXPECT_EQ(CaseFold("Straße"), "strasse");
  EXPECT_EQ(CaseFold("MiXeD"), "mixed");
}

}  // namespace
}  // namespace tenlik::text
