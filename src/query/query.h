// Public API of the boolean query language of social-media listening:
// parse -> compile -> match.
//
//   Result<Query> q = query::Parse("(инклюзивті OR инклюзив*) NEAR/3 мектеп lang:kk");
//   Result<Matcher> m = query::Compile({{"inclusion", *q}, ...});
//   query::MatchContext ctx(*m);                 // one per thread
//   query::Document doc = query::MakeDocument(post_text, fields);  // lang, region ...
//   std::vector<int> hits = m->Match(doc, &ctx);  // indexes into the compiled list
//
// The syntax is specified in docs/query-language.md; in short:
//
//   word            a word, compared on its text::Fold() key, so case and Kazakh
//                   spelling variants (Cyrillic, 2017/2018/2021 Latin, Russian-letter
//                   substitutes) match each other. A bare word that the tokenizer
//                   splits (covid-19, e-mail) is read as a phrase of its parts.
//   инклюзи*        prefix: any word whose key starts with the key of инклюзи
//                   (at least 2 letters before '*'; '*' only at the end).
//   "жайлы мектеп"  phrase: the words in this order, adjacent. Words inside a
//                   phrase may be prefixes ("инклюзив* білім").
//   ~мектептер      stem: any word whose stem equals the stem of мектептер (the
//                   Kazakh and Russian stemmers for Cyrillic, English for Latin).
//   #инклюзия       the hashtag token #инклюзия (also #инклюзи* as a prefix);
//                   a plain word does not match inside a hashtag. @name: a mention.
//   a AND b         both; two adjacent operands mean AND (implicit AND).
//   a OR b          either.
//   NOT a           a does not occur. `a NOT b` is `a AND NOT b`.
//   a NEAR/N b      a and b with at most N other words between them, in either
//                   order; a ONEAR/N b: the same with a before b. The operands are
//                   words, prefixes, stems, phrases, hashtags, other NEARs, or
//                   parenthesised ORs of these.
//   ( ... )         grouping.
//   lang:kk  platform:telegram  author_type:organisation  region:KZ-75
//   corpus:public   field filters on the document's metadata (see DocumentFields).
//
// Operators are upper-case only: lower-case and/or/not/near are ordinary words
// (quote "AND" to search for the upper-case word). Precedence, tightest first:
// NOT, NEAR/ONEAR (left-associative), AND (explicit or implicit), OR.
//
// All functions are thread-safe. Query and Matcher are immutable values; a
// Matcher is shared by all threads, each of which brings its own MatchContext.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/text.h"

namespace tenlik::query {

namespace internal {
struct Node;
class CompiledSet;
struct ContextState;
}  // namespace internal

// Why a query does not parse, as data, so that a caller can say it in the user's
// language (ParseErrorText) rather than show the English message.
struct ParseError {
  // What went wrong.
  enum class Code {
    kNone,                    // no error
    kEmptyQuery,              // nothing but white space
    kTooLong,                 // over `limit` bytes
    kTooDeep,                 // nested over `limit` levels
    kMissingOperand,          // nothing to apply operator `token` to
    kMissingOperandBefore,    // `found` where an operand must come ('(' then AND ...)
    kEmptyParentheses,        // "()", opened at column `opened_at`
    kUnclosedParenthesis,     // '(' at column `opened_at` never closed
    kUnmatchedParenthesis,    // a ')' with no '(' before it
    kMissingOperator,         // two operands ... `found` where an operator or the end must come
    kNotPositional,           // an operand of NEAR/ONEAR `token` that is not a word, phrase or OR
    kUnclosedPhrase,          // a phrase opened at column `opened_at` never closed by `token`
    kNearWithoutNumber,       // `token` (NEAR or ONEAR) without "/N"
    kNearTooFar,              // `token`/N with N over `limit`
    kMisplacedStar,           // '*' elsewhere than at the end of a word
    kShortPrefix,             // fewer than `limit` letters before '*'
    kEmptyPhrase,             // a phrase without words
    kNoLetters,               // word `token` has no letters or digits
    kStemNotOneWord,          // '~' not followed by exactly one word
    kStemNotCyrillicOrLatin,  // '~' before a word no stemmer knows
    kUnknownField,            // `token` before ':' is not a field name
    kMissingFieldValue,       // nothing after field `token` and ':'
    kBadLanguageCode,         // lang: not kk, ru, en, mixed or und
    kBadRegionCode,           // region: not an ISO 3166-2 code or country
    kBadFieldValue,           // a character outside [A-Za-z0-9_.-] after field `token`
  };
  // The kind of token that was expected at `column`.
  enum class Expected {
    kNothing,        // no error
    kOperand,        // a term or '('
    kNearOperand,    // a term, phrase or '('
    kPositional,     // a word, a phrase or an OR of them
    kOperatorOrEnd,  // an operator or the end of the query
    kCloseParenthesis,
    kCloseQuote,    // `token`: '"' or '»'
    kDistance,      // a number after NEAR/ or ONEAR/
    kWordEnd,       // '*' only at the end of a word
    kLetters,       // letters or digits
    kWord,          // one (Cyrillic or Latin) word
    kFieldName,     // lang, platform, author_type, region or corpus
    kFieldValue,    // a value of the field
    kShorterQuery,  // at most `limit` bytes
  };
  // What stood at `column` when parsing failed.
  enum class Found { kText, kOpenParenthesis, kCloseParenthesis, kSpace, kEnd };

