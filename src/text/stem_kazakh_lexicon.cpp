// The closed word classes behind FindKazakhProtectedPrefix. These are grammar-book
// classes (numerals, pronouns, relational nouns, function words) and the names of
// Kazakhstan's regions and their centres, not a list of stemming exceptions: each
// entry is here because its ending reads as a suffix (алты = алт + ы, Өскемен =
// Өске + мен, үшін = үш + і + н) while it is not one.
#include "text/stem_kazakh_lexicon.h"

#include <array>
#include <string>
#include <vector>

#include "text/case_fold.h"

namespace tenlik::text::internal {
namespace {

// clang-format off

// Stems that keep their letters under any ending.
constexpr std::u32string_view kProtectedStems[] = {
    // Numerals; ordinals are numeral + -ншы/-ыншы (алтыншы, жетінші).
    U"бір", U"екі", U"үш", U"төрт", U"бес", U"алты", U"жеті", U"сегіз", U"тоғыз", U"он",
    U"жиырма", U"отыз", U"қырық", U"елу", U"алпыс", U"жетпіс", U"сексен", U"тоқсан",
    U"жүз", U"мың",
    // Regions of Kazakhstan and their centres.
    U"абай", U"ақмола", U"ақтау", U"ақтөбе", U"алматы", U"астана", U"атырау",
    U"жамбыл", U"жезқазған", U"жетісу", U"көкшетау", U"қарағанды", U"қонаев",
    U"қостанай", U"қызылорда", U"маңғыстау", U"орал", U"павлодар", U"петропавл",
    U"семей", U"талдықорған", U"тараз", U"түркістан", U"ұлытау", U"шымкент", U"өскемен",
};

// Pronouns ending in a possessive grown into them, which take the pronominal н:
// бәрі "all of it" (бәрін; there is no stem бәр), осы "this" (осының, осында).
constexpr std::u32string_view kPossessivePronouns[] = {U"бәрі", U"осы"};

// Uninflected function words (postpositions, conjunctions, determiners).
constexpr std::u32string_view kFunctionWords[] = {
    U"үшін", U"кейін", U"дейін", U"шейін", U"сияқты", U"секілді", U"туралы", U"арқылы",
    U"бірге", U"басқа", U"алайда", U"дегенмен", U"сондықтан", U"өйткені", U"қарамастан",
};

// Relational nouns with the 3rd person possessive; with a case ending of place or
// manner they are postpositions (алдында "in front of", арасында "among", бойынша
// "according to", алдымен "first of all"). The relative -ндағы (арасындағы) makes
// an adjective with endings of its own and is stemmed as usual.
constexpr std::u32string_view kRelationalNouns[] = {
    U"алды", U"арты", U"асты", U"үсті", U"іші", U"сырты", U"жаны", U"қасы", U"арасы",
    U"ортасы", U"маңы", U"бойы", U"жағы", U"түбі", U"төңірегі",
};

constexpr std::u32string_view kPostpositionEndings[] = {
    U"нда", U"нде", U"на", U"не", U"нан", U"нен", U"мен", U"нша", U"нше",
};

// clang-format on

enum class Kind { kFunctionWord, kRelationalNoun, kStem, kPossessivePronoun };

struct Entry {
  std::u32string proper;
  std::u32string folded;
  Kind kind;
};

// The entries grouped by their folded first letter, so that a word is compared with
// the few entries that share its first letter.
class Index {
 public:
  Index() {
    Add(kFunctionWords, Kind::kFunctionWord);
    Add(kRelationalNouns, Kind::kRelationalNoun);
    Add(kProtectedStems, Kind::kStem);
    Add(kPossessivePronouns, Kind::kPossessivePronoun);
  }

  // Entries whose folded first letter is `c` (folded).
  const std::vector<Entry>& WithFirstLetter(char32_t c) const {
    static const std::vector<Entry> kNone;
    return c >= U'а' && c <= U'я' ? buckets_[c - U'а'] : kNone;
  }

 private:
  template <size_t N>
  void Add(const std::u32string_view (&words)[N], Kind kind) {
    for (std::u32string_view w : words) {
      Entry e{std::u32string(w), std::u32string(w), kind};
      for (char32_t& c : e.folded) c = FoldKazakhLetter(c);
      buckets_[e.folded[0] - U'а'].push_back(std::move(e));
    }
  }

  std::array<std::vector<Entry>, U'я' - U'а' + 1> buckets_;
};

bool IsPostpositionEnding(std::u32string_view rest, bool folded) {
  for (std::u32string_view ending : kPostpositionEndings) {
    if (rest.size() != ending.size()) continue;
    bool same = true;
    for (size_t i = 0; i < rest.size() && same; ++i) {
      same = rest[i] == (folded ? FoldKazakhLetter(ending[i]) : ending[i]);
    }
    if (same) return true;
  }
  return false;
}

}  // namespace

KazakhProtectedPrefix FindKazakhProtectedPrefix(std::u32string_view word, bool folded) {
  static const Index index;
  KazakhProtectedPrefix found;
  if (word.empty()) return found;
  for (const Entry& entry : index.WithFirstLetter(FoldKazakhLetter(word[0]))) {
    const std::u32string& text = folded ? entry.folded : entry.proper;
    if (!word.starts_with(text)) continue;
    switch (entry.kind) {
      case Kind::kFunctionWord:
        if (word.size() == text.size()) return {word.size(), false};
        break;
      case Kind::kRelationalNoun:
        if (IsPostpositionEnding(word.substr(text.size()), folded)) return {word.size(), false};
        break;
      case Kind::kStem:
      case Kind::kPossessivePronoun:
        if (text.size() > found.length) {
          found = {text.size(), entry.kind == Kind::kPossessivePronoun};
        }
        break;
    }
  }
  return found;
}

}  // namespace tenlik::text::internal
