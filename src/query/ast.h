// Internal to query/: the parse tree shared by the parser, Explain and Compile.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/query.h"

namespace tenlik::query::internal {

enum class NodeKind {
  kAnd,      // children: 2 or more
  kOr,       // children: 2 or more
  kNot,      // children: 1
  kNear,     // children: 2, unordered, `distance` words apart at most
  kONear,    // children: 2, the first before the second
  kTerm,     // words: 1 (a word, hashtag or mention)
  kPrefix,   // words: 1, prefix
  kStem,     // words: 1, stem
  kPhrase,   // words: 1 or more, adjacent and in order
  kField,    // field = value
};

enum class WordKind { kExact, kPrefix, kStem };

// One word position of a term or phrase.
struct Word {
  WordKind kind = WordKind::kExact;
  std::string key;                     // Fold() key; for kPrefix the prefix
  std::vector<std::string> stem_keys;  // kStem: "k:stem", "r:stem", "e:stem"
};

enum class Field { kLang, kPlatform, kAuthorType, kRegion, kCorpus };

struct Node {
  NodeKind kind = NodeKind::kTerm;
  int column = 1;        // 1-based column in code points where the node starts
  std::string text;      // source text of a term / phrase / field value
  std::vector<Word> words;
  std::vector<std::unique_ptr<Node>> children;
  int distance = 0;      // NEAR / ONEAR
  Field field = Field::kLang;
  std::string value;     // normalised field value (lower case; regions upper case)
};

// True for nodes that occur at word positions (usable as NEAR operands).
bool IsPositional(const Node& node);

const char* FieldName(Field field);

// The stem keys of one folded word: "k:" and "r:" stems for Cyrillic words,
// "e:" for Latin ones; empty for other scripts. Stemmers are created on first use.
class StemKeyMaker {
 public:
  StemKeyMaker();
  ~StemKeyMaker();
  void Keys(const std::string& key, std::vector<std::string>* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The code marking stem entries in scanned text (never part of a token key).
inline constexpr char kStemMark = '\x01';

}  // namespace tenlik::query::internal
