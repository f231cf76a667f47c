// Analyzer: text -> terms (tokenise, keep words, drop stop-words, optionally stem).
#include <absl/container/flat_hash_map.h>

#include <cctype>
#include <optional>

#include "topics/topics.h"

namespace tenlik::topics {

struct Analyzer::Rep {
  StopWords stop_words;
  AnalyzerOptions options;
  std::unique_ptr<text::Stemmer> stemmers[3];  // kk, ru, en; created on first use
  bool tried[3] = {false, false, false};

  struct Word {
    bool kept = false;  // a term, not a stop-word, number or short word
    std::string term, surface;
  };
  static constexpr size_t kMaxKnownWords = 1 << 17;
  absl::flat_hash_map<std::string, Word> known;
  std::string lookup_key;  // reused

  const Word& Analyze(std::string_view word, std::optional<std::string_view> written,
                      text::Lang lang, text::Stemmer* stemmer, bool want_surface);
  Word AnalyzeWord(std::string_view word, std::optional<std::string_view> written,
                   text::Stemmer* stemmer, bool want_surface) const;

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

// What a word becomes. A word recurs thousands of times in a corpus, and case
// folding and stemming it cost more than looking it up, so the outcome is kept by
// everything it depends on: language, whether a surface is wanted, the key and
// the text as written. At most kMaxKnownWords, then it starts afresh.
const Analyzer::Rep::Word& Analyzer::Rep::Analyze(std::string_view word,
                                                  std::optional<std::string_view> written,
                                                  text::Lang lang, text::Stemmer* stemmer,
                                                  bool want_surface) {
  lookup_key.clear();
  lookup_key.push_back(static_cast<char>('0' + static_cast<int>(lang)));
  lookup_key.push_back(want_surface ? 's' : '-');
  lookup_key.append(word);
  if (written) {
    lookup_key.push_back('\0');
    lookup_key.append(*written);
  }
  auto found = known.find(absl::string_view(lookup_key.data(), lookup_key.size()));
  if (found != known.end()) return found->second;
  if (known.size() >= kMaxKnownWords) known.clear();
  return known.emplace(lookup_key, AnalyzeWord(word, written, stemmer, want_surface)).first->second;
}

Analyzer::Rep::Word Analyzer::Rep::AnalyzeWord(std::string_view word,
                                               std::optional<std::string_view> written,
                                               text::Stemmer* stemmer, bool want_surface) const {
  Word out;
  if (word.empty() || HasDigit(word) || CodePoints(word) < options.min_chars) return out;
  if (stop_words.Contains(word)) return out;
  bool latin = written && std::isalpha(static_cast<unsigned char>((*written)[0]));
  std::string lower;
  if (written && (stemmer != nullptr || want_surface || latin)) lower = text::CaseFold(*written);
  // A Latin word in a Kazakh line is folded as Kazakh Latin (email → емайл): the
  // stop-words know it as written.
  if (!lower.empty() && lower != word && stop_words.Contains(lower)) return out;
  out.kept = true;
  out.term = std::string(word);
  if (stemmer != nullptr && written) {
    // Stemmers expect the case-folded word with its own letters, not the matching
    // key; the stem is then folded like every other term. A word in Kazakh Latin
    // letters is stemmed in its Cyrillic key, as the stemmers know no Latin Kazakh.
    bool transliterated = latin && !std::isalpha(static_cast<unsigned char>(word[0]));
    std::string stem = text::Fold(stemmer->Stem(transliterated ? std::string(word) : lower));
    if (CodePoints(stem) >= options.min_chars) out.term = std::move(stem);
  }
  if (want_surface) out.surface = written ? std::move(lower) : out.term;
  return out;
}

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
  Rep& rep = *rep_;
  text::Stemmer* stemmer = rep.options.stem ? rep.StemmerFor(lang) : nullptr;
  for (const text::Token& token : tokens) {
    std::string_view word = token.text;
    size_t begin = token.begin;
    if (token.type == text::TokenType::kHashtag) {
      if (!rep.options.hashtags) continue;
      if (!word.empty() && word[0] == '#') word.remove_prefix(1);
      if (begin < utf8.size() && utf8[begin] == '#') ++begin;
    } else if (token.type != text::TokenType::kWord) {
      continue;
    }
    std::optional<std::string_view> written;
    if (token.end > begin && token.end <= utf8.size())
      written = utf8.substr(begin, token.end - begin);
    const Rep::Word& known = rep.Analyze(word, written, lang, stemmer, surfaces != nullptr);
    if (!known.kept) continue;
    if (surfaces != nullptr) surfaces->push_back(known.surface);
    terms.push_back(known.term);
  }
  return terms;
}

}  // namespace tenlik::topics
