// Vocabulary (deterministic term ids), Corpus (documents as ids), SplitHeldOut.
#include <algorithm>
#include <unordered_map>

#include "topics/rng.h"
#include "topics/topics.h"

namespace tenlik::topics {
namespace {

std::vector<int32_t> SortedIndex(const std::vector<std::string>& words) {
  std::vector<int32_t> index(words.size());
  for (size_t i = 0; i < index.size(); ++i) index[i] = static_cast<int32_t>(i);
  std::sort(index.begin(), index.end(),
            [&](int32_t a, int32_t b) { return words[a] < words[b]; });
  return index;
}

}  // namespace

Vocabulary Vocabulary::Build(const std::vector<std::vector<std::string>>& docs,
                             const VocabularyOptions& options) {
  struct Freq {
    size_t docs = 0;
    size_t tokens = 0;
    size_t last_doc = SIZE_MAX;
  };
  std::unordered_map<std::string, Freq> freq;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const std::string& term : docs[d]) {
      if (term.empty()) continue;
      Freq& f = freq[term];
      ++f.tokens;
      if (f.last_doc != d) {
        f.last_doc = d;
        ++f.docs;
      }
    }
  }
  const double max_docs = options.max_doc_share * static_cast<double>(docs.size());
  std::vector<std::pair<const std::string*, size_t>> kept;  // word, occurrences
  for (const auto& [word, f] : freq) {
    if (f.docs < options.min_doc_freq) continue;
    if (options.max_doc_share < 1.0 && static_cast<double>(f.docs) > max_docs) continue;
    kept.emplace_back(&word, f.tokens);
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return *a.first < *b.first;
  });
  if (options.max_words > 0 && kept.size() > options.max_words) kept.resize(options.max_words);
  Vocabulary vocab;
  vocab.words_.reserve(kept.size());
  for (const auto& k : kept) vocab.words_.push_back(*k.first);
  vocab.index_ = SortedIndex(vocab.words_);
  return vocab;
}

Result<Vocabulary> Vocabulary::FromWords(std::vector<std::string> words) {
  Vocabulary vocab;
  vocab.words_ = std::move(words);
  if (vocab.words_.size() > static_cast<size_t>(INT32_MAX)) {
    return InvalidArgument("vocabulary too large");
  }
  vocab.index_ = SortedIndex(vocab.words_);
  for (size_t i = 0; i < vocab.index_.size(); ++i) {
    const std::string& w = vocab.words_[vocab.index_[i]];
    if (w.empty()) return InvalidArgument("vocabulary has an empty word");
    if (i > 0 && w == vocab.words_[vocab.index_[i - 1]]) {
      return InvalidArgument("vocabulary repeats the word '" + w + "'");
    }
  }
  return vocab;
}

int32_t Vocabulary::Find(std::string_view word) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), word,
                             [&](int32_t id, std::string_view w) { return words_[id] < w; });
  if (it == index_.end() || words_[*it] != word) return -1;
  return *it;
}

uint64_t Vocabulary::Fingerprint() const {
  uint64_t h = 0xCBF29CE484222325ull;
  auto eat = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001B3ull;
  };
  for (const std::string& w : words_) {
    for (char c : w) eat(static_cast<unsigned char>(c));
    eat(0);  // separator: ["ab","c"] != ["a","bc"]
  }
  return h;
}

void Corpus::Add(std::span<const int32_t> word_ids) {
  words_.insert(words_.end(), word_ids.begin(), word_ids.end());
  offsets_.push_back(words_.size());
}

void Corpus::Add(const Vocabulary& vocab, const std::vector<std::string>& terms) {
  for (const std::string& term : terms) {
    int32_t id = vocab.Find(term);
    if (id >= 0) words_.push_back(id);
  }
  offsets_.push_back(words_.size());
}

std::pair<Corpus, Corpus> SplitHeldOut(const Corpus& corpus, double heldout_fraction,
                                       uint64_t seed) {
  std::pair<Corpus, Corpus> parts;
  for (size_t d = 0; d < corpus.num_docs(); ++d) {
    double u = static_cast<double>(internal::Mix(seed, d) >> 11) * 0x1.0p-53;
    (u < heldout_fraction ? parts.second : parts.first).Add(corpus.doc(d));
  }
  return parts;
}

}  // namespace tenlik::topics
