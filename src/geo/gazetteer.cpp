// Loading the gazetteer and compiling its names into one Hyperscan database.
//
// Every name form (a region's names, admin centres, cities, alt names, the extra
// forms of name_rules.tsv) becomes one pattern: a list of words, each with the
// inflected forms it may take (MakeWordForm). The text is scanned as its "folded
// line" — the text::Fold() keys of its tokens joined by single spaces, with a
// space at each end — for the anchors of all patterns (a space and the stem of the
// first word) in one Hyperscan literal database; each anchor hit is then checked
// word by word against the patterns it starts (match.cpp).
#include <hs/hs.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <unistd.h>

#include "geo/csv.h"
#include "geo/geo.h"
#include "geo/internal.h"
#include "text/text.h"

namespace tenlik::geo {
namespace internal {

ScratchPool::~ScratchPool() {
  for (hs_scratch_t* s : free_) hs_free_scratch(s);
}

hs_scratch_t* ScratchPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      hs_scratch_t* s = free_.back();
      free_.pop_back();
      return s;
    }
  }
  hs_scratch_t* s = nullptr;
  if (hs_alloc_scratch(db_, &s) != HS_SUCCESS) return nullptr;
  return s;
}

void ScratchPool::Release(hs_scratch_t* s) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(s);
}

GazetteerData::~GazetteerData() {
  scratch.reset();
  if (db != nullptr) hs_free_database(db);
}

namespace {

// ------------------------------------------------------------ UTF-8 helpers

std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool HasCyrillic(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xD0 && c <= 0xD4) return true;
  }
  return false;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "South Kazakhstan Region (until 2018)" -> "South Kazakhstan Region".
std::string StripParenthetical(std::string_view s) {
  size_t open = s.find('(');
  if (open != std::string_view::npos) s = s.substr(0, open);
  return Trim(s);
}

// ------------------------------------------------------------ keys of a name

// The folded words of `form` as tokens of a text, '#' dropped from hashtags.
std::vector<std::string> TokenKeys(std::string_view form) {
  std::vector<std::string> keys;
  for (text::Token& t : text::Tokenize(form)) {
    if (t.type == text::TokenType::kUrl || t.type == text::TokenType::kEmail ||
        t.type == text::TokenType::kEmoji || t.type == text::TokenType::kMention) {
      continue;
    }
    if (t.type == text::TokenType::kHashtag && !t.text.empty() && t.text[0] == '#') {
      t.text.erase(0, 1);
    }
    if (!t.text.empty()) keys.push_back(std::move(t.text));
  }
  return keys;
}

// A Latin-script Kazakh context: appended to an ASCII name so that Fold() reads the
// name's Latin letters as Kazakh (the form the name takes inside a Kazakh line).
constexpr std::string_view kKazakhLatinContext =
    " qalasynda mektepterdegi balalardyñ ata-analary";

// Every key sequence under which `form` can appear in folded text: as written,
// and for an all-ASCII name also as plain lower-case Latin and as Fold() reads it
// inside a Kazakh Latin line.
std::vector<std::vector<std::string>> KeyVariants(std::string_view form) {
  std::vector<std::vector<std::string>> out;
  auto add = [&out](std::vector<std::string> keys) {
    if (keys.empty()) return;
    if (std::find(out.begin(), out.end(), keys) == out.end()) out.push_back(std::move(keys));
  };
  std::vector<std::string> plain = TokenKeys(form);
  add(plain);
  if (IsAscii(form)) {
    std::vector<std::string> latin;
    std::string word;
    for (char c : form) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      } else if (!word.empty()) {
        latin.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) latin.push_back(std::move(word));
    add(latin);
    std::vector<std::string> in_context =
        TokenKeys(std::string(form) + std::string(kKazakhLatinContext));
    if (in_context.size() >= plain.size()) {
      in_context.resize(plain.size());
      bool cyrillic = true;
      for (const std::string& k : in_context) cyrillic = cyrillic && HasCyrillic(k);
      if (cyrillic) add(in_context);
    }
  }
  return out;
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string out;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out.push_back(' ');
    out += keys[i];
  }
  return out;
}

// ------------------------------------------------------------ inflection

// Russian adjective endings; a word ending in one of the first ones is read as an
// adjective ("Карагандинская" -> карагандинск + any of them).
const std::vector<std::string> kAdjectiveEndings = {
    "ая", "ой", "ую", "ою", "ий", "ый", "ого", "ому", "им", "ым", "ом",
    "ое", "ые", "ие", "ых", "их", "ыми", "ими", "ей"};

