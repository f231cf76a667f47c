// Transliteration of Kazakh Latin spellings to Cyrillic. Three official alphabets
// were published (2017 apostrophes, 2018 acute accents, 2021 Turkic-style
// diacritics) and people also write informally (sh, ch, zh). The letters agree on
// most values; where they differ (u is ұ in 2017/2018 but у in 2021) the folding
// that follows (ұ→у, і→и, ...) makes the readings meet in one matching key.
#include "text/kazakh_translit.h"

#include "text/utf8.h"

namespace tenlik::text::internal {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) out.push_back(NextCodePoint(s, pos));
  return out;
}

bool IsLatinVowel(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y': case U'ı': case U'ä':
    case U'ö': case U'ü': case U'ū': case U'á': case U'ó': case U'ú': case U'ý': case U'é':
      return true;
    default:
      return false;
  }
}

// English contractions (don't, it's, we're, I've, we'll, I'd, I'm) are not the
// 2017 apostrophe letters.
bool IsEnglishContractionTail(std::u32string_view rest) {
  return rest == U"t" || rest == U"s" || rest == U"re" || rest == U"ve" || rest == U"ll" ||
         rest == U"d" || rest == U"m" || rest.empty();
}

enum class Alphabet { k2017, k2018, k2021 };

Alphabet DetectAlphabet(const std::u32string& w) {
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsApostrophe(w[i]) && i > 0 && TakesApostrophe(w[i - 1])) return Alphabet::k2017;
  }
  for (char32_t c : w) {
    switch (c) {
      case U'á': case U'ó': case U'ú': case U'ǵ': case U'ń': case U'ý':
        return Alphabet::k2018;
      default:
        break;
    }
  }
  return Alphabet::k2021;
}

}  // namespace

// Called for every Latin word: walks the UTF-8 without decoding it into a copy.
bool HasKazakhLatinMarkers(std::string_view folded_word) {
  char32_t prev = 0;
  bool first = true;
  size_t pos = 0;
  while (pos < folded_word.size()) {
    char32_t c = NextCodePoint(folded_word, pos);
    switch (c) {
      case U'ä': case U'ö': case U'ü': case U'ğ': case U'ñ': case U'ş': case U'ū': case U'ı':
      case U'á': case U'ó': case U'ú': case U'ǵ': case U'ń': case U'ý': case U'ŋ':
        return true;
      case U'q': {
        size_t look = pos;
        if (look >= folded_word.size() || NextCodePoint(folded_word, look) != U'u') return true;
        break;
      }
      default:
        if (IsApostrophe(c) && !first && TakesApostrophe(prev) &&
            !IsEnglishContractionTail(Decode(folded_word.substr(pos)))) {
          return true;
        }
        break;
    }
    prev = c;
    first = false;
  }
  return false;
}

void TransliterateKazakhLatin(std::string_view folded_word, std::u32string& out) {
  std::u32string w = Decode(folded_word);
  Alphabet alphabet = DetectAlphabet(w);
  // In 2017 and 2018 plain u is ұ; in 2021 it is у (ұ is ū).
  char32_t plain_u = alphabet == Alphabet::k2021 ? U'у' : U'ұ';
  char32_t prev = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char32_t c = w[i];
    char32_t next = i + 1 < w.size() ? w[i + 1] : 0;
    bool apostrophe_next = IsApostrophe(next) && TakesApostrophe(c);
    char32_t cyr = 0;
    if (apostrophe_next) {
      switch (c) {
        case U'a': cyr = U'ә'; break;
        case U'o': cyr = U'ө'; break;
        case U'u': cyr = U'ү'; break;
        case U'g': cyr = U'ғ'; break;
        case U'n': cyr = U'ң'; break;
        case U's': cyr = U'ш'; break;
        case U'c': cyr = U'ч'; break;
        case U'k': cyr = U'қ'; break;
        case U'y': cyr = U'у'; break;
        case U'i': cyr = IsLatinVowel(prev) ? U'й' : U'и'; break;
        default: break;
      }
      out.push_back(cyr);
      prev = c;
      ++i;  // the apostrophe belongs to the letter
      continue;
    }
    // Digraphs of 2018 and of informal spelling.
    if (next == U'h' && (c == U's' || c == U'c' || c == U'z')) {
      out.push_back(c == U's' ? U'ш' : c == U'c' ? U'ч' : U'ж');
      prev = c;
      ++i;
      continue;
    }
    switch (c) {
      case U'a': cyr = U'а'; break;
      case U'ä': case U'á': cyr = U'ә'; break;
      case U'b': cyr = U'б'; break;
      case U'c': cyr = U'ц'; break;
      case U'ç': cyr = U'ч'; break;
      case U'd': cyr = U'д'; break;
      case U'e': case U'é': cyr = U'е'; break;
      case U'f': cyr = U'ф'; break;
      case U'g': cyr = U'г'; break;
      case U'ğ': case U'ǵ': cyr = U'ғ'; break;
      case U'h': cyr = U'х'; break;
      // 2021: ı is і and i is и/й; 2017/2018: i is і. After folding і→и the two
      // readings agree; й is kept where i closes a vowel (syi = сый, üiı = үйі).
      case U'i': cyr = IsLatinVowel(prev) ? U'й' : (alphabet == Alphabet::k2021 ? U'и' : U'і'); break;
      // 2021: ı is і; 2018: ı is и/й, й after a vowel (úılesimdi = үйлесімді).
      case U'ı':
        cyr = alphabet == Alphabet::k2018 && IsLatinVowel(prev) ? U'й' : U'і';
        break;
      case U'j': cyr = U'ж'; break;
      case U'k': cyr = U'к'; break;
      case U'l': cyr = U'л'; break;
      case U'm': cyr = U'м'; break;
      case U'n': cyr = U'н'; break;
      case U'ñ': case U'ń': case U'ŋ': cyr = U'ң'; break;
      case U'o': cyr = U'о'; break;
      case U'ö': case U'ó': cyr = U'ө'; break;
      case U'p': cyr = U'п'; break;
      case U'q': cyr = U'қ'; break;
      case U'r': cyr = U'р'; break;
      case U's': cyr = U'с'; break;
      case U'ş': cyr = U'ш'; break;
      case U't': cyr = U'т'; break;
      case U'u': cyr = plain_u; break;
      case U'ū': cyr = U'ұ'; break;
      case U'ü': case U'ú': cyr = U'ү'; break;
      case U'ý': case U'w': cyr = U'у'; break;
      case U'v': cyr = U'в'; break;
      case U'x': cyr = U'х'; break;
      case U'y': cyr = U'ы'; break;
      case U'z': cyr = U'з'; break;
      default:
        if (IsApostrophe(c)) {  // a stray apostrophe inside a Kazakh word: no sound
          prev = c;
          continue;
        }
        cyr = c;
        break;
    }
    out.push_back(cyr);
    prev = c;
  }
}

}  // namespace tenlik::text::internal
