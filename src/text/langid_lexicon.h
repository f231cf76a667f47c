// Internal to text/: the evidence IdentifyLanguage() weighs — function words and
// frequent words, and word-final and in-word character n-grams, per language.
// All entries are in Fold() form (lower case, Kazakh letters folded: ә→а, і→и ...).
#pragma once

#include <span>
#include <string_view>

namespace tenlik::text::internal {

struct WeightedGram {
  std::string_view gram;
  float weight;
};

// Frequent words that are good evidence for one language (ambiguous words such as
// "да", "не", "men", "bar" are left out on purpose).
std::span<const std::string_view> KazakhCyrillicWords();
std::span<const std::string_view> KazakhLatinWords();
std::span<const std::string_view> RussianWords();
std::span<const std::string_view> EnglishWords();

// Word endings typical of each language (Kazakh case, plural, possessive and verb
// endings; Russian inflections; English derivational endings).
std::span<const WeightedGram> KazakhCyrillicEndings();
std::span<const WeightedGram> KazakhLatinEndings();
std::span<const WeightedGram> RussianEndings();
std::span<const WeightedGram> EnglishEndings();

// Letter sequences anywhere in a word that are rare in the other languages.
std::span<const WeightedGram> RussianInnerGrams();
std::span<const WeightedGram> EnglishInnerGrams();
std::span<const WeightedGram> KazakhLatinInnerGrams();

}  // namespace tenlik::text::internal