bool IsCyrillicVowel(std::string_view cp) {
  static const std::set<std::string_view> vowels = {"а", "е", "ё", "и", "о", "у", "ы",
                                                     "э", "ю", "я"};
  return vowels.count(cp) > 0;
}

// One word of a name: its key and the inflected forms it may take.
WordForm MakeWordForm(const std::string& key, bool last) {
  WordForm w;
  w.key = key;
  if (!HasCyrillic(key)) {
    w.possessive = last && IsAscii(key);
    return w;
  }
  w.kazakh = last;
  std::vector<std::string> cps = CodePoints(key);
  if (cps.size() < 4) return w;
  auto stem_without = [&](size_t n) {
    std::string stem;
    for (size_t i = 0; i + n < cps.size(); ++i) stem += cps[i];
    return stem;
  };
  std::string last2 = cps[cps.size() - 2] + cps.back();
  if (cps.size() >= 6 && (last2 == "ая" || last2 == "ий" || last2 == "ый" || last2 == "ое" ||
                          last2 == "ой" || last2 == "ие" || last2 == "ые")) {
    // An adjective is only its case forms, so that "Алматинская" and
    // "алматинский" are one name.
    w.stem = stem_without(2);
    w.endings = kAdjectiveEndings;
    w.kazakh = false;
    w.exact = false;
    return w;
  }
  const std::string& end = cps.back();
  if (end == "а") {
    w.stem = stem_without(1);
    w.endings = {"ы", "е", "у", "ой", "ою"};
  } else if (end == "я") {
    w.stem = stem_without(1);
    w.endings = {"и", "е", "ю", "ей"};
  } else if (end == "ь") {
    w.stem = stem_without(1);
    w.endings = {"и", "ью", "ем", "е", "я", "ю"};
  } else if (end == "й") {
    w.stem = stem_without(1);
    w.endings = {"я", "ю", "е", "ем"};
  } else if (!IsCyrillicVowel(end) && HasCyrillic(end)) {
    w.stem = key;
    w.endings = {"а", "у", "е", "ом"};
  }
  return w;
}

// A canonical text of a name's word forms: names with equal signatures match the
// same texts and are one pattern.
std::string Signature(const std::vector<WordForm>& words) {
  std::string out;
  for (const WordForm& w : words) {
    out += w.exact ? w.key : "";
    out += "|" + w.stem + "(";
    for (const std::string& e : w.endings) out += e + ",";
    out += ")";
    out += w.kazakh ? "+kk" : "";
    out += w.possessive ? "+s" : "";
    out += " ";
  }
  return out;
}

// The literal Hyperscan looks for: a space and the shortest prefix every form of
// the first word starts with.
std::string AnchorOf(const WordForm& first) {
  if (!first.stem.empty() && first.stem.size() < first.key.size()) return " " + first.stem;
  return " " + first.key;
}

std::string EscapeLiteral(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    bool plain = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9');
    if (!plain) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// ------------------------------------------------------------ the data files

// Where a name comes from; a lower value wins when two units share a pattern.
enum Precedence {
  kRule = 0,        // name_rules.tsv "add"
  kRegionName = 1,  // a unit's official names and their region-word variants
  kCityName = 2,    // admin centres and city names
  kRegionBase = 3,  // a region's name without the word for region ("Жетісу")
  kAltName = 4,     // historical names and spellings
};

struct Candidate {
  std::string form;
  std::string iso;
  Precedence precedence;
};

Status CheckHeader(const std::vector<Row>& rows, const std::vector<std::string>& expected,
                   const std::string& name) {
  if (rows.empty()) return DataLoss(name + ": empty file");
  const std::vector<std::string>& header = rows[0].cells;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i >= header.size() || header[i] != expected[i]) {
      return DataLoss(name + ":1: expected column " + std::to_string(i + 1) + " '" +
                      expected[i] + "'");
    }
  }
  return Status::Ok();
}

bool ValidIso(std::string_view iso) {
  return iso.size() == 5 && iso.substr(0, 3) == "KZ-" && iso[3] >= '0' && iso[3] <= '9' &&
         iso[4] >= '0' && iso[4] <= '9';
}

