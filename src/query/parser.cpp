// The query parser: recursive descent over the lexemes.
//
//   query    := or EOF
//   or       := and ( OR and )*
//   and      := not ( [AND] not )*          adjacent operands: implicit AND
//   not      := NOT not | near
//   near     := primary ( (NEAR/N | ONEAR/N) primary )*
//   primary  := word | phrase | '(' or ')'
//
// Words become terms, prefixes, stems, hashtags, mentions, field filters or (when
// the tokenizer splits them) phrases; their keys come from text::Tokenize so that
// they are folded exactly as document tokens are.
#include <string>
#include <utility>

#include "query/ast.h"
#include "query/lexer.h"
#include "text/text.h"

namespace tenlik::query {

using internal::Field;
using internal::Lexeme;
using internal::LexKind;
using internal::Node;
using internal::NodeKind;
using internal::Word;
using internal::WordKind;

const std::string& Query::text() const {
  static const std::string kEmpty;
  return text_ ? *text_ : kEmpty;
}

namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxQueryBytes = 64 * 1024;
constexpr size_t kMinPrefixChars = 2;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

using Code = ParseError::Code;
using Expected = ParseError::Expected;
using Found = ParseError::Found;

// `error` with what stood at its column: `lex`.
ParseError WithFound(ParseError error, const Lexeme& lex) {
  switch (lex.kind) {
    case LexKind::kEnd:
      error.found = Found::kEnd;
      break;
    case LexKind::kRParen:
      error.found = Found::kCloseParenthesis;
      break;
    case LexKind::kLParen:
      error.found = Found::kOpenParenthesis;
      break;
    default:
      error.found = Found::kText;
      error.found_text = lex.text;
  }
  return error;
}

// `error` naming `token` (an operator, word or field name).
ParseError With(ParseError error, std::string token) {
  error.token = std::move(token);
  return error;
}

// Scrubs the characters the matcher uses as separators out of a key.
void ScrubKey(std::string* key) {
  for (char& c : *key) {
    if (c == ' ' || c == internal::kStemMark) c = '_';
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Lexeme> lexemes, ParseError* error)
      : text_(text), lex_(std::move(lexemes)), error_(error) {}

  Result<std::unique_ptr<Node>> ParseQuery() {
    if (Peek().kind == LexKind::kEnd) {
      return Raise(internal::MakeError(Code::kEmptyQuery, Expected::kOperand, Peek().column));
    }
    TENLIK_ASSIGN_OR_RETURN(auto root, ParseOr(0));
    if (Peek().kind == LexKind::kRParen) {
      return Raise(internal::MakeError(Code::kUnmatchedParenthesis, Expected::kOperatorOrEnd,
                                       Peek().column));
    }
    if (Peek().kind != LexKind::kEnd) {
      return Raise(WithFound(
          internal::MakeError(Code::kMissingOperator, Expected::kOperatorOrEnd, Peek().column),
          Peek()));
    }
    return root;
  }

 private:
  const Lexeme& Peek() const { return lex_[pos_]; }
  const Lexeme& Take() { return lex_[pos_ < lex_.size() - 1 ? pos_++ : pos_]; }

  Status Raise(ParseError error) const { return internal::Fail(std::move(error), error_); }
  ParseError AtByte(Code code, Expected expected, size_t byte) const {
    return internal::MakeError(code, expected, internal::ColumnAt(text_, byte));
  }
  // The operand after operator `op` is missing.
  Status MissingOperand(const Lexeme& op) const {
    return Raise(With(internal::MakeError(Code::kMissingOperand, Expected::kOperand, Peek().column),
                      op.text));
  }

  static bool StartsOperand(const Lexeme& lex) {
    return lex.kind == LexKind::kWord || lex.kind == LexKind::kPhrase ||
           lex.kind == LexKind::kLParen || lex.kind == LexKind::kNot;
  }
  static bool StartsPrimary(const Lexeme& lex) {
    return lex.kind == LexKind::kWord || lex.kind == LexKind::kPhrase ||
           lex.kind == LexKind::kLParen;
  }

  Status CheckDepth(int depth) const {
    if (depth > kMaxDepth) {
      ParseError error = internal::MakeError(Code::kTooDeep, Expected::kOperand, Peek().column);
      error.limit = kMaxDepth;
      return Raise(std::move(error));
    }
    return Status::Ok();
  }

  static std::unique_ptr<Node> Combine(NodeKind kind, std::unique_ptr<Node> left,
                                       std::unique_ptr<Node> right) {
    if (left->kind == kind) {
      left->children.push_back(std::move(right));
      return left;
    }
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->column = left->column;
    node->children.push_back(std::move(left));
    node->children.push_back(std::move(right));
    return node;
  }

  Result<std::unique_ptr<Node>> ParseOr(int depth) {
    TENLIK_RETURN_IF_ERROR(CheckDepth(depth));
    TENLIK_ASSIGN_OR_RETURN(auto left, ParseAnd(depth));
    while (Peek().kind == LexKind::kOr) {
      const Lexeme& op = Take();
      if (!StartsOperand(Peek())) return MissingOperand(op);
      TENLIK_ASSIGN_OR_RETURN(auto right, ParseAnd(depth));
      left = Combine(NodeKind::kOr, std::move(left), std::move(right));
    }
    return left;
  }

  Result<std::unique_ptr<Node>> ParseAnd(int depth) {
    TENLIK_ASSIGN_OR_RETURN(auto left, ParseNot(depth));
    while (true) {
      if (Peek().kind == LexKind::kAnd) {
        const Lexeme& op = Take();
        if (!StartsOperand(Peek())) return MissingOperand(op);
      } else if (!StartsOperand(Peek())) {
        break;
      }
      TENLIK_ASSIGN_OR_RETURN(auto right, ParseNot(depth));
      left = Combine(NodeKind::kAnd, std::move(left), std::move(right));
    }
    return left;
  }

  Result<std::unique_ptr<Node>> ParseNot(int depth) {
    if (Peek().kind != LexKind::kNot) return ParseNear(depth);
    TENLIK_RETURN_IF_ERROR(CheckDepth(depth + 1));
    const Lexeme& op = Take();
    if (!StartsOperand(Peek())) return MissingOperand(op);
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::kNot;
    node->column = op.column;
    TENLIK_ASSIGN_OR_RETURN(auto child, ParseNot(depth + 1));
    node->children.push_back(std::move(child));
    return node;
  }

  Result<std::unique_ptr<Node>> ParseNear(int depth) {
    TENLIK_ASSIGN_OR_RETURN(auto left, ParsePrimary(depth));
    while (Peek().kind == LexKind::kNear) {
      Lexeme op = Take();
      if (!StartsPrimary(Peek())) {
        return Raise(
            With(internal::MakeError(Code::kMissingOperand, Expected::kNearOperand, Peek().column),
                 op.text));
      }
      TENLIK_ASSIGN_OR_RETURN(auto right, ParsePrimary(depth));
      for (const Node* side : {left.get(), right.get()}) {
        if (!internal::IsPositional(*side)) {
          return Raise(
              With(internal::MakeError(Code::kNotPositional, Expected::kPositional, side->column),
                   op.text));
        }
      }
      auto node = std::make_unique<Node>();
      node->kind = op.ordered ? NodeKind::kONear : NodeKind::kNear;
      node->column = left->column;
      node->distance = op.distance;
      node->children.push_back(std::move(left));
      node->children.push_back(std::move(right));
      left = std::move(node);
    }
    return left;
  }

  Result<std::unique_ptr<Node>> ParsePrimary(int depth) {
    const Lexeme& lex = Peek();
    switch (lex.kind) {
      case LexKind::kWord:
        Take();
        return ParseWord(lex);
      case LexKind::kPhrase:
        Take();
        return ParsePhrase(lex);
      case LexKind::kLParen: {
        Lexeme open = Take();
        if (Peek().kind == LexKind::kRParen) {
          ParseError error =
              internal::MakeError(Code::kEmptyParentheses, Expected::kOperand, Peek().column);
          error.opened_at = open.column;
          return Raise(WithFound(std::move(error), Peek()));
        }
        if (!StartsOperand(Peek())) {
          return Raise(WithFound(
              internal::MakeError(Code::kMissingOperandBefore, Expected::kOperand, Peek().column),
              Peek()));
        }
        TENLIK_ASSIGN_OR_RETURN(auto inner, ParseOr(depth + 1));
        if (Peek().kind != LexKind::kRParen) {
          ParseError error = internal::MakeError(Code::kUnclosedParenthesis,
                                                 Expected::kCloseParenthesis, Peek().column);
          error.opened_at = open.column;
          return Raise(WithFound(std::move(error), Peek()));
        }
        Take();
        return inner;
      }
      case LexKind::kRParen:
        return Raise(WithFound(
            internal::MakeError(Code::kUnmatchedParenthesis, Expected::kOperand, lex.column), lex));
      default:  // the end or an operator: the callers check for an operand first
        return Raise(WithFound(
            internal::MakeError(Code::kMissingOperandBefore, Expected::kOperand, lex.column), lex));
    }
  }

  // Words of `raw` (at byte `base` of the query) as the tokenizer sees them; a '*'
  // right after a word (and before white space or the end) makes it a prefix.
  Result<std::vector<Word>> WordsOf(std::string_view raw, size_t base, ParseError if_empty) {
    std::vector<text::Token> tokens = text::Tokenize(raw);
    std::vector<Word> words;
    words.reserve(tokens.size());
    for (const text::Token& token : tokens) {
      Word word;
      word.key = token.text;
      ScrubKey(&word.key);
      words.push_back(std::move(word));
    }
    for (size_t star = raw.find('*'); star != std::string_view::npos;
         star = raw.find('*', star + 1)) {
      size_t index = tokens.size();
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].end == star) index = i;
      }
      bool at_word_end = star + 1 == raw.size() || raw[star + 1] == ' ' || raw[star + 1] == '\t';
      if (index == tokens.size() || !at_word_end || words[index].kind == WordKind::kPrefix) {
        return Raise(AtByte(Code::kMisplacedStar, Expected::kWordEnd, base + star));
      }
      std::string_view key = words[index].key;
      if (!key.empty() && (key[0] == '#' || key[0] == '@')) key.remove_prefix(1);
      if (CodePoints(key) < kMinPrefixChars) {
        ParseError error = AtByte(Code::kShortPrefix, Expected::kLetters, base + star);
        error.limit = static_cast<int>(kMinPrefixChars);
        return Raise(std::move(error));
      }
      words[index].kind = WordKind::kPrefix;
    }
    if (words.empty()) {
      return Raise(std::move(if_empty));
    }
    return words;
  }

  Result<std::unique_ptr<Node>> ParsePhrase(const Lexeme& lex) {
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::kPhrase;
    node->column = lex.column;
    node->text = lex.text;
    TENLIK_ASSIGN_OR_RETURN(
        node->words, WordsOf(lex.text, lex.byte,
                             internal::MakeError(Code::kEmptyPhrase, Expected::kWord, lex.column)));
    return node;
  }

  Result<std::unique_ptr<Node>> ParseWord(const Lexeme& lex) {
    std::string_view raw = lex.text;
    auto node = std::make_unique<Node>();
    node->column = lex.column;
    node->text = lex.text;

    if (raw[0] == '~') {
      std::string_view rest = raw.substr(1);
      std::vector<text::Token> tokens = text::Tokenize(rest);
      if (tokens.size() != 1 || tokens[0].type != text::TokenType::kWord ||
          rest.find('*') != std::string_view::npos) {
        return Raise(AtByte(Code::kStemNotOneWord, Expected::kWord, lex.byte + 1));
      }
      Word word;
      word.kind = WordKind::kStem;
      word.key = tokens[0].text;
      ScrubKey(&word.key);
      stems_.Keys(word.key, &word.stem_keys);
      if (word.stem_keys.empty()) {
        return Raise(AtByte(Code::kStemNotCyrillicOrLatin, Expected::kWord, lex.byte + 1));
      }
      node->kind = NodeKind::kStem;
      node->words.push_back(std::move(word));
      return node;
    }

    size_t colon = raw.find(':');
    if (colon != std::string_view::npos && colon > 0 && raw.substr(colon).rfind("://", 0) != 0) {
      std::string_view name = raw.substr(0, colon);
      bool identifier = true;
      for (char c : name) identifier = identifier && (IsAsciiAlpha(c) || c == '_');
      if (identifier) return ParseField(lex, AsciiLower(name), raw.substr(colon + 1), colon);
    }

    TENLIK_ASSIGN_OR_RETURN(
        node->words,
        WordsOf(
            raw, lex.byte,
            With(internal::MakeError(Code::kNoLetters, Expected::kLetters, lex.column), lex.text)));
    if (node->words.size() > 1) {
      node->kind = NodeKind::kPhrase;
    } else {
      node->kind = node->words[0].kind == WordKind::kPrefix ? NodeKind::kPrefix : NodeKind::kTerm;
    }
    return node;
  }

  Result<std::unique_ptr<Node>> ParseField(const Lexeme& lex, const std::string& name,
                                           std::string_view value, size_t colon) {
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::kField;
    node->column = lex.column;
    node->text = lex.text;
    size_t value_byte = lex.byte + colon + 1;
    if (name == "lang") {
      node->field = Field::kLang;
    } else if (name == "platform") {
      node->field = Field::kPlatform;
    } else if (name == "author_type") {
      node->field = Field::kAuthorType;
    } else if (name == "region") {
      node->field = Field::kRegion;
    } else if (name == "corpus") {
      node->field = Field::kCorpus;
    } else {
      return Raise(
          With(internal::MakeError(Code::kUnknownField, Expected::kFieldName, lex.column), name));
    }
    if (value.empty()) {
      return Raise(With(AtByte(Code::kMissingFieldValue, Expected::kFieldValue, value_byte), name));
    }
    switch (node->field) {
      case Field::kLang: {
        std::string code = AsciiLower(value);
        if (!text::ParseLang(code).ok()) {
          return Raise(
              With(AtByte(Code::kBadLanguageCode, Expected::kFieldValue, value_byte), name));
        }
        node->value = code;
        break;
      }
      case Field::kRegion: {
        bool valid = value.size() >= 2 && IsAsciiAlpha(value[0]) && IsAsciiAlpha(value[1]);
        if (valid && value.size() > 2) {
          std::string_view sub = value.substr(3);
          valid = value[2] == '-' && !sub.empty() && sub.size() <= 3;
          for (char c : sub) valid = valid && (IsAsciiAlpha(c) || IsAsciiDigit(c));
        }
        if (!valid) {
          return Raise(With(AtByte(Code::kBadRegionCode, Expected::kFieldValue, value_byte), name));
        }
        node->value = AsciiUpper(value);
        break;
      }
      default: {
        for (size_t i = 0; i < value.size(); ++i) {
          char c = value[i];
          if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '_' && c != '-' && c != '.') {
            return Raise(
                With(AtByte(Code::kBadFieldValue, Expected::kFieldValue, value_byte + i), name));
          }
        }
        node->value = AsciiLower(value);
      }
    }
    return node;
  }

  std::string_view text_;
  std::vector<Lexeme> lex_;
  ParseError* error_;
  size_t pos_ = 0;
  internal::StemKeyMaker stems_;
};

}  // namespace

Result<Query> Parse(std::string_view text, ParseError* error) {
  if (error) *error = ParseError();
  if (text.size() > kMaxQueryBytes) {
    ParseError too_long = internal::MakeError(Code::kTooLong, Expected::kShorterQuery,
                                              internal::ColumnAt(text, kMaxQueryBytes));
    too_long.limit = static_cast<int>(kMaxQueryBytes);
    return internal::Fail(std::move(too_long), error);
  }
  Result<std::vector<Lexeme>> lexemes = internal::Lex(text, error);
  if (!lexemes.ok()) return internal::NoteFound(text, lexemes.status(), error);
  Parser parser(text, std::move(*lexemes), error);
  Result<std::unique_ptr<Node>> root = parser.ParseQuery();
  if (!root.ok()) return internal::NoteFound(text, root.status(), error);
  Query query;
  query.text_ = std::make_shared<const std::string>(text);
  query.root_ = std::shared_ptr<const Node>(std::move(*root));
  return query;
}

}  // namespace tenlik::query
