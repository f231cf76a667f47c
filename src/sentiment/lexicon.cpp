// A small polarity lexicon for Russian and English, written for Tenlik (not taken
// from any published list). Words are lower-case with ё written е. An entry ending
// in '*' matches every word that begins with it (a stem); others match exactly.
// Kazakh is left to the learned features: KazSAnDRA is Kazakh, so the model learns
// Kazakh words from the data; Russian and English are thinner there.
#include "sentiment/lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace tenlik::sentiment::internal {
namespace {

constexpr std::array kPositive = {
    // Russian
    "хорош*", "отличн*", "прекрасн*", "замечательн*", "великолепн*", "превосходн*",
    "супер", "суперск*", "класс", "классн*", "круто", "крутое", "крутая", "крутой",
    "удобн*", "нравится", "нравятся", "понравил*", "люблю", "любим*", "спасибо",
    "благодар*", "рекоменду*", "советую", "лучш*", "идеальн*", "восхит*", "полезн*",
    "приятн*", "доволен", "довольн*", "шикарн*", "молодц*", "молодец", "топ", "норм",
    "нормальн*", "качествен*", "вкусн*", "рад", "рада", "радует", "помог*", "быстро",
    "быстрая", "быстрый", "чудесн*", "интересн*", "понятн*", "работает", "вежлив*",
    "аккуратн*", "бомба", "кайф*", "лайк",
    // English
    "good", "great", "excellent", "awesome", "amazing", "love", "loved", "lovely",
    "like", "liked", "best", "better", "perfect", "nice", "cool", "fantastic",
    "wonderful", "helpful", "useful", "recommend*", "thank*", "easy", "fast", "happy",
    "super", "brilliant", "enjoy*", "convenient", "works", "fine", "top",
};

constexpr std::array kNegative = {
    // Russian
    "плох*", "ужас", "ужасн*", "отвратит*", "кошмар*", "хуже", "худш*", "разочаров*",
    "обман*", "мошенни*", "бесполезн*", "медленн*", "тормоз*", "глюч*", "глюк*",
    "лагает", "лагают", "лаги", "вылета*", "зависа*", "завис*", "невозможн*",
    "отстой*", "фигн*", "жаль", "жалко", "проблем*", "ошибк*", "ошибка", "недовол*",
    "грубо", "груб*", "хамск*", "хамств*", "хамят", "брак", "бракован*", "сломал*",
    "сломан*", "развод", "позор*", "мерзк*", "гадост*", "убог*", "удалил*", "удалю",
    "верните", "бред", "дерьм*", "говно*", "кошмарн*", "неудобн*", "непонятн*",
    "ненавиж*", "отвратн*", "тупо*", "хрень", "бестолк*", "надоел*", "надоела",
    "достал*", "дорого", "долго", "отказ*", "испорч*", "опоздал*", "обманщик*",
    // English
    "bad", "terrible", "awful", "horrible", "worst", "worse", "hate*", "useless",
    "poor", "slow", "bug", "bugs", "buggy", "crash*", "broken", "scam", "disappoint*",
    "annoying", "waste", "problem*", "error*", "fail*", "sucks", "rubbish", "trash",
    "garbage", "lag*", "freez*", "refund", "wrong", "fake",
};

constexpr std::array kNegatorsBefore = {
    "не", "нет", "ни", "без", "никогда", "ничего", "нисколько",
    "not", "no", "never", "dont", "don't", "doesnt", "doesn't", "isnt", "isn't",
    "cant", "can't", "cannot", "wont", "won't", "didnt", "didn't", "nothing", "without",
    "wasnt", "wasn't", "arent", "aren't",
};

constexpr std::array kNegatorsAfter = {"емес", "жоқ", "жок"};

struct Lexicon {
  std::unordered_set<std::string> positive_exact, negative_exact;
  std::unordered_set<std::string> positive_prefix, negative_prefix;
  std::unordered_set<std::string> negators_before, negators_after;
  size_t max_prefix_bytes = 0;
  uint32_t fingerprint = 0;

  Lexicon() {
    uint32_t h = 2166136261u;
    auto mix = [&h](std::string_view s, char tag) {
      for (unsigned char c : s) h = (h ^ c) * 16777619u;
      h = (h ^ static_cast<unsigned char>(tag)) * 16777619u;
    };
    auto add = [&](const char* entry, std::unordered_set<std::string>& exact,
                   std::unordered_set<std::string>& prefix, char tag) {
      std::string s(entry);
      mix(s, tag);
      if (!s.empty() && s.back() == '*') {
        s.pop_back();
        max_prefix_bytes = std::max(max_prefix_bytes, s.size());
        prefix.insert(std::move(s));
      } else {
        exact.insert(std::move(s));
      }
    };
    for (const char* e : kPositive) add(e, positive_exact, positive_prefix, '+');
    for (const char* e : kNegative) add(e, negative_exact, negative_prefix, '-');
    for (const char* e : kNegatorsBefore) {
      mix(e, '<');
      negators_before.insert(e);
    }
    for (const char* e : kNegatorsAfter) {
      mix(e, '>');
      negators_after.insert(e);
    }
    fingerprint = h;
  }
};

const Lexicon& Get() {
  static const Lexicon lexicon;
  return lexicon;
}

bool HasPrefixIn(std::string_view word, const std::unordered_set<std::string>& prefixes,
                 size_t max_bytes) {
  // Try every prefix that ends on a character boundary, shortest first.
  size_t limit = std::min(word.size(), max_bytes);
  for (size_t i = 1; i <= limit; ++i) {
    if (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
    if (prefixes.count(std::string(word.substr(0, i)))) return true;
  }
  return false;
}

}  // namespace

int LexiconPolarity(std::string_view word) {
  const Lexicon& lx = Get();
  std::string key(word);
  if (lx.positive_exact.count(key)) return 1;
  if (lx.negative_exact.count(key)) return -1;
  // Negative stems first: "неудобн" must not be read as "удобн".
  if (HasPrefixIn(word, lx.negative_prefix, lx.max_prefix_bytes)) return -1;
  if (HasPrefixIn(word, lx.positive_prefix, lx.max_prefix_bytes)) return 1;
  return 0;
}

bool IsNegatorBefore(std::string_view word) {
  return Get().negators_before.count(std::string(word)) > 0;
}

bool IsNegatorAfter(std::string_view word) {
  return Get().negators_after.count(std::string(word)) > 0;
}

uint32_t LexiconFingerprint() { return Get().fingerprint; }

}  // namespace tenlik::sentiment::internal
