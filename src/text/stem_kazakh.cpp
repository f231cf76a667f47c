// The Kazakh stemmer: strips endings from the end of a word in the order Kazakh
// stacks them. A word is read either as a verb form or as a noun form:
//
//   verb:  stem + voice (passive -ыл, causative -дыр/-тыр) + tense/aspect
//          (present -ады/-йды, participle -ған/-йтын, converb -ып, verbal noun -у,
//          past -дым) + personal ending (-мын, -сың, -сыз, -мыз)
//   noun:  stem + plural + possessive + case [+ relative -ғы + plural + possessive
//          + case] + personal ending
//
// A verbal ending is only taken at the end of the word (after an optional personal
// ending): a participle or verbal noun that carries nominal endings is a noun of its
// own (анықталғаны → анықталған, арттыруды → арттыру).
//
// An ending is only stripped where Kazakh phonology would have produced it: its first
// consonant must agree with the sound before it (лар after vowels and р/й/у, дар after
// л/м/н/ң/ж/з, тар after voiceless consonants, which include the devoiced final б/в/г/д
// of loans: Асыловқа), its vowel must agree with the stem's last vowel (back а о ұ ы,
// front ә ө ү і е), the pronominal н of нда/на/нан/н only follows a possessive ы/і,
// and the stem left must keep a vowel and a minimum length. When a vowel-initial
// ending is removed, the voicing of the stem's last consonant is undone
// (аумағы → аумақ, кітабы → кітап).
//
// Matching runs on the proper spelling when the word uses Kazakh letters (so ның and
// нын, і and и are told apart) and on the folded spelling (қ→к, і→и ...) otherwise, so
// words typed with Russian letters are stemmed like properly spelled ones; the stem
// is returned in the spelling of the input.
//
// Closed word classes whose endings only look like suffixes (numerals, place names,
// postpositions: stem_kazakh_lexicon.h) bound how much may be stripped.
#include <string>
#include <string_view>

#include "text/case_fold.h"
#include "text/stem_kazakh_lexicon.h"
#include "text/stemmers_internal.h"
#include "text/utf8.h"

