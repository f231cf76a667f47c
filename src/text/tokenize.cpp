// Tokenize(): typed tokens in two passes over one line. A scanner finds the tokens
// that word rules would cut apart (URLs, e-mail addresses, #hashtags, @mentions);
// the text between them is cut into words and numbers (word_segments.cpp), and its
// other segments are searched for emoji, one token per grapheme cluster (ICU).
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "text/case_fold.h"
#include "text/fold_internal.h"
#include "text/text.h"
#include "text/tokenize_internal.h"
#include "text/utf8.h"

namespace tenlik::text {
namespace internal {
namespace {

// ICU break iterators are costly to create and not thread-safe: one per thread.
struct ThreadGraphemes {
  std::unique_ptr<icu::BreakIterator> iterator;
  UText* text = nullptr;
  ThreadGraphemes() {
    UErrorCode status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) iterator.reset();
  }
  ~ThreadGraphemes() {
    if (text) utext_close(text);
  }
};

ThreadGraphemes& Graphemes() {
  thread_local ThreadGraphemes graphemes;
  return graphemes;
}

bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

// The code point before byte `at` (0 at the start).
char32_t PreviousCodePoint(std::string_view s, size_t at) {
  if (at == 0) return 0;
  size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80 && at - begin < 4)
    --begin;
  size_t pos = begin;
  return NextCodePoint(s, pos);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(static_cast<char>(c)) || c == U'_';
  return (CharFlags(c) & kFlagLetter) || u_isdigit(static_cast<UChar32>(c));
}

bool IsUrlChar(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != 0x7F;
}

// Trailing punctuation of a sentence is not part of a URL; a closing bracket is,
// when the URL opened it (Wikipedia links).
size_t TrimUrlEnd(std::string_view s, size_t begin, size_t end) {
  while (end > begin) {
    char c = s[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '*') {
      --end;
    } else if (c == ')' || c == ']') {
      char open = c == ')' ? '(' : '[';
      std::string_view url = s.substr(begin, end - begin);
      if (std::count(url.begin(), url.end(), open) >= std::count(url.begin(), url.end(), c)) break;
      --end;
    } else if (end - begin >= 2 && static_cast<unsigned char>(c) >= 0x80) {
      // Closing quotes and dashes glued to a URL: » ” “ — …
      size_t pos = end - 1;
      while (pos > begin && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
      size_t p = pos;
      char32_t cp = NextCodePoint(s, p);
      if (cp == U'»' || cp == U'”' || cp == U'“' || cp == U'—' || cp == U'…' || cp == U'’' ||
          cp == U'）') {
        end = pos;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return end;
}

size_t MatchUrl(std::string_view s, size_t at) {
  size_t start;
  if (StartsWithNoCase(s, at, "https://")) {
    start = at + 8;
  } else if (StartsWithNoCase(s, at, "http://")) {
    start = at + 7;
  } else if (StartsWithNoCase(s, at, "www.")) {
    start = at + 4;
  } else {
    return 0;
  }
  size_t end = start;
  while (end < s.size() && IsUrlChar(static_cast<unsigned char>(s[end]))) ++end;
  end = TrimUrlEnd(s, at, end);
  return end > start ? end : 0;
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

size_t MatchEmail(std::string_view s, size_t at) {
  size_t i = at;
  while (i < s.size() && IsEmailLocalChar(s[i])) ++i;
  if (i == at || i >= s.size() || s[i] != '@') return 0;
  size_t domain = i + 1;
  size_t end = domain;
  size_t last_dot = std::string_view::npos;
  while (end < s.size() && (IsAsciiAlnum(s[end]) || s[end] == '-' || s[end] == '.')) {
    if (s[end] == '.') last_dot = end;
    ++end;
  }
  while (end > domain && (s[end - 1] == '.' || s[end - 1] == '-')) --end;
  if (last_dot == std::string_view::npos || last_dot <= domain || last_dot + 2 >= end + 1) return 0;
  if (last_dot >= end) return 0;
  for (size_t k = last_dot + 1; k < end; ++k) {
    if (!IsAsciiLetter(s[k])) return 0;  // the top-level domain is letters
  }
  if (end - last_dot - 1 < 2) return 0;
  return end;
}

// #tag or @name: the sign and a run of letters, digits, marks and underscores.
size_t MatchTag(std::string_view s, size_t at, bool allow_dots) {
  size_t end = at + 1;
  size_t pos = end;
  while (pos < s.size()) {
    size_t next = pos;
    char32_t c = NextCodePoint(s, next);
    if (!(IsWordChar(c) || c == 0x200D || (allow_dots && c == U'.'))) break;
    pos = next;
    end = pos;
  }
  while (allow_dots && end > at + 1 && s[end - 1] == '.') --end;
  return end > at + 1 ? end : 0;
}

bool IsEmojiCodePoint(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || c == 0x20E3;
}

bool ContainsEmoji(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (IsEmojiCodePoint(static_cast<UChar32>(NextCodePoint(s, pos)))) return true;
  }
  return false;
}

bool IsDash(std::string_view s) { return s == "-" || s == "–" || s == "—" || s == "‒"; }

class Tokenizer {
 public:
  Tokenizer(std::string_view input, LatinPolicy policy, Segmentation segmentation)
      : input_(input), policy_(policy), segmentation_(segmentation) {}

  std::vector<Token> Run() {
    tokens_.reserve(input_.size() / 5 + 1);  // posts have a token per 6 to 8 bytes
    size_t plain_begin = 0;
    size_t i = 0;
    while (i < input_.size()) {
      unsigned char c = static_cast<unsigned char>(input_[i]);
      if (c < 0x80 && (c == '#' || c == '@' || IsAsciiAlnum(static_cast<char>(c))) &&
          !IsWordChar(PreviousCodePoint(input_, i))) {
        TokenType type;
        size_t end = MatchSpecial(i, &type);
        if (end > i) {
          Plain(plain_begin, i);
          AddSpecial(type, i, end);
          i = plain_begin = end;
          continue;
        }
      }
      ++i;
    }
    Plain(plain_begin, input_.size());
    return std::move(tokens_);
  }

 private:
  size_t MatchSpecial(size_t at, TokenType* type) {
    char c = input_[at];
    if (c == '#') {
      *type = TokenType::kHashtag;
      return MatchTag(input_, at, false);
    }
    if (c == '@') {
      *type = TokenType::kMention;
      return MatchTag(input_, at, true);
    }
    if (size_t end = MatchUrl(input_, at)) {
      *type = TokenType::kUrl;
      return end;
    }
    if (size_t end = MatchEmail(input_, at)) {
      *type = TokenType::kEmail;
      return end;
    }
    return at;
  }

  void AddSpecial(TokenType type, size_t begin, size_t end) {
    std::string_view text = input_.substr(begin, end - begin);
    Token token{type, {}, begin, end};
    switch (type) {
      case TokenType::kUrl:
      case TokenType::kEmail:
        token.text = Normalize(text);
        break;
      case TokenType::kMention:
        // User names are identifiers: lower-cased, never transliterated.
        if (IsAscii(text)) {
          token.text.assign(text);
          for (char& ch : token.text) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
          }
        } else {
          token.text = FoldWithPolicy(text, LatinPolicy::kMarkedOnly);
        }
        break;
      default:
        token.text = FoldWithPolicy(text, policy_);
        break;
    }
    tokens_.push_back(std::move(token));
  }

  // Words, numbers and emoji of input_[begin, end) by word boundaries.
  void Plain(size_t begin, size_t end) {
    if (begin >= end) return;
    segments_.clear();
    WordSegments(input_.substr(begin, end - begin), segmentation_, segments_);
    for (const Segment& s : segments_) {
      size_t b = begin + s.begin;
      size_t e = begin + s.end;
      std::string_view segment = input_.substr(b, e - b);
      if (s.kind == SegmentKind::kNumber &&
          segment.find("\xE2\x83\xA3") != std::string_view::npos) {
        AddPlain(TokenType::kEmoji, b, e);  // keycap 1️⃣
        ResetRange();
      } else if (s.kind == SegmentKind::kNumber) {
        AddNumber(b, e);
      } else if (s.kind == SegmentKind::kWord) {
        AddPlain(TokenType::kWord, b, e);
        ResetRange();
      } else if (!IsAscii(segment) && ContainsEmoji(segment)) {
        Emoji(b, e);
        ResetRange();
      } else if (IsDash(segment) && b == last_number_end_) {
        dash_end_ = e;
      } else {
        ResetRange();
      }
    }
  }

  // 2020–2025 and 10-15 are kept as one number: a number, a dash and a number
  // with nothing between them.
  void AddNumber(size_t b, size_t e) {
    if (dash_end_ == b && !tokens_.empty() && tokens_.back().type == TokenType::kNumber) {
      Token& previous = tokens_.back();
      previous.end = e;
      previous.text = FoldWithPolicy(input_.substr(previous.begin, e - previous.begin), policy_);
      ResetRange();
      return;
    }
    AddPlain(TokenType::kNumber, b, e);
    last_number_end_ = e;
    dash_end_ = kNone;
  }

  void ResetRange() { last_number_end_ = dash_end_ = kNone; }

  void AddPlain(TokenType type, size_t b, size_t e) {
    std::string_view text = input_.substr(b, e - b);
    tokens_.push_back(Token{
        type, type == TokenType::kEmoji ? Normalize(text) : FoldWithPolicy(text, policy_), b, e});
  }

  // One emoji token per grapheme cluster that holds a pictograph or a flag.
  void Emoji(size_t begin, size_t end) {
    ThreadGraphemes& it = Graphemes();
    if (!it.iterator) return;
    UErrorCode status = U_ZERO_ERROR;
    it.text =
        utext_openUTF8(it.text, input_.data() + begin, static_cast<int64_t>(end - begin), &status);
    if (U_FAILURE(status)) return;
    it.iterator->setText(it.text, status);
    if (U_FAILURE(status)) return;
    int32_t start = it.iterator->first();
    for (int32_t stop = it.iterator->next(); stop != icu::BreakIterator::DONE;
         start = stop, stop = it.iterator->next()) {
      size_t b = begin + static_cast<size_t>(start);
      size_t e = begin + static_cast<size_t>(stop);
      if (ContainsEmoji(input_.substr(b, e - b))) AddPlain(TokenType::kEmoji, b, e);
    }
  }

  std::string_view input_;
  LatinPolicy policy_;
  Segmentation segmentation_;
  std::vector<Token> tokens_;
  // Reused by every line of the thread: Plain() runs once per stretch of plain text.
  static thread_local std::vector<Segment> segments_;
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t last_number_end_ = kNone;  // end of the last number token
  size_t dash_end_ = kNone;         // end of a dash right after it
};

thread_local std::vector<Segment> Tokenizer::segments_;

}  // namespace

std::vector<Token> TokenizeWith(std::string_view utf8, Segmentation segmentation) {
  return Tokenizer(utf8, DecideLatinPolicy(utf8), segmentation).Run();
}

}  // namespace internal

std::vector<Token> Tokenize(std::string_view utf8) {
  return internal::TokenizeWith(utf8, internal::Segmentation::kFastWhereSafe);
}

}  // namespace tenlik::text
