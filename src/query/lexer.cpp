// The query lexer. Words run until white space, a bracket or a quote; the
// upper-case words AND, OR, NOT, NEAR/N and ONEAR/N are operators.
#include "query/lexer.h"

#include <string>

namespace tenlik::query::internal {
namespace {

constexpr int kMaxDistance = 1000;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a non-breaking or ideographic space at `pos`, 0 when none.
size_t UnicodeSpaceAt(std::string_view s, size_t pos) {
  if (s.compare(pos, 2, "\xC2\xA0") == 0) return 2;      // U+00A0
  if (s.compare(pos, 3, "\xE2\x80\xAF") == 0) return 3;  // U+202F
  if (s.compare(pos, 3, "\xE3\x80\x80") == 0) return 3;  // U+3000
  return 0;
}

constexpr std::string_view kGuillemetOpen = "\xC2\xAB";   // «
constexpr std::string_view kGuillemetClose = "\xC2\xBB";  // »

bool StartsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.compare(pos, prefix.size(), prefix) == 0;
}

}  // namespace

int ColumnAt(std::string_view text, size_t byte) {
  int column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

Result<std::vector<Lexeme>> Lex(std::string_view text, ParseError* error) {
  using Code = ParseError::Code;
  using Expected = ParseError::Expected;
  std::vector<Lexeme> out;
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (IsSpace(c)) {
      ++pos;
      continue;
    }
    if (size_t n = UnicodeSpaceAt(text, pos)) {
      pos += n;
      continue;
    }
    Lexeme lex;
    lex.column = ColumnAt(text, pos);
    if (c == '(' || c == ')') {
      lex.kind = c == '(' ? LexKind::kLParen : LexKind::kRParen;
      lex.text = std::string(1, c);
      lex.byte = pos;
      out.push_back(std::move(lex));
      ++pos;
      continue;
    }
    if (c == '"' || StartsWith(text, pos, kGuillemetOpen)) {
      std::string_view close = c == '"' ? std::string_view("\"") : kGuillemetClose;
      size_t open_len = c == '"' ? 1 : kGuillemetOpen.size();
      size_t begin = pos + open_len;
      size_t end = text.find(close, begin);
      if (end == std::string_view::npos) {
        ParseError e =
            MakeError(Code::kUnclosedPhrase, Expected::kCloseQuote, ColumnAt(text, text.size()));
        e.token = std::string(close);
        e.opened_at = lex.column;
        return Fail(std::move(e), error);
      }
      lex.kind = LexKind::kPhrase;
      lex.text = std::string(text.substr(begin, end - begin));
      lex.byte = begin;
      out.push_back(std::move(lex));
      pos = end + close.size();
      continue;
    }
    size_t begin = pos;
    while (pos < text.size() && !IsSpace(text[pos]) && text[pos] != '(' && text[pos] != ')' &&
           text[pos] != '"' && !StartsWith(text, pos, kGuillemetOpen) &&
           UnicodeSpaceAt(text, pos) == 0) {
      ++pos;
    }
    std::string_view word = text.substr(begin, pos - begin);
    lex.text = std::string(word);
    lex.byte = begin;
    if (word == "AND") {
      lex.kind = LexKind::kAnd;
    } else if (word == "OR") {
      lex.kind = LexKind::kOr;
    } else if (word == "NOT") {
      lex.kind = LexKind::kNot;
    } else if (word == "NEAR" || word == "ONEAR" || word.starts_with("NEAR/") ||
               word.starts_with("ONEAR/")) {
      size_t slash = word.find('/');
      std::string op(word.substr(0, slash));
      auto fail = [&](Code code, size_t byte) {
        ParseError e = MakeError(code, Expected::kDistance, ColumnAt(text, byte));
        e.token = op;
        e.limit = code == Code::kNearTooFar ? kMaxDistance : 0;
        return Fail(std::move(e), error);
      };
      if (slash == std::string_view::npos || slash + 1 == word.size()) {
        return fail(Code::kNearWithoutNumber, begin + word.size());
      }
      int distance = 0;
      for (size_t i = slash + 1; i < word.size(); ++i) {
        char d = word[i];
        if (d < '0' || d > '9') {
          return fail(Code::kNearWithoutNumber, begin + i);
        }
        distance = distance * 10 + (d - '0');
        if (distance > kMaxDistance) {
          return fail(Code::kNearTooFar, begin + slash + 1);
        }
      }
      lex.kind = LexKind::kNear;
      lex.distance = distance;
      lex.ordered = op == "ONEAR";
    } else {
      lex.kind = LexKind::kWord;
    }
    out.push_back(std::move(lex));
  }
  Lexeme end;
  end.kind = LexKind::kEnd;
  end.byte = text.size();
  end.column = ColumnAt(text, text.size());
  out.push_back(std::move(end));
  return out;
}

}  // namespace tenlik::query::internal