namespace tenlik::text::internal {
namespace {

// Stems shorter than this (in letters) are not produced by nominal endings.
constexpr size_t kMinStem = 3;
// A vowel-initial or one-letter ending must leave this much.
constexpr size_t kMinStemAfterVowelEnding = 3;
// Verb stems are often two letters (ал-, ат-, ас-).
constexpr size_t kMinVerbStem = 2;
// Voice suffixes (passive, causative) must leave a root of this length.
constexpr size_t kMinVoiceRoot = 3;

bool IsKazakhSpecific(char32_t c) {
  switch (c) {
    case U'ә':
    case U'ғ':
    case U'қ':
    case U'ң':
    case U'ө':
    case U'ұ':
    case U'ү':
    case U'һ':
    case U'і':
      return true;
    default:
      return false;
  }
}

// Folded letters.
bool IsVowelLetter(char32_t c) {
  switch (c) {
    case U'а':
    case U'о':
    case U'ы':
    case U'е':
    case U'и':
    case U'у':
    case U'э':
    case U'я':
    case U'ю':
      return true;
    default:
      return false;
  }
}

// The sound class of a stem's last letter, which selects the allomorph of an ending.
enum class Sound { kVowel, kSonorant, kVoiced, kVoiceless };

// Endings, in proper spelling, longest first within each table.
constexpr std::u32string_view kPersonal[] = {
    U"сыңдар", U"сіңдер", U"сыздар", U"сіздер", U"мын", U"мін", U"бын", U"бін", U"пын", U"пін",
    U"мыз",    U"міз",    U"быз",    U"біз",    U"пыз", U"піз", U"сың", U"сің", U"сыз", U"сіз",
};

// Verbal tense/aspect endings taken only at the end of the word.
constexpr std::u32string_view kVerbal[] = {
    // Intention -мақшы, past with the polite 2nd person -дыңыз. (The participle
    // -атын is not taken: it reads the same as -ат + ы + н, азаматын.)
    U"мақшы",
    U"мекші",
    U"бақшы",
    U"бекші",
    U"пақшы",
    U"пекші",
    U"дыңыз",
    U"діңіз",
    U"тыңыз",
    U"тіңіз",
    U"йтын",
    U"йтін",
    U"ады",
    U"еді",
    U"йды",
    U"йді",
    U"ған",
    U"ген",
    U"қан",
    U"кен",
    U"дым",
    U"дім",
    U"тым",
    U"тім",
    U"ып",
    U"іп",
    // Conditional -са/-се with its personal endings.
    U"саңыз",
    U"сеңіз",
    U"сам",
    U"сем",
    U"саң",
    U"сең",
    U"сақ",
    U"сек",
    U"са",
    U"се",
    // Negative converb -май/-пай.
    U"май",
    U"мей",
    U"пай",
    U"пей",
};

// Past -ды/-ді/-ты/-ті, verbal for sure only after a voice suffix (айтылды).
constexpr std::u32string_view kPast[] = {U"ды", U"ді", U"ты", U"ті", U"у"};

// Voice suffixes, stripped after a verbal ending: passive outside causative.
constexpr std::u32string_view kPassive[] = {U"ыл", U"іл"};
constexpr std::u32string_view kCausative[] = {U"дыр", U"дір", U"тыр", U"тір"};

constexpr std::u32string_view kCase[] = {
    U"ндағы", U"ндегі", U"менен", U"бенен", U"пенен", U"дағы", U"дегі", U"тағы", U"тегі",
    U"ыншы",  U"інші",  U"ның",   U"нің",   U"дың",   U"дің",  U"тың",  U"тің",  U"нда",
    U"нде",   U"дан",   U"ден",   U"тан",   U"тен",   U"нан",  U"нен",  U"мен",  U"бен",
    U"пен",   U"дай",   U"дей",   U"тай",   U"тей",   U"ншы",  U"нші",  U"нша",  U"нше",
    U"ға",    U"ге",    U"қа",    U"ке",    U"на",    U"не",   U"ны",   U"ні",   U"ды",
    U"ді",    U"ты",    U"ті",    U"да",    U"де",    U"та",   U"те",   U"н",
};

constexpr std::u32string_view kPossessive[] = {
    U"ымыз", U"іміз", U"ыңыз", U"іңіз", U"мыз", U"міз", U"ңыз", U"ңіз",
    U"ым",   U"ім",   U"ың",   U"ің",   U"сы",  U"сі",  U"ы",   U"і",
};

constexpr std::u32string_view kPlural[] = {U"лар", U"лер", U"дар", U"дер", U"тар", U"тер"};

// A table of endings with the folded last letter of each, to reject most endings
// with one comparison.
template <size_t N>
struct Table {
  std::u32string_view text[N];
  char32_t last[N];
};

template <size_t N>
constexpr Table<N> MakeTable(const std::u32string_view (&endings)[N]) {
  Table<N> t{};
  for (size_t i = 0; i < N; ++i) {
    t.text[i] = endings[i];
    t.last[i] = FoldKazakhLetter(endings[i].back());
  }
  return t;
}

constexpr auto kPersonalTable = MakeTable(kPersonal);
constexpr auto kVerbalTable = MakeTable(kVerbal);
constexpr auto kPastTable = MakeTable(kPast);
constexpr auto kPassiveTable = MakeTable(kPassive);
constexpr auto kCausativeTable = MakeTable(kCausative);
constexpr auto kCaseTable = MakeTable(kCase);
constexpr auto kPossessiveTable = MakeTable(kPossessive);
constexpr auto kPluralTable = MakeTable(kPlural);

bool OneOf(std::u32string_view s, std::initializer_list<std::u32string_view> set) {
  for (std::u32string_view e : set) {
    if (s == e) return true;
  }
  return false;
}

class KazakhStemmer final : public Stemmer {
 public:
  std::string_view Stem(std::string_view word) override {
    original_.clear();
    folded_.clear();
    size_t pos = 0;
    bool cyrillic = false;
    proper_ = false;
    while (pos < word.size()) {
      char32_t c = NextCodePoint(word, pos);
      if (IsCyrillicLetter(c)) cyrillic = true;
      if (IsKazakhSpecific(c)) proper_ = true;
      original_.push_back(c);
      folded_.push_back(FoldKazakhLetter(c));
    }
    if (!cyrillic) return word;  // Latin, digits, emoji: nothing to strip
    n_ = original_.size();
    KazakhProtectedPrefix prefix =
        FindKazakhProtectedPrefix(proper_ ? original_ : folded_, !proper_);
    floor_ = prefix.length;
    // A protected stem is a noun: жетіп is the verb жет- (reach), not жеті (seven).
    verbal_floor_ = prefix.length == n_ ? n_ : 0;
    floor_takes_pronominal_n_ = prefix.takes_pronominal_n;

    std::u32string_view personal;
    if (StripFirst(kPersonalTable, Slot::kPersonal)) personal = last_;
    if (!StripVerbal(personal)) StripNominal();

    result_.clear();
    for (size_t i = 0; i < n_; ++i) AppendUtf8(original_[i], result_);
    return result_;
  }