Result<std::vector<Region>> ReadRegions(const std::string& dir) {
  const std::string name = "regions.csv";
  TENLIK_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + name));
  TENLIK_ASSIGN_OR_RETURN(std::vector<Row> rows, ParseCsv(text, name));
  TENLIK_RETURN_IF_ERROR(CheckHeader(
      rows,
      {"iso_3166_2", "name_en", "name_kk", "name_ru", "admin_centre_en", "admin_centre_kk",
       "admin_centre_ru", "population", "population_date", "population_source", "old_iso",
       "alt_names"},
      name));
  std::vector<Region> regions;
  for (size_t i = 1; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string where = name + ":" + std::to_string(row.line) + ": ";
    if (row.cells.size() != 12) {
      return DataLoss(where + "expected 12 fields, found " + std::to_string(row.cells.size()));
    }
    const std::vector<std::string>& c = row.cells;
    Region r;
    r.iso = c[0];
    if (!ValidIso(r.iso)) return DataLoss(where + "bad ISO 3166-2 code '" + r.iso + "'");
    r.name_en = c[1];
    r.name_kk = c[2];
    r.name_ru = c[3];
    r.admin_centre_en = c[4];
    r.admin_centre_kk = c[5];
    r.admin_centre_ru = c[6];
    if (!c[7].empty()) {
      char* end = nullptr;
      long long value = std::strtoll(c[7].c_str(), &end, 10);
      if (*end != '\0' || value <= 0) return DataLoss(where + "bad population '" + c[7] + "'");
      r.population = value;
      if (c[8].empty()) return DataLoss(where + "population without population_date");
    }
    r.population_date = c[8];
    r.population_source = c[9];
    r.old_iso = c[10];
    r.alt_names = SplitBar(c[11]);
    if (r.name_en.empty() || r.name_kk.empty() || r.name_ru.empty()) {
      return DataLoss(where + "a name is empty");
    }
    regions.push_back(std::move(r));
  }
  return regions;
}

Result<std::vector<Place>> ReadPlaces(const std::string& dir,
                                      const std::vector<Region>& regions) {
  const std::string name = "places.csv";
  TENLIK_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + name));
  TENLIK_ASSIGN_OR_RETURN(std::vector<Row> rows, ParseCsv(text, name));
  TENLIK_RETURN_IF_ERROR(CheckHeader(rows,
                                     {"place_en", "place_kk", "place_ru", "region_iso", "kind",
                                      "alt_names", "admin_centre_of", "notes"},
                                     name));
  auto known = [&regions](const std::string& iso) {
    return std::any_of(regions.begin(), regions.end(),
                       [&](const Region& r) { return r.iso == iso; });
  };
  std::vector<Place> places;
  for (size_t i = 1; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string where = name + ":" + std::to_string(row.line) + ": ";
    if (row.cells.size() != 8) {
      return DataLoss(where + "expected 8 fields, found " + std::to_string(row.cells.size()));
    }
    const std::vector<std::string>& c = row.cells;
    Place p{c[0], c[1], c[2], c[3], c[4], SplitBar(c[5]), c[6], c[7]};
    if (!known(p.region_iso)) return DataLoss(where + "unknown region '" + p.region_iso + "'");
    if (!p.admin_centre_of.empty() && !known(p.admin_centre_of)) {
      return DataLoss(where + "unknown admin_centre_of '" + p.admin_centre_of + "'");
    }
    places.push_back(std::move(p));
  }
  return places;
}

struct Rules {
  std::string version;
  std::vector<Candidate> add;
  std::vector<std::pair<std::string, std::string>> drop;  // form, iso ("" = any unit)
  std::vector<std::string> deny;                          // forms
};

Result<Rules> ReadRules(const std::string& dir, const std::vector<Region>& regions) {
  const std::string name = "name_rules.tsv";
  TENLIK_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + name));
  Rules rules;
  constexpr std::string_view kVersion = "# version:";
  size_t at = text.find(kVersion);
  if (at != std::string::npos && (at == 0 || text[at - 1] == '\n')) {
    size_t end = text.find('\n', at);
    rules.version = Trim(text.substr(at + kVersion.size(), end - at - kVersion.size()));
  }
  std::vector<Row> rows = ParseTsv(text);
  if (rows.empty() || rows[0].cells.size() < 3 || rows[0].cells[0] != "action" ||
      rows[0].cells[1] != "form" || rows[0].cells[2] != "iso") {
    return DataLoss(name + ": expected the header 'action<TAB>form<TAB>iso<TAB>note'");
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string where = name + ":" + std::to_string(row.line) + ": ";
    if (row.cells.size() < 2) return DataLoss(where + "expected action, form and iso");
    const std::string& action = row.cells[0];
    std::string form = Trim(row.cells[1]);
    const std::string iso = row.cells.size() > 2 ? row.cells[2] : std::string();
    if (form.empty()) return DataLoss(where + "empty form");
    if (!iso.empty() && std::none_of(regions.begin(), regions.end(),
                                     [&](const Region& r) { return r.iso == iso; })) {
      return DataLoss(where + "unknown unit '" + iso + "'");
    }
    if (action == "add") {
      if (iso.empty()) return DataLoss(where + "'add' needs a unit");
      rules.add.push_back({form, iso, kRule});
    } else if (action == "drop") {
      rules.drop.emplace_back(form, iso);
    } else if (action == "deny") {
      rules.deny.push_back(form);
    } else {
      return DataLoss(where + "unknown action '" + action + "' (add, drop or deny)");
    }
  }
  return rules;
}