  Code code = Code::kNone;
  Expected expected = Expected::kNothing;
  int column = 0;              // 1-based, in code points
  std::string token;           // the operator, word, field name or closing quote involved
  Found found = Found::kText;  // kText: `found_text` (up to white space, at most 40 characters)
  std::string found_text;
  int opened_at = 0;  // column of the unclosed '(' or quote
  int limit = 0;      // the limit that was passed
};

// A parsed query. Cheap to copy (the tree is shared and immutable).
class Query {
 public:
  // The text the query was parsed from.
  const std::string& text() const;

  // False for a default-constructed Query (one not produced by Parse).
  bool parsed() const { return root_ != nullptr; }

  // Internal: the root of the parse tree. Requires parsed().
  const internal::Node& root() const { return *root_; }

 private:
  friend Result<Query> Parse(std::string_view text, ParseError* error);
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<const internal::Node> root_;
};

// Parses a query. On a syntax error returns InvalidArgument whose message starts
// with "column C: " (C is the 1-based column in characters, i.e. Unicode code
// points, where parsing failed) followed by what was expected there, e.g.
// "column 12: expected a term or '(' after AND" (ParseErrorText(*error, "en")), and
// fills `*error` when `error` is not null. Never crashes on any input; nesting
// deeper than 64 levels and queries over 64 KiB are rejected the same way.
Result<Query> Parse(std::string_view text, ParseError* error = nullptr);

// What was expected, in `lang` ("kk", "ru", anything else English), without the
// column: "expected a term or '(' after AND", "после AND ожидался термин или '('".
std::string ParseErrorText(const ParseError& error, std::string_view lang);

// The parse tree as indented text (empty for an unparsed Query), one node per line, children
// indented by two spaces, each term with its folded matching key, e.g.
//   AND
//     TERM "Инклюзивті" key "инклюзивти"
//     FIELD lang = "kk"
std::string Explain(const Query& query);

// The parse tree as JSON: {"op": "and"|"or"|"not"|"near"|"onear"|"term"|"prefix"|
// "stem"|"phrase"|"hashtag"|"mention"|"field", "column": C, ...}; operators carry
// "children" (and "distance" for near/onear); terms "text" and "key"; phrases
// "words" (each {"key", "prefix"}); fields "field" and "value".
std::string ExplainJson(const Query& query);

// Metadata a query can filter on. Empty strings / lists match no field filter.
struct DocumentFields {
  std::string lang;                  // "kk", "ru", "en", "mixed", "und"
  std::string platform;              // "telegram", "instagram", ... (compared case-insensitively)
  std::string author_type;           // "person", "organisation", "media", ...
  std::string corpus;                // "public", ...
  std::vector<std::string> regions;  // ISO 3166-2 codes, e.g. "KZ-75"; region:KZ
                                     // matches every "KZ-..." code
};

// One token of a document.
struct DocumentToken {
  std::string key;        // text::Fold() key (hashtags keep their '#', mentions '@')
  bool is_word = false;   // a word (stemmed by ~terms); numbers, hashtags ... are not
  size_t text_begin = 0;  // byte range of the token in the original text
  size_t text_end = 0;
  size_t key_begin = 0;  // byte range of `key` in Document::folded_text()
};

// A document prepared for matching: its tokens (word index = position in tokens()),
// the folded text the matcher scans, and its metadata. Build it with MakeDocument.
// Immutable; usable with any Matcher from any thread.
class Document {
 public:
  const std::vector<DocumentToken>& tokens() const { return tokens_; }
  const DocumentFields& fields() const { return fields_; }