 private:
  enum class Slot { kPersonal, kVerbal, kPast, kVoice, kCase, kPossessive, kPlural };

  // Whether the current word ends with `e` (proper spelling, matched folded when
  // the word is not properly spelled).
  bool EndsWith(std::u32string_view e) const {
    if (e.size() >= n_) return false;
    // From the end: most endings fail on their last letter.
    size_t base = n_ - e.size();
    if (proper_) {
      for (size_t i = e.size(); i-- > 0;) {
        if (original_[base + i] != e[i]) return false;
      }
    } else {
      for (size_t i = e.size(); i-- > 0;) {
        if (folded_[base + i] != FoldKazakhLetter(e[i])) return false;
      }
    }
    return true;
  }

  // Whether folded_[i], the last letter of a stem, sounds as a vowel to the endings
  // that follow: у and и (ұу/үу, ій/ый) take the endings of a sonorant (тауды, суға,
  // бақылауы, таксиді).
  // Folded spelling writes і as и, so there и after a consonant is taken as і.
  bool SoundsVowel(size_t i) const {
    char32_t c = original_[i];
    if (c == U'у') return false;
    if (c == U'и') return !proper_ && i > 0 && !IsVowelLetter(folded_[i - 1]);
    return IsVowelLetter(folded_[i]);
  }

  // The index of the stem's last sounding letter (skipping ь/ъ).
  size_t LastIndex(size_t len) const {
    size_t i = len - 1;
    while (i > 0 && (folded_[i] == U'ь' || folded_[i] == U'ъ')) --i;
    return i;
  }

  Sound SoundAt(size_t len) const {
    size_t i = LastIndex(len);
    if (SoundsVowel(i)) return Sound::kVowel;
    switch (folded_[i]) {
      case U'л':
      case U'м':
      case U'н':
      case U'р':
      case U'й':
      case U'у':
      case U'и':
        return Sound::kSonorant;
      case U'ж':
      case U'з':
        return Sound::kVoiced;
      default:
        // к п с т ш ф х ц ч щ, and б в г д which are devoiced at the end of a word.
        return Sound::kVoiceless;
    }
  }

  // The harmony class of the last vowel of the stem that tells one: vowels that may
  // be either (и, у, and а/о written for ә/ө) are passed over.
  int DecisiveStemHarmony(size_t len) const {
    for (size_t end = len; end > 0; --end) {
      if (!IsVowelLetter(folded_[end - 1])) continue;
      int harmony = StemHarmony(end);
      if (harmony != 0) return harmony;
    }
    return 0;
  }