// The name forms of the data, before rules are applied.
std::vector<Candidate> NameForms(const std::vector<Region>& regions,
                                 const std::vector<Place>& places) {
  std::vector<Candidate> out;
  auto add_region_name = [&out](const std::string& raw, const std::string& iso,
                                Precedence full) {
    std::string form = StripParenthetical(raw);
    if (form.empty()) return;
    out.push_back({form, iso, full});
    // "X Region" -> X Oblast / Oblysy / Province, and X alone.
    for (std::string_view word : {" Region", " region"}) {
      if (EndsWith(form, word)) {
        std::string base = form.substr(0, form.size() - word.size());
        for (const char* w : {" Oblast", " Oblysy", " Province", " obl"}) {
          out.push_back({base + w, iso, full});
        }
        out.push_back({base, iso, kRegionBase});
      }
    }
    // "Карагандинская область" -> "Карагандинская обл", and the adjective alone.
    for (std::string_view word : {" область", " обл."}) {
      if (EndsWith(form, word)) {
        std::string base = form.substr(0, form.size() - word.size());
        out.push_back({base + " обл", iso, full});
        out.push_back({base, iso, kRegionBase});
      }
    }
    if (form.rfind("область ", 0) == 0) {
      out.push_back({"обл " + form.substr(std::string_view("область ").size()), iso, full});
    }
    // "Алматы облысы" / "Астана қаласы" -> the name alone.
    for (std::string_view word : {" облысы", " қаласы", " oblysy"}) {
      if (EndsWith(form, word)) {
        out.push_back({form.substr(0, form.size() - word.size()), iso, kRegionBase});
      }
    }
  };
  for (const Region& r : regions) {
    add_region_name(r.name_en, r.iso, kRegionName);
    add_region_name(r.name_kk, r.iso, kRegionName);
    add_region_name(r.name_ru, r.iso, kRegionName);
    for (const std::string* centre : {&r.admin_centre_en, &r.admin_centre_kk,
                                      &r.admin_centre_ru}) {
      if (!centre->empty()) out.push_back({*centre, r.iso, kCityName});
    }
    for (const std::string& alt : r.alt_names) add_region_name(alt, r.iso, kAltName);
  }
  for (const Place& p : places) {
    for (const std::string* n : {&p.name_en, &p.name_kk, &p.name_ru}) {
      if (!n->empty()) out.push_back({*n, p.region_iso, kCityName});
    }
    for (const std::string& alt : p.alt_names) {
      out.push_back({StripParenthetical(alt), p.region_iso, kAltName});
    }
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<GazetteerData>> Build(const std::string& dir) {
  auto data = std::make_shared<GazetteerData>();
  TENLIK_ASSIGN_OR_RETURN(data->regions, ReadRegions(dir));
  if (data->regions.empty()) return DataLoss("regions.csv: no units");
  TENLIK_ASSIGN_OR_RETURN(data->places, ReadPlaces(dir, data->regions));
  TENLIK_ASSIGN_OR_RETURN(Rules rules, ReadRules(dir, data->regions));
  data->version = rules.version;

  // Keys of dropped names (per unit; "" = every unit) and denied word forms.
  std::set<std::pair<std::string, std::string>> dropped;
  for (const auto& [form, iso] : rules.drop) {
    for (const auto& keys : KeyVariants(form)) dropped.emplace(JoinKeys(keys), iso);
  }
  for (const std::string& form : rules.deny) {
    for (const auto& keys : KeyVariants(form)) data->deny.insert(JoinKeys(keys));
  }

  std::vector<Candidate> candidates = rules.add;
  for (Candidate& c : NameForms(data->regions, data->places)) candidates.push_back(std::move(c));

  struct Chosen {
    Pattern pattern;
    Precedence precedence;
  };
  std::map<std::string, Chosen> by_signature;  // ordered: a deterministic database
  std::set<std::string> conflicts;
  for (const Candidate& c : candidates) {
    for (const std::vector<std::string>& keys : KeyVariants(c.form)) {
      std::string key = JoinKeys(keys);
      if (c.precedence != kRule &&
          (dropped.count({key, ""}) > 0 || dropped.count({key, c.iso}) > 0)) {
        continue;
      }
      Pattern pattern{c.iso, c.form, {}};
      for (size_t i = 0; i < keys.size(); ++i) {
        pattern.words.push_back(MakeWordForm(keys[i], i + 1 == keys.size()));
      }
      std::string signature = Signature(pattern.words);
      auto it = by_signature.find(signature);
      if (it == by_signature.end()) {
        by_signature.emplace(signature, Chosen{std::move(pattern), c.precedence});
        continue;
      }
      Chosen& old = it->second;
      if (old.pattern.iso != c.iso) {
        bool replace = c.precedence < old.precedence;
        conflicts.insert(key + ": " + (replace ? c.iso : old.pattern.iso) + " over " +
                         (replace ? old.pattern.iso : c.iso));
      }
      if (c.precedence < old.precedence) old = Chosen{std::move(pattern), c.precedence};
    }
  }
  data->conflicts.assign(conflicts.begin(), conflicts.end());

  // One literal per distinct anchor; each anchor lists the patterns it starts.
  std::map<std::string, std::vector<size_t>> by_anchor;
  for (auto& [signature, chosen] : by_signature) {
    by_anchor[AnchorOf(chosen.pattern.words.front())].push_back(data->patterns.size());
    data->patterns.push_back(std::move(chosen.pattern));
  }
  std::vector<std::string> literals;
  for (auto& [anchor, ids] : by_anchor) {
    literals.push_back(EscapeLiteral(anchor));
    data->anchors.push_back({anchor.size(), std::move(ids)});
  }
  std::vector<const char*> expressions;
  std::vector<unsigned> flags(literals.size(), HS_FLAG_UTF8);
  std::vector<unsigned> ids;
  for (size_t i = 0; i < literals.size(); ++i) {
    expressions.push_back(literals[i].c_str());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                       &data->db, &error) != HS_SUCCESS) {
    std::string message = error != nullptr && error->message != nullptr ? error->message : "?";
    int expression = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    std::string which = expression >= 0 && static_cast<size_t>(expression) < literals.size()
                            ? " in pattern '" + literals[static_cast<size_t>(expression)] + "'"
                            : "";
    return Internal("hyperscan: " + message + which);
  }
  data->scratch = std::make_unique<ScratchPool>(data->db);
  hs_scratch_t* probe = data->scratch->Acquire();
  if (probe == nullptr) return Internal("hyperscan: cannot allocate scratch space");
  data->scratch->Release(probe);
  return data;
}

}  // namespace internal

