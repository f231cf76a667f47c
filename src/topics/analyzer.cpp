// Analyzer: text -> terms (tokenise, keep words, drop stop-words, optionally stem).
#include <cctype>

#include "topics/topics.h"

namespace tenlik::topics {

struct Analyzer::Rep {
  StopWords stop_words;
  AnalyzerOptions options;
  std::unique_ptr<text::Stemmer> stemmers[3];  // kk, ru, en; created on first use
  bool tried[3] = {false, false, false};

  text::Stemmer* StemmerFor(text::Lang lang) {
    int i;
    switch (lang) {
      case text::Lang::kKazakh:
        i = 0;
        break;
      case text::Lang::kRussian:
        i = 1;
        break;
      case text::Lang::kEnglish:
        i = 2;
        break;
      default:
        return nullptr;
    }
    if (!tried[i]) {
      tried[i] = true;
      auto created = text::Stemmer::Create(lang);
      if (created.ok()) stemmers[i] = std::move(created).value();
    }
    return stemmers[i].get();
  }
};

namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

Analyzer::Analyzer(StopWords stop_words, AnalyzerOptions options) : rep_(std::make_unique<Rep>()) {
  rep_->stop_words = std::move(stop_words);
  rep_->options = options;
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<std::string> Analyzer::Terms(std::string_view utf8, text::Lang lang,
                                         std::vector<std::string>* surfaces) {
  return TermsFromTokens(utf8, text::Tokenize(utf8), lang, surfaces);
}

std::vector<std::string> Analyzer::TermsFromTokens(std::string_view utf8,
                                                   const std::vector<text::Token>& tokens,
                                                   text::Lang lang,
                                                   std::vector<std::string>* surfaces) {
  std::vector<std::string> terms;
  if (surfaces != nullptr) surfaces->clear();
  text::Stemmer* stemmer = rep_->options.stem ? rep_->StemmerFor(lang) : nullptr;
  for (const text::Token& token : tokens) {
    std::string_view word = token.text;
    size_t begin = token.begin;
    if (token.type == text::TokenType::kHashtag) {
      if (!rep_->options.hashtags) continue;
      if (!word.empty() && word[0] == '#') word.remove_prefix(1);
      if (begin < utf8.size() && utf8[begin] == '#') ++begin;
    } else if (token.type != text::TokenType::kWord) {
      continue;
    }
    if (word.empty() || HasDigit(word) || CodePoints(word) < rep_->options.min_chars) continue;
    if (rep_->stop_words.Contains(word)) continue;
    bool has_text = token.end > begin && token.end <= utf8.size();
    bool latin = has_text && std::isalpha(static_cast<unsigned char>(utf8[begin]));
    std::string lower;
    if (has_text && (stemmer != nullptr || surfaces != nullptr || latin)) {
      lower = text::CaseFold(utf8.substr(begin, token.end - begin));
    }
    // A Latin word in a Kazakh line is folded as Kazakh Latin (email → емайл): the
    // stop-words know it as written.
    if (!lower.empty() && lower != word && rep_->stop_words.Contains(lower)) continue;
    std::string term(word);
    if (stemmer != nullptr && has_text) {
      // Stemmers expect the case-folded word with its own letters, not the matching
      // key; the stem is then folded like every other term. A word in Kazakh Latin
      // letters is stemmed in its Cyrillic key, as the stemmers know no Latin Kazakh.
      bool transliterated = latin && !std::isalpha(static_cast<unsigned char>(word[0]));
      std::string stem = text::Fold(stemmer->Stem(transliterated ? std::string(word) : lower));
      if (CodePoints(stem) >= rep_->options.min_chars) term = std::move(stem);
    }
    if (surfaces != nullptr) surfaces->push_back(has_text ? std::move(lower) : term);
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace tenlik::topics