  // +1 back, -1 front, 0 unknown: the harmony class of the stem's last vowel.
  int StemHarmony(size_t len) const {
    for (size_t i = len; i-- > 0;) {
      char32_t c = original_[i];
      // The е of a Russian surname in -ев follows the root (Назарбаевтың, Тоқаевқа).
      if (c == U'е' && i + 2 == len && folded_[i + 1] == U'в') continue;
      switch (c) {
        case U'а':
        case U'о':
        case U'ы':
        case U'я':
        case U'ё':
          if (!proper_ && c != U'ы' && c != U'я' && c != U'ё') return 0;  // may be ә, ө
          return 1;
        case U'ұ':
          return 1;
        case U'ә':
        case U'ө':
        case U'ү':
        case U'і':
        case U'е':
          return -1;
        case U'и':
        case U'у':
        case U'ю':
        case U'э':
          return 0;
        default:
          break;
      }
    }
    return 0;
  }

  static int EndingHarmony(std::u32string_view e) {
    for (char32_t c : e) {
      if (c == U'а' || c == U'ы') return 1;
      if (c == U'е' || c == U'і') return -1;
    }
    return 0;
  }

  // Whether `e` can follow the first `len` letters in Kazakh.
  bool Attaches(size_t len, std::u32string_view e) const {
    Sound s = SoundAt(len);
    char32_t last = folded_[LastIndex(len)];
    bool sonorant_or_voiced = s == Sound::kSonorant || s == Sound::kVoiced;
    switch (e[0]) {
      case U'л':  // plural
        return s == Sound::kVowel || last == U'р' || last == U'й' || last == U'у' || last == U'и';
      case U'д':
        if (OneOf(e, {U"дар", U"дер", U"дық", U"дік"})) {
          return last == U'л' || last == U'м' || last == U'н' || s == Sound::kVoiced;
        }
        if (OneOf(e, {U"дың", U"дің", U"дан", U"ден"})) {
          return s == Sound::kVoiced || (s == Sound::kSonorant && last != U'м' && last != U'н') ||
                 (s == Sound::kVowel && (e[1] == U'а' || e[1] == U'е'));
        }
        // After a vowel -ды/-ді is the past tense (the accusative is -ны there).
        if (OneOf(e, {U"ды", U"ді", U"дым", U"дім"})) return s != Sound::kVoiceless;
        if (OneOf(e, {U"дыр", U"дір"})) return sonorant_or_voiced;
        return s != Sound::kVoiceless;  // да, дағы, дай
      case U'т':
      case U'қ':
      case U'к':
      case U'п':
        return s == Sound::kVoiceless;
      case U'ғ':
      case U'г':
        return s != Sound::kVoiceless;
      case U'н':
        if (OneOf(e, {U"ның", U"нің"})) return s == Sound::kVowel || last == U'м' || last == U'н';
        if (OneOf(e, {U"ны", U"ні"})) return s == Sound::kVowel;
        if (OneOf(e, {U"нан", U"нен"}) && (last == U'м' || last == U'н')) return true;
        if (OneOf(e, {U"ншы", U"нші"})) return s == Sound::kVowel;
        // The pronominal н (нда, на, нан, н, нша) follows a possessive ы/і.
        return last == U'ы' || last == U'и';
      case U'м':
        return s == Sound::kVowel || s == Sound::kSonorant;
      case U'б':
        return s == Sound::kVoiced;
      case U'с':
        if (OneOf(e, {U"сы", U"сі"})) return s == Sound::kVowel;
        return true;  // personal -сың, -сыз follow any sound
      case U'ң':
        return s == Sound::kVowel;
      case U'ш':
        return true;
      case U'й':
        return s == Sound::kVowel;
      case U'ы':
      case U'і':
      case U'а':
      case U'е':
      case U'у':
        return s != Sound::kVowel;
      default:
        return true;
    }
  }

