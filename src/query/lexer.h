// Internal to query/: splits query text into operator, word, phrase and bracket
// lexemes, each with its 1-based column in code points.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/query.h"

namespace tenlik::query::internal {

enum class LexKind { kWord, kPhrase, kLParen, kRParen, kAnd, kOr, kNot, kNear, kEnd };

struct Lexeme {
  LexKind kind = LexKind::kEnd;
  std::string text;      // kWord: the word; kPhrase: the text between the quotes;
                         // operators: as written
  size_t byte = 0;       // byte offset of `text` in the query (phrases: after the quote)
  int column = 1;        // column of the lexeme's first character
  int distance = 0;      // kNear
  bool ordered = false;  // kNear: ONEAR
};

// The 1-based column (in code points) of byte offset `byte` of `text`.
int ColumnAt(std::string_view text, size_t byte);

// Lexemes of `text`, ending with one kEnd. InvalidArgument ("column C: ...") for
// an unterminated phrase or a malformed NEAR/N, with the reason in `*error` when
// `error` is not null.
Result<std::vector<Lexeme>> Lex(std::string_view text, ParseError* error);

// A ParseError with its code, the token kind expected and the column.
inline ParseError MakeError(ParseError::Code code, ParseError::Expected expected, int column) {
  ParseError error;
  error.code = code;
  error.expected = expected;
  error.column = column;
  return error;
}

// InvalidArgument "column C: <English text of `error`>"; stores `error` in `*out`
// when `out` is not null.
Status Fail(ParseError error, ParseError* out);

// Returns `failed`; when the error in `*error` (if any) does not say what stood at its
// column, notes it from `text`: the end, white space or the characters up to the next
// white space.
Status NoteFound(std::string_view text, Status failed, ParseError* error);

}  // namespace tenlik::query::internal
