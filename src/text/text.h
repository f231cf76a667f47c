// Public API of the text engine: normalisation, folding, tokens, stemmers and
// language identification for Kazakh, Russian and English social-media text.
//
// All functions take and return UTF-8. Invalid UTF-8 never fails: bad bytes are
// replaced with U+FFFD. Functions are thread-safe unless a class says otherwise.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace tenlik::text {

enum class Lang { kKazakh, kRussian, kEnglish, kMixed, kUndetermined };

// "kk", "ru", "en", "mixed", "und".
std::string_view LangCode(Lang lang);

// Parses "kk" | "ru" | "en" (also "mixed", "und"); InvalidArgument otherwise.
Result<Lang> ParseLang(std::string_view code);

// Unicode NFC with bad bytes replaced by U+FFFD. This is the form stored.
std::string Normalize(std::string_view utf8);

// Unicode NFC and full case folding only (no Kazakh letter folding): the form a
// stemmer expects for "one lower-case word". Bad bytes become U+FFFD.
std::string CaseFold(std::string_view utf8);

// The matching key of a text: NFC, full case folding, and Kazakh spelling variants
// folded together: the 2021 Latin alphabet and the 2017/2018 apostrophe and acute
// variants transliterated to Cyrillic (for words identified as Kazakh), and the
// informal Russian-letter substitutes (қ→к, ғ→г, ң→н, ә→а, ө→о, ұ/ү→у, і→и, һ→х)
// applied, so that every spelling of a Kazakh word yields the same key. ё→е.
// The key is for matching only; callers never store it in place of the text.
std::string Fold(std::string_view utf8);

enum class TokenType { kWord, kNumber, kHashtag, kMention, kUrl, kEmail, kEmoji };

// "word", "number", "hashtag", "mention", "url", "email", "emoji".
std::string_view TokenTypeName(TokenType type);

struct Token {
  TokenType type;
  std::string text;    // Fold()ed form; for kUrl and kEmail the original form
  size_t begin = 0;    // byte offset of the token in the input
  size_t end = 0;      // one past the last byte
};

// Splits `utf8` into typed tokens using ICU word boundaries, keeping #hashtags,
// @mentions, URLs, e-mail addresses, numbers and emoji (one token per grapheme)
// as single tokens. Punctuation and white space are dropped.
std::vector<Token> Tokenize(std::string_view utf8);

// A stemmer for one language. Not thread-safe: use one per thread.
class Stemmer {
 public:
  virtual ~Stemmer() = default;

  // Creates a stemmer for kKazakh (our suffix stripper), kRussian or kEnglish
  // (Snowball via libstemmer). InvalidArgument for kMixed / kUndetermined.
  static Result<std::unique_ptr<Stemmer>> Create(Lang lang);

  // Returns the stem of one lower-case word. The returned view is valid until the
  // next call on this object.
  virtual std::string_view Stem(std::string_view word) = 0;
};

// Identifies the language of a line: kKazakh, kRussian, kEnglish, kMixed (more than
// one of them in substantial share) or kUndetermined (too little text).
Lang IdentifyLanguage(std::string_view utf8);

}  // namespace tenlik::text