  size_t CountVowels(size_t len) const {
    size_t n = 0;
    for (size_t i = 0; i < len; ++i) n += IsVowelLetter(folded_[i]) ? 1 : 0;
    return n;
  }

  // Whether `e` may be stripped from the current word in slot `slot` by phonology
  // and length.
  bool CanStrip(std::u32string_view e, Slot slot) const {
    if (!EndsWith(e)) return false;
    size_t len = n_ - e.size();
    bool verbal = slot == Slot::kVerbal || slot == Slot::kVoice;
    if (len < (verbal ? verbal_floor_ : floor_)) return false;
    size_t min_stem = verbal ? kMinVerbStem : kMinStem;
    bool vowel_initial = IsVowelLetter(FoldKazakhLetter(e[0]));
    if (e.size() == 1 || (vowel_initial && !verbal)) min_stem = kMinStemAfterVowelEnding;
    // Two-letter noun roots (ай, ат, үй, ел) are recognised under the unambiguous
    // genitive and instrumental, and under a possessive ы/і followed by a case ending.
    if (slot == Slot::kCase && e.size() == 3 &&
        OneOf(e, {U"ның", U"нің", U"дың", U"дің", U"тың", U"тің", U"мен", U"бен", U"пен"})) {
      min_stem = 2;
    }
    if (slot == Slot::kPossessive && e.size() == 1 && !last_.empty()) min_stem = 2;
    // So are vowel-initial two-letter stems under -сы/-сі with a case ending (аясында;
    // басынан is бас + ы + нан, not ба + сы + нан).
    if (slot == Slot::kPossessive && e.size() == 2 && e[0] == U'с' && !last_.empty() &&
        IsVowelLetter(folded_[0])) {
      min_stem = 2;
    }
    if (len < min_stem || CountVowels(len) == 0) return false;
    if (!Attaches(len, e)) return false;
    // The instrumental -мен/-бен/-пен does not follow vowel harmony.
    int eh = e.starts_with(U"мен") || e.starts_with(U"бен") || e.starts_with(U"пен")
                 ? 0
                 : EndingHarmony(e);
    int sh = StemHarmony(len);
    if (eh != 0 && sh != 0 && eh != sh) return false;
    // Without Kazakh letters, и after a consonant is the ending і only on a stem
    // known to be front (мектеби, кажеттилиги: the last vowel that tells is е); on
    // others it is the word's own и (адами, Аравин).
    if (!proper_ && e[0] == U'і' && DecisiveStemHarmony(len) != -1) return false;
    return true;
  }

  void Remove(std::u32string_view e) {
    bool vowel_initial = IsVowelLetter(FoldKazakhLetter(e[0]));
    n_ -= e.size();
    if (!vowel_initial) return;
    // Before a vowel a final voiceless consonant is voiced (қ→ғ, к→г, п→б); undo it.
    char32_t& last = original_[n_ - 1];
    switch (last) {
      case U'ғ':
        last = U'қ';
        break;
      case U'г':
        last = U'к';
        break;
      case U'б':
        last = U'п';
        break;
      default:
        return;
    }
    folded_[n_ - 1] = FoldKazakhLetter(last);
  }

  template <size_t N>
  bool StripFirst(const Table<N>& table, Slot slot) {
    if (n_ == 0) return false;
    char32_t last = folded_[n_ - 1];
    for (size_t i = 0; i < N; ++i) {
      if (table.last[i] != last) continue;
      std::u32string_view e = table.text[i];
      if (!CanStrip(e, slot)) continue;
      if (!Allowed(e, slot)) continue;
      Remove(e);
      last_ = e;
      return true;
    }
    return false;
  }

