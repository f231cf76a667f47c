// Public API of the gazetteer: Kazakhstan's 20 top-level units (17 regions and 3
// cities of republican significance, borders of June 2022) and place detection in
// Kazakh, Russian and English text.
//
//   Result<std::string> dir = geo::DefaultGazetteerDir();      // data/gazetteer
//   Result<geo::Gazetteer> g = geo::Gazetteer::Load(*dir);
//   g->FindPlaces("Алматыдағы мектептер мен Карагандинской области");
//       // -> {"KZ-75", "KZ-35"}
//   g->ResolvePlaceHint("Astana, Kazakhstan");                  // -> "KZ-71"
//
// Data (docs in data/gazetteer/README.md): regions.csv (one row per unit),
// places.csv (the 90 cities with the unit they belong to) and name_rules.tsv (the
// project's own matching rules: extra forms, names that are never matched alone,
// word forms that are never a place).
//
// Matching works on text::Fold() keys of text::Tokenize() tokens (a hashtag counts
// without its '#'), so case, ё/е and the Kazakh spellings (Cyrillic, Latin 2017 /
// 2018 / 2021, Russian-letter substitutes) compare equal. A name matches whole
// words: its last word may carry Kazakh suffixes (Алматыда, Астанаға,
// Шымкенттегі, Алматылықтар) and every Cyrillic word its Russian case endings
// (Караганде, Карагандинской области, Шымкентом); Latin names may carry a
// possessive 's. Other words never match inside a longer word (Астанов is not
// Астана). All name patterns are compiled into one Hyperscan (vectorscan) database
// scanned once per text.
//
// Where mentions overlap, the one spanning more words wins, so "Алматы облысы",
// "Алматинская область" and "Almaty Region" are KZ-19 while "Алматы",
// "алматинские школы" and "Almaty" are the city KZ-75. A city counts for the unit
// it lies in (Туркестан -> KZ-61, Семей -> KZ-10, Байконур -> KZ-43).
//
// Gazetteer is an immutable value, cheap to copy (copies share the database), and
// every method is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/text.h"

namespace tenlik::geo {

// One top-level unit: a row of regions.csv.
struct Region {
  std::string iso;      // ISO 3166-2, numeric scheme since 2022: "KZ-75"
  std::string name_en;  // "Almaty"
  std::string name_kk;  // "Алматы қаласы"
  std::string name_ru;  // "город Алматы"
  std::string admin_centre_en;
  std::string admin_centre_kk;
  std::string admin_centre_ru;
  std::optional<int64_t> population;  // empty where the source is not verified
  std::string population_date;        // ISO date of `population`, empty with it
  std::string population_source;
  std::string old_iso;                 // alpha code before 2022, e.g. "KZ-ALA"; may be empty
  std::vector<std::string> alt_names;  // the '|'-separated alt_names column
};

// One city: a row of places.csv.
struct Place {
  std::string name_en;
  std::string name_kk;
  std::string name_ru;
  std::string region_iso;              // the unit the city lies in
  std::string kind;                    // "city"
  std::vector<std::string> alt_names;  // historical and Latin spellings
  std::string admin_centre_of;         // ISO code of the unit it is the centre of, or ""
  std::string notes;
};

// One place mention found in a text.
struct Mention {
  std::string iso;        // the unit
  size_t text_begin = 0;  // byte range in the text given to FindMentions
  size_t text_end = 0;
  size_t first_word = 0;  // token indexes (text::Tokenize) of the mention, inclusive
  size_t last_word = 0;
  std::string form;  // the name as written in the data ("Алматы облысы")
};

namespace internal {
struct GazetteerData;
}

class Gazetteer {
 public:
  // Reads regions.csv, places.csv and name_rules.tsv from `dir` and compiles the
  // name patterns. NotFound when a file is missing; DataLoss when a file does not
  // have the expected header or a row is malformed (the message names file and
  // line); Internal if Hyperscan rejects the patterns.
  static Result<Gazetteer> Load(const std::string& dir);

  // The version line of name_rules.tsv ("# version: ...") — the version of the
  // shipped gazetteer as a whole; empty if the file has none.
  const std::string& version() const;

  // The 20 units in file order, and the cities.
  const std::vector<Region>& regions() const;
  const std::vector<Place>& places() const;

  // The unit with this ISO code ("KZ-75"), also accepting the pre-2022 alpha code
  // ("KZ-ALA"), case-insensitively; nullptr when there is none.
  const Region* FindRegion(std::string_view iso) const;

  // The distinct ISO codes of the units named in `text`, in the order of their
  // first mention. Empty when there is none. Never fails (invalid UTF-8 is
  // repaired by the text engine).
  std::vector<std::string> FindPlaces(std::string_view text) const;

  // The same from text::Tokenize(text): callers that tokenize the text for other
  // work too (annotation) do it once.
  std::vector<std::string> FindPlacesInTokens(const std::vector<text::Token>& tokens) const;

  // Every place mention of `text`, non-overlapping, in text order.
  std::vector<Mention> FindMentions(std::string_view text) const;

  // The unit of a place string from an export's place / city / state field, such as
  // "Almaty", "Караганда", "Astana, Kazakhstan", "Алматинская обл.", "KZ-75" or
  // "KZ-ALA". The string is read as comma-separated parts, most specific first:
  // the first part that names a unit decides; within a part the first mention
  // wins. nullopt when nothing names a unit ("Kazakhstan", "", "Бишкек").
  std::optional<std::string> ResolvePlaceHint(std::string_view hint) const;

  // Number of distinct name patterns compiled.
  size_t pattern_count() const;

  // Names that the data gives to more than one unit and how each was settled,
  // one line each ("алматы: KZ-75 over KZ-19"), for tests and `--explain`.
  const std::vector<std::string>& conflicts() const;

 private:
  std::shared_ptr<const internal::GazetteerData> data_;
};

// The directory of the shipped gazetteer: $TENLIK_DATA/gazetteer when TENLIK_DATA
// is set (it names the data/ folder), else the first of ../data/gazetteer and
// ../../data/gazetteer relative to the running executable (/proc/self/exe) that
// holds regions.csv — the repository's data/ when tenlik runs from build/.
// NotFound when none does (the message lists the places tried).
Result<std::string> DefaultGazetteerDir();

}  // namespace tenlik::geo
