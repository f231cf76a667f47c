// Internal: the compiled gazetteer shared by copies of a Gazetteer.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "geo/geo.h"
#include "text/text.h"

namespace tenlik::geo::internal {

// One word of a name and the forms it may take in text (all folded).
struct WordForm {
  std::string key;    // the word as folded from the name
  bool exact = true;  // `key` itself matches
  std::string stem;   // Russian declension: stem + one of `endings`
  std::vector<std::string> endings;
  bool kazakh = false;      // key + 1..4 Kazakh suffixes (last word only)
  bool possessive = false;  // key + 's (Latin last word only)
};

// A name pattern.
struct Pattern {
  std::string iso;
  std::string form;  // the name as written in the data
  std::vector<WordForm> words;
};

// A Hyperscan literal (its id is the index): " " + the first word's stem, and the
// patterns that start with it.
struct Anchor {
  size_t length = 0;
  std::vector<size_t> patterns;
};

// True when the folded token `token` is a form of `word`.
bool WordMatches(const WordForm& word, std::string_view token);

// Hyperscan scratch spaces, handed out one per concurrent scan.
class ScratchPool {
 public:
  explicit ScratchPool(const hs_database_t* db) : db_(db) {}
  ~ScratchPool();
  ScratchPool(const ScratchPool&) = delete;
  ScratchPool& operator=(const ScratchPool&) = delete;

  // nullptr only when Hyperscan cannot allocate.
  hs_scratch_t* Acquire();
  void Release(hs_scratch_t* scratch);

 private:
  const hs_database_t* db_;
  std::mutex mutex_;
  std::vector<hs_scratch_t*> free_;
};

struct GazetteerData {
  ~GazetteerData();
  std::string version;
  std::vector<Region> regions;
  std::vector<Place> places;
  std::vector<Pattern> patterns;
  std::vector<Anchor> anchors;
  std::set<std::string> deny;  // folded word sequences that are never a mention
  std::vector<std::string> conflicts;
  hs_database_t* db = nullptr;
  std::unique_ptr<ScratchPool> scratch;
};

Result<std::shared_ptr<GazetteerData>> Build(const std::string& dir);

// FindMentions with or without the deny list (place hints skip it: the field is
// known to name a place).
std::vector<Mention> Mentions(const GazetteerData& data, std::string_view text, bool deny);
// The same from text::Tokenize(text).
std::vector<Mention> Mentions(const GazetteerData& data, const std::vector<text::Token>& tokens,
                              bool deny);

}  // namespace tenlik::geo::internal