  // Rules on single endings beyond phonology.
  bool Allowed(std::u32string_view e, Slot slot) const {
    size_t len = n_ - e.size();
    char32_t before = folded_[len - 1];
    switch (slot) {
      case Slot::kVerbal:
        // -дады/-тады: a verb in -да/-та with past -ды, not present -ады. The
        // verb-forming -та follows only voiceless consonants, so after a vowel or a
        // sonorant the т is the root's and -ады the present (айтады, жатады, етеді).
        if (OneOf(e, {U"ады", U"еді"}) &&
            (before == U'д' || (before == U'т' && !(len >= 2 && EndsInVowelOrSonorant(len - 1))))) {
          return false;
        }
        // A bare conditional -са/-се leaves a root of three letters (кесе, касса).
        if ((e == U"са" || e == U"се") && len < 3) return false;
        return true;
      case Slot::kVoice:
        return len >= (e.size() == 2 ? kMinVoiceRoot : kMinVerbStem);
      case Slot::kPast:
        return e != U"у" || !SoundsVowel(len - 1);
      case Slot::kPersonal:
        // Folded spelling cannot tell -сың from the possessive -сы + accusative -н.
        if (!proper_ && e[1] == U'ы' && e[2] == U'ң') return false;
        // After ы/і, -мын/-мін is mostly -ым + possessive ы + н (шешімін), except
        // on agent nouns in -шы/-ші (оқушымын). An и before a back -мын is the
        // present of a verb in -ы (оқимын), not the і of шешімін.
        if ((e == U"мын" || e == U"мін") && (before == U'ы' || before == U'и') &&
            !(len >= 2 && folded_[len - 2] == U'ш') &&
            !(e == U"мын" && original_[len - 1] == U'и')) {
          return false;
        }
        return true;
      case Slot::kCase:
        // Country names in -стан (Қазақстан, Ауғанстан) after a consonant.
        if (OneOf(e, {U"тан"}) && before == U'с' && len >= 2 && !IsVowelLetter(folded_[len - 2])) {
          return false;
        }
        // A participle takes the possessive, not the accusative -ны: анықталғаны is
        // анықталған + ы, асатыны is асатын + ы. A protected stem is not one
        // (Алматының).
        if (OneOf(e, {U"ны", U"ні", U"ның", U"нің"}) && len > floor_ && EndsParticipleStem(len)) {
          return false;
        }
        return true;
      case Slot::kPossessive:
        if (e == U"ы" || e == U"і") {
          // After к/қ/п a possessive would have voiced them: алғашқы, ішкі are -қы/-кі.
          if (before == U'к' || before == U'п') return false;
          // -дағы/-тағы is the locative + relative -ғы even on a stem too short to
          // strip it (алдағы), not a possessive of a stem in -дақ.
          if (before == U'г' && len >= 3 &&
              (folded_[len - 3] == U'д' || folded_[len - 3] == U'т') &&
              (folded_[len - 2] == U'а' || folded_[len - 2] == U'е')) {
            return false;
          }
          // A bare final ы/і after л, д, й is mostly part of the stem (атаулы, алды,
          // арнайы); after a case ending it is possessive only before the pronominal
          // н / мен.
          // The same holds after ш: -шы/-ші makes agent nouns (басшы, атқарушы). But
          // ұлы, the patronymic, is ұл + ы (Аралбайұлы).
          if (last_.empty() &&
              (before == U'л' || before == U'д' || before == U'й' || before == U'ш') &&
              !(before == U'л' && len >= 2 && original_[len - 2] == U'ұ')) {
            return false;
          }
          if (!last_.empty() && last_[0] != U'н' && last_[0] != U'м') return false;
          // Kazakh stems do not end in a sonorant + д: in алдына, алдымен the ы
          // belongs to the stem (алды).
          if (EndsLexicalisedPossessive()) return false;
        }
        return true;
      default:
        return true;
    }
  }

