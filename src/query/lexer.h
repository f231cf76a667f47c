// Internal to query/: splits query text into operator, word, phrase and bracket
// lexemes, each with its 1-based column in code points.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace tenlik::query::internal {

enum class LexKind { kWord, kPhrase, kLParen, kRParen, kAnd, kOr, kNot, kNear, kEnd };

struct Lexeme {
  LexKind kind = LexKind::kEnd;
  std::string text;     // kWord: the word; kPhrase: the text between the quotes;
                        // operators: as written
  size_t byte = 0;      // byte offset of `text` in the query (phrases: after the quote)
  int column = 1;       // column of the lexeme's first character
  int distance = 0;     // kNear
  bool ordered = false; // kNear: ONEAR
};

// The 1-based column (in code points) of byte offset `byte` of `text`.
int ColumnAt(std::string_view text, size_t byte);

// Lexemes of `text`, ending with one kEnd. InvalidArgument ("column C: ...") for
// an unterminated phrase or a malformed NEAR/N.
Result<std::vector<Lexeme>> Lex(std::string_view text);

}  // namespace tenlik::query::internal