Result<Gazetteer> Gazetteer::Load(const std::string& dir) {
  TENLIK_ASSIGN_OR_RETURN(std::shared_ptr<internal::GazetteerData> data, internal::Build(dir));
  Gazetteer g;
  g.data_ = std::move(data);
  return g;
}

const std::string& Gazetteer::version() const { return data_->version; }
const std::vector<Region>& Gazetteer::regions() const { return data_->regions; }
const std::vector<Place>& Gazetteer::places() const { return data_->places; }
size_t Gazetteer::pattern_count() const { return data_->patterns.size(); }
const std::vector<std::string>& Gazetteer::conflicts() const { return data_->conflicts; }

const Region* Gazetteer::FindRegion(std::string_view iso) const {
  std::string upper(iso);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  for (const Region& r : data_->regions) {
    if (r.iso == upper || (!r.old_iso.empty() && r.old_iso == upper)) return &r;
  }
  return nullptr;
}

Result<std::string> DefaultGazetteerDir() {
  std::vector<std::string> tried;
  auto holds = [](const std::string& dir) {
    return access((dir + "/regions.csv").c_str(), R_OK) == 0;
  };
  if (const char* env = std::getenv("TENLIK_DATA"); env != nullptr && *env != '\0') {
    std::string dir = std::string(env) + "/gazetteer";
    if (holds(dir)) return dir;
    return NotFound("no gazetteer in " + dir + " (TENLIK_DATA names the data/ folder)");
  }
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n > 0) {
    std::string exe(buffer, static_cast<size_t>(n));
    std::string bin = exe.substr(0, exe.rfind('/'));
    for (const char* rel : {"/../data/gazetteer", "/../../data/gazetteer"}) {
      std::string dir = bin + rel;
      if (holds(dir)) return dir;
      tried.push_back(dir);
    }
  }
  std::string message = "gazetteer not found; set TENLIK_DATA to the data/ folder (tried";
  for (const std::string& t : tried) message += " " + t;
  return NotFound(message + ")");
}

}  // namespace tenlik::geo