  // Whether the first `len` letters end in a vowel or a sonorant/voiced consonant.
  bool EndsInVowelOrSonorant(size_t len) const {
    Sound s = SoundAt(len);
    return s != Sound::kVoiceless;
  }

  // Whether the word ends in a sonorant + д + ы/і: Kazakh stems do not end in a
  // sonorant + д, so that ы/і is a possessive grown into the stem (алды) and stays.
  bool EndsLexicalisedPossessive() const {
    if (n_ < 4) return false;
    char32_t vowel = folded_[n_ - 1];
    char32_t sonorant = folded_[n_ - 3];
    return (vowel == U'ы' || vowel == U'и') && folded_[n_ - 2] == U'д' &&
           (sonorant == U'л' || sonorant == U'р' || sonorant == U'й' || sonorant == U'м' ||
            sonorant == U'у');
  }

  // Whether the first `len` letters end in the vowel a participle -ған/-атын leaves
  // before н: ...ға, ...ге, ...қа, ...ке (root of two letters or more), ...аты, ...йты.
  bool EndsParticipleStem(size_t len) const {
    if (len < 4) return false;
    std::u32string_view w(folded_.data(), len);
    return w.ends_with(U"га") || w.ends_with(U"ге") || w.ends_with(U"ка") || w.ends_with(U"ке") ||
           w.ends_with(U"аты") || w.ends_with(U"ети") || w.ends_with(U"йты") || w.ends_with(U"йти");
  }

  // The verb reading: a tense/aspect ending at the end of the word, then voice.
  // `personal` is the personal ending already stripped, if any.
  bool StripVerbal(std::u32string_view personal) {
    last_ = {};
    bool verbal = false;
    if (!personal.empty() && n_ >= 3 && n_ - 1 >= verbal_floor_ &&
        (folded_[n_ - 1] == U'й' || folded_[n_ - 1] == U'и') && SoundsVowel(n_ - 2)) {
      // The present -й before a personal ending: алмаймын → алма; informal
      // writing has и for it (қолдаимын).
      Remove(U"й");
      verbal = true;
    } else if (StripMergedPresent(personal) || StripPresentBeforePersonal(personal)) {
      verbal = true;
    } else {
      verbal = StripFirst(kVerbalTable, Slot::kVerbal);
    }
    if (!verbal) {
      // Past -ды and the verbal noun -у after a voice suffix: айтылды, арттыру.
      size_t saved = n_;
      if (!StripFirst(kPastTable, Slot::kPast)) return false;
      bool voice = StripFirst(kPassiveTable, Slot::kVoice);
      voice = StripFirst(kCausativeTable, Slot::kVoice) || voice;
      if (!voice) n_ = saved;
      return voice;
    }
    StripFirst(kPassiveTable, Slot::kVoice);
    StripFirst(kCausativeTable, Slot::kVoice);
    return true;
  }

  // A verb stem in -ы merges with the present -й into и (оқы + йды → оқиды, оқы +
  // йтын → оқитын, оқы + й + мын → оқимын): strips the present and restores the ы.
  // Only before back endings, which show the stem is back (таксиді is такси + ді).
  bool StripMergedPresent(std::u32string_view personal) {
    size_t ending = 0;
    if (!personal.empty()) {
      if (EndingHarmony(personal) != 1) return false;
    } else if (EndsWith(U"иды")) {
      ending = 2;
    } else if (EndsWith(U"итын")) {
      ending = 3;
    } else {
      return false;
    }
    if (n_ < ending + 3) return false;
    size_t i = n_ - ending - 1;  // the и
    if (folded_[i] != U'и' || original_[i] == U'і' || IsVowelLetter(folded_[i - 1])) return false;
    if (i + 1 < verbal_floor_ || CountVowels(i) == 0) return false;
    n_ = i + 1;
    original_[i] = U'ы';
    folded_[i] = U'ы';
    return true;
  }