  // The original text (copied).
  const std::string& text() const { return text_; }

  // The token keys joined with single spaces, with a space before the first and
  // after the last one: " k1 k2 ... kn ". Hit spans index into it.
  const std::string& folded_text() const { return folded_; }

 private:
  friend Document MakeDocumentFromTokens(std::string_view text, std::vector<text::Token> tokens,
                                         DocumentFields fields);
  std::string text_;
  std::string folded_;
  std::vector<DocumentToken> tokens_;
  DocumentFields fields_;
};

// Tokenizes `text` with text::Tokenize (keys are text::Fold()ed in the context of
// the whole text, so a Kazakh line written in Latin yields Cyrillic keys) and
// attaches `fields`. Never fails; invalid UTF-8 is repaired by the text engine.
Document MakeDocument(std::string_view text, DocumentFields fields = {});

// The same from `tokens`, which must be text::Tokenize(text): a caller that also
// needs the tokens for other work (places, sentiment) tokenizes the text once.
Document MakeDocumentFromTokens(std::string_view text, std::vector<text::Token> tokens,
                                DocumentFields fields = {});

// A query with the name a study gives it.
struct NamedQuery {
  std::string name;
  Query query;
};

// Where a matching query's positive terms occurred: the words [first_word,
// last_word] of the document, the bytes [folded_begin, folded_end) of
// Document::folded_text() and the bytes [text_begin, text_end) of Document::text()
// (for keyword-in-context). Terms under a NOT yield no span.
struct HitSpan {
  int query = 0;
  size_t first_word = 0;
  size_t last_word = 0;
  size_t folded_begin = 0;
  size_t folded_end = 0;
  size_t text_begin = 0;
  size_t text_end = 0;
};

class MatchContext;

// Many named queries compiled together: every distinct word, prefix, hashtag and
// stem key of all queries becomes one literal in a single Hyperscan (vectorscan)
// block-mode database. Literals never span words, so a word is scanned once, the
// first time a MatchContext meets it, however many queries there are; after that
// its literals are a lookup. Immutable after Compile and thread-safe; copies share
// the database.
class Matcher {
 public:
  // Number of compiled queries and the name of query `index` (0-based, in the
  // order given to Compile).
  size_t size() const;
  const std::string& name(size_t index) const;

  // Number of distinct literals in the database.
  size_t pattern_count() const;

  // Indexes of the queries that match `doc`, ascending. When `spans` is not null
  // it receives the hit spans of the matching queries (ordered by query, then by
  // position). `context` must have been created for this Matcher (or a copy of
  // it) and must not be used by two threads at once.
  std::vector<int> Match(const Document& doc, MatchContext* context,
                         std::vector<HitSpan>* spans = nullptr) const;

  // The same, with the spans only of the matching queries q for which
  // spans_of[q] is true (`spans_of` has size() entries, or is empty for all):
  // collecting spans costs more than deciding whether a query matches.
  std::vector<int> Match(const Document& doc, MatchContext* context, std::vector<HitSpan>* spans,
                         const std::vector<bool>& spans_of) const;

  // The same with a temporary context: allocates scratch space on every call;
  // prefer the overload above in loops.
  std::vector<int> Match(const Document& doc) const;

 private:
  friend Result<Matcher> Compile(const std::vector<NamedQuery>& queries);
  friend class MatchContext;
  std::shared_ptr<const internal::CompiledSet> set_;
};

// Compiles `queries` into one Matcher. InvalidArgument for an empty name or a
// query that was not produced by Parse; Internal if Hyperscan rejects the
// database (the message carries Hyperscan's). Names need not be unique.
// Compiling thousands of terms takes well under a second.
Result<Matcher> Compile(const std::vector<NamedQuery>& queries);

// Per-thread scratch space for one Matcher: Hyperscan scratch, hit buffers, the
// stemmers for ~terms, and the literals of the words it has met (at most 131,072
// words, about 10 MB; then it starts afresh). Not thread-safe; create one per
// thread and reuse it for every document. Movable, not copyable.
class MatchContext {
 public:
  explicit MatchContext(const Matcher& matcher);
  ~MatchContext();
  MatchContext(MatchContext&&) noexcept;
  MatchContext& operator=(MatchContext&&) noexcept;
  MatchContext(const MatchContext&) = delete;
  MatchContext& operator=(const MatchContext&) = delete;

  // Internal state, used by Matcher::Match.
  internal::ContextState& state() { return *state_; }

 private:
  std::unique_ptr<internal::ContextState> state_;
};

}  // namespace tenlik::query
