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
using internal::LexKind;
using internal::Lexeme;
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

std::string Describe(const Lexeme& lex) {
  switch (lex.kind) {
    case LexKind::kEnd: return "the end of the query";
    case LexKind::kRParen: return "')'";
    case LexKind::kLParen: return "'('";
    default: return lex.text;
  }
}

// Scrubs the characters the matcher uses as separators out of a key.
void ScrubKey(std::string* key) {
  for (char& c : *key) {
    if (c == ' ' || c == internal::kStemMark) c = '_';
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Lexeme> lexemes)
      : text_(text), lex_(std::move(lexemes)) {}

  Result<std::unique_ptr<Node>> ParseQuery() {
    if (Peek().kind == LexKind::kEnd) return Error(Peek(), "empty query; expected a term or '('");
    TENLIK_ASSIGN_OR_RETURN(auto root, ParseOr(0));
    if (Peek().kind == LexKind::kRParen) {
      return Error(Peek(), "unexpected ')' without a matching '('");
    }
    if (Peek().kind != LexKind::kEnd) {
      return Error(Peek(), "expected an operator or the end of the query before " + Describe(Peek()));
    }
    return root;
  }

 private:
  const Lexeme& Peek() const { return lex_[pos_]; }
  const Lexeme& Take() { return lex_[pos_ < lex_.size() - 1 ? pos_++ : pos_]; }

  static Status Error(const Lexeme& at, const std::string& what) {
    return InvalidArgument("column " + std::to_string(at.column) + ": " + what);
  }
  Status ErrorAtByte(size_t byte, const std::string& what) const {
    return InvalidArgument("column " + std::to_string(internal::ColumnAt(text_, byte)) + ": " + what);
  }

  static bool StartsOperand(const Lexeme& lex) {
    return lex.kind == LexKind::kWord || lex.kind == LexKind::kPhrase ||
           lex.kind == LexKind::kLParen || lex.kind == LexKind::kNot;
  }
  static bool StartsPrimary(const Lexeme& lex) {
    return lex.kind == LexKind::kWord || lex.kind == LexKind::kPhrase || lex.kind == LexKind::kLParen;
  }

  Status CheckDepth(int depth) const {
    if (depth > kMaxDepth) {
      return Error(Peek(), "expected at most " + std::to_string(kMaxDepth) + " levels of nesting");
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
      if (!StartsOperand(Peek())) return Error(Peek(), "expected a term or '(' after " + op.text);
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
        if (!StartsOperand(Peek())) return Error(Peek(), "expected a term or '(' after " + op.text);
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
    if (!StartsOperand(Peek())) return Error(Peek(), "expected a term or '(' after " + op.text);
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
        return Error(Peek(), "expected a term, phrase or '(' after " + op.text);
      }
      TENLIK_ASSIGN_OR_RETURN(auto right, ParsePrimary(depth));
      for (const Node* side : {left.get(), right.get()}) {
        if (!internal::IsPositional(*side)) {
          return InvalidArgument("column " + std::to_string(side->column) + ": expected a word, " +
                                 "phrase or an OR of them as an operand of " + op.text);
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
          return Error(Peek(), "expected a term or '(' inside the parentheses opened at column " +
                                   std::to_string(open.column));
        }
        if (!StartsOperand(Peek())) {
          return Error(Peek(), "expected a term or '(' before " + Describe(Peek()));
        }
        TENLIK_ASSIGN_OR_RETURN(auto inner, ParseOr(depth + 1));
        if (Peek().kind != LexKind::kRParen) {
          return Error(Peek(), "expected ')' to close '(' at column " + std::to_string(open.column));
        }
        Take();
        return inner;
      }
      case LexKind::kEnd:
        return Error(lex, "expected a term or '(' at the end of the query");
      case LexKind::kRParen:
        return Error(lex, "unexpected ')'; expected a term or '('");
      default:
        return Error(lex, "expected a term or '(' before " + lex.text);
    }
  }

  // Words of `raw` (at byte `base` of the query) as the tokenizer sees them; a '*'
  // right after a word (and before white space or the end) makes it a prefix.
  Result<std::vector<Word>> WordsOf(std::string_view raw, size_t base, int column,
                                    const std::string& what_if_empty) {
    std::vector<text::Token> tokens = text::Tokenize(raw);
    std::vector<Word> words;
    words.reserve(tokens.size());
    for (const text::Token& token : tokens) {
      Word word;
      word.key = token.text;
      ScrubKey(&word.key);
      words.push_back(std::move(word));
    }
    for (size_t star = raw.find('*'); star != std::string_view::npos; star = raw.find('*', star + 1)) {
      size_t index = tokens.size();
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].end == star) index = i;
      }
      bool at_word_end = star + 1 == raw.size() || raw[star + 1] == ' ' || raw[star + 1] == '\t';
      if (index == tokens.size() || !at_word_end || words[index].kind == WordKind::kPrefix) {
        return ErrorAtByte(base + star, "expected '*' only at the end of a word");
      }
      std::string_view key = words[index].key;
      if (!key.empty() && (key[0] == '#' || key[0] == '@')) key.remove_prefix(1);
      if (CodePoints(key) < kMinPrefixChars) {
        return ErrorAtByte(base + star, "expected at least " + std::to_string(kMinPrefixChars) +
                                            " letters before '*'");
      }
      words[index].kind = WordKind::kPrefix;
    }
    if (words.empty()) {
      return InvalidArgument("column " + std::to_string(column) + ": " + what_if_empty);
    }
    return words;
  }

  Result<std::unique_ptr<Node>> ParsePhrase(const Lexeme& lex) {
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::kPhrase;
    node->column = lex.column;
    node->text = lex.text;
    TENLIK_ASSIGN_OR_RETURN(node->words,
                            WordsOf(lex.text, lex.byte, lex.column,
                                    "expected a word inside the phrase"));
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
        return ErrorAtByte(lex.byte + 1, "expected one word after '~'");
      }
      Word word;
      word.kind = WordKind::kStem;
      word.key = tokens[0].text;
      ScrubKey(&word.key);
      stems_.Keys(word.key, &word.stem_keys);
      if (word.stem_keys.empty()) {
        return ErrorAtByte(lex.byte + 1, "expected a Cyrillic or Latin word after '~'");
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

    TENLIK_ASSIGN_OR_RETURN(node->words,
                            WordsOf(raw, lex.byte, lex.column,
                                    "expected a term; '" + lex.text + "' has no letters or digits"));
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
      return Error(lex, "unknown field '" + name +
                            "'; expected lang, platform, author_type, region or corpus "
                            "(quote the text to search for it as words)");
    }
    if (value.empty()) return ErrorAtByte(value_byte, "expected a value after '" + name + ":'");
    switch (node->field) {
      case Field::kLang: {
        std::string code = AsciiLower(value);
        if (!text::ParseLang(code).ok()) {
          return ErrorAtByte(value_byte, "expected a language code kk, ru, en, mixed or und after 'lang:'");
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
          return ErrorAtByte(value_byte,
                             "expected an ISO 3166-2 code such as KZ-75 (or a country such as KZ) "
                             "after 'region:'");
        }
        node->value = AsciiUpper(value);
        break;
      }
      default: {
        for (size_t i = 0; i < value.size(); ++i) {
          char c = value[i];
          if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '_' && c != '-' && c != '.') {
            return ErrorAtByte(value_byte + i, "expected a value of Latin letters, digits, '_', '-' "
                                               "or '.' after '" + name + ":'");
          }
        }
        node->value = AsciiLower(value);
      }
    }
    return node;
  }

  std::string_view text_;
  std::vector<Lexeme> lex_;
  size_t pos_ = 0;
  internal::StemKeyMaker stems_;
};

}  // namespace

Result<Query> Parse(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return InvalidArgument("column " + std::to_string(internal::ColumnAt(text, kMaxQueryBytes)) +
                           ": expected a query of at most " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  TENLIK_ASSIGN_OR_RETURN(std::vector<Lexeme> lexemes, internal::Lex(text));
  Parser parser(text, std::move(lexemes));
  TENLIK_ASSIGN_OR_RETURN(std::unique_ptr<Node> root, parser.ParseQuery());
  Query query;
  query.text_ = std::make_shared<const std::string>(text);
  query.root_ = std::shared_ptr<const Node>(std::move(root));
  return query;
}

}  // namespace tenlik::query