  // The present -а/-е of a consonant-final root before -мын/-сың (аламын, беремін,
  // аласың; қоямын is қой + а + мын). Not before -мыз/-сыз: баламыз is "our child",
  // баласыз "without a child".
  bool StripPresentBeforePersonal(std::u32string_view personal) {
    if (!OneOf(personal, {U"мын", U"мін", U"сың", U"сің", U"сыңдар", U"сіңдер"})) return false;
    if (n_ < 3 || n_ - 1 < verbal_floor_) return false;
    char32_t vowel = original_[n_ - 1];
    bool back = EndingHarmony(personal) == 1;
    if (vowel == (back ? U'я' : U'\0') && SoundsVowel(n_ - 2)) {
      original_[n_ - 1] = folded_[n_ - 1] = U'й';  // я = й + а
      return true;
    }
    if (folded_[n_ - 1] != (back ? U'а' : U'е') || IsVowelLetter(folded_[n_ - 2])) return false;
    // After д, and after a т that follows a voiceless consonant, the а/е is the
    // locative's (үйдемін, мектептемін "I am at school"); verb roots end in such a т
    // only after a vowel or a sonorant (кетемін, айтамын).
    char32_t root_last = folded_[n_ - 2];
    if (root_last == U'д') return false;
    if (root_last == U'т' && !(n_ >= 3 && EndsInVowelOrSonorant(n_ - 2))) return false;
    if (proper_ && vowel == U'ә') return false;
    if (CountVowels(n_ - 1) == 0) return false;
    Remove(back ? U"а" : U"е");
    return true;
  }

  // The noun reading: case, possessive, plural; again after a relative -ғы.
  void StripNominal() {
    last_ = {};
    for (int round = 0; round < 2; ++round) {
      size_t before_case = n_;
      bool pronominal =
          StripFirst(kCaseTable, Slot::kCase) && last_[0] == U'н' && IsPronominal(last_);
      bool possessive = StripFirst(kPossessiveTable, Slot::kPossessive);
      // The pronominal н only follows a possessive: without one (айқын) it is the
      // stem's, unless the stem ends in a lexicalised possessive (алдына → алды,
      // бәрін → бәрі).
      if (pronominal && !possessive && !EndsLexicalisedPossessive() &&
          !(floor_takes_pronominal_n_ && n_ == floor_)) {
        n_ = before_case;
        last_ = {};
      }
      bool plural = StripFirst(kPluralTable, Slot::kPlural);
      // A relative -дағы/-ндағы may carry its own plural and case.
      if (!plural || !EndsRelative()) break;
      last_ = {};
    }
  }

  // Case endings whose н is the pronominal one, after a possessive ы/і.
  bool IsPronominal(std::u32string_view e) const {
    if (OneOf(e, {U"ны", U"ні", U"ның", U"нің", U"ншы", U"нші"})) return false;
    if ((e == U"нан" || e == U"нен") && n_ > 0 &&
        (folded_[n_ - 1] == U'м' || folded_[n_ - 1] == U'н')) {
      return false;
    }
    return true;
  }

  bool EndsRelative() const {
    return EndsWith(U"дағы") || EndsWith(U"дегі") || EndsWith(U"тағы") || EndsWith(U"тегі");
  }

  std::u32string original_;
  std::u32string folded_;
  std::string result_;
  size_t n_ = 0;
  // No ending may cut into the first floor_ letters (FindKazakhProtectedPrefix).
  size_t floor_ = 0;
  // The same for verbal endings: only a whole protected word (үшін, алдында).
  size_t verbal_floor_ = 0;
  bool floor_takes_pronominal_n_ = false;
  std::u32string_view last_;
  bool proper_ = false;
};

}  // namespace

std::unique_ptr<Stemmer> MakeKazakhStemmer() { return std::make_unique<KazakhStemmer>(); }

}  // namespace tenlik::text::internal
