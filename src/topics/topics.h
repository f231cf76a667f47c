// Public API of the topic models of the listening study: stop-words, terms and a
// vocabulary built from Kazakh / Russian / English posts, LDA trained by collapsed
// Gibbs sampling, sufficient statistics that merge across shards, topic outputs
// (top words, per-document topic mixtures, shares per group, held-out perplexity)
// and a persisted model file.
//
// The usual flow:
//
//   TENLIK_ASSIGN_OR_RETURN(StopWords stop, StopWords::LoadDefault("data/stopwords"));
//   Analyzer analyzer(std::move(stop));
//   std::vector<std::vector<std::string>> terms;         // one entry per post
//   for (const Post& p : posts) terms.push_back(analyzer.Terms(p.text, p.lang));
//   Vocabulary vocab = Vocabulary::Build(terms);
//   Corpus corpus;
//   for (const auto& t : terms) corpus.Add(vocab, t);
//   TENLIK_ASSIGN_OR_RETURN(LdaTrainer lda, LdaTrainer::Create(vocab, corpus, {.num_topics = 20}));
//   lda.Run(500);
//   TopicModel model = lda.Model();
//   model.TopWords(0, 10);  lda.Theta(d);  lda.SharesByGroup(month_of_post);
//
// Everything is deterministic: the same input and the same seed give the same
// vocabulary, the same assignments and the same model, byte for byte.
// Unless a class says otherwise, const methods are thread-safe and non-const
// methods need external synchronisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"
#include "text/text.h"

namespace tenlik::topics {

// ---------------------------------------------------------------------------
// Stop-words

// A set of words that never become terms. Words are stored in their Fold()ed form
// (the form text::Tokenize gives), so "Және", "жане" and "zhane"-style spellings of a
// Kazakh word are one entry; lookups take folded tokens.
class StopWords {
 public:
  StopWords() = default;

  // Adds the words of a file: one word per line, UTF-8; blank lines and lines that
  // start with '#' are ignored; text after a tab is ignored. NotFound when the file
  // does not exist, IoError when it cannot be read.
  Status LoadFile(const std::string& path);

  // Loads <dir>/kk.txt, <dir>/ru.txt and <dir>/en.txt (data/stopwords/ in the
  // repository). Fails as LoadFile fails.
  static Result<StopWords> LoadDefault(const std::string& dir);

  // Adds one word, folding it as the tokeniser does.
  void Add(std::string_view word);

  // True when the folded token `folded` is a stop-word.
  bool Contains(std::string_view folded) const;

  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// ---------------------------------------------------------------------------
// Terms

struct AnalyzerOptions {
  // Reduce words to stems with text::Stemmer for the document's language (kk, ru,
  // en); documents of mixed or undetermined language are not stemmed. The stop-word
  // check is done on the word before stemming.
  bool stem = false;
  // "#инклюзия" counts as the word "инклюзия" (the hashtag's text, checked like a word).
  bool hashtags = true;
  // Words shorter than this many code points are dropped.
  size_t min_chars = 2;
};

// Turns the text of a document into terms: text::Tokenize, keep kWord tokens (and
// hashtags, see options), drop stop-words, words with a digit in them and words shorter
// than min_chars, optionally stem. Numbers, mentions, URLs, e-mails and emoji are
// never terms. Not thread-safe (it owns stemmers): use one Analyzer per thread.
class Analyzer {
 public:
  explicit Analyzer(StopWords stop_words, AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // The terms of `utf8`, in text order (with repeats). `lang` picks the stemmer.
  // A term is a matching key (folded, maybe stemmed) and reads badly in a report;
  // when `surfaces` is given it receives, for each term, the word as written,
  // case-folded (hashtags without '#'), so a report can show the usual form.
  std::vector<std::string> Terms(std::string_view utf8, text::Lang lang,
                                 std::vector<std::string>* surfaces = nullptr);
  // The same from the tokens text::Tokenize(utf8) returned, for a caller that has
  // tokenized `utf8` already (the study's annotator): tokenizing costs more than
  // the rest of Terms.
  std::vector<std::string> TermsFromTokens(std::string_view utf8,
                                           const std::vector<text::Token>& tokens, text::Lang lang,
                                           std::vector<std::string>* surfaces = nullptr);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// ---------------------------------------------------------------------------
// Vocabulary and corpus

struct VocabularyOptions {
  // A term must occur in at least this many documents.
  size_t min_doc_freq = 2;
  // A term that occurs in more than this share of the documents is dropped (it says
  // nothing about topics). 1.0 keeps everything.
  double max_doc_share = 0.5;
  // When non-zero, only the this-many terms with the most occurrences are kept.
  size_t max_words = 0;
};

// The terms a model knows, each with a dense id 0..size()-1. Ids are ordered by
// descending number of occurrences in the corpus, ties broken by the bytes of the
// term, so a vocabulary depends only on its input, never on hash order.
class Vocabulary {
 public:
  Vocabulary() = default;

  // Counts the terms of `docs` (one vector of terms per document) and keeps those
  // that pass `options`.
  static Vocabulary Build(const std::vector<std::vector<std::string>>& docs,
                          const VocabularyOptions& options = {});

  // A vocabulary with exactly these words, ids in the given order. InvalidArgument
  // for an empty word or a repeated one.
  static Result<Vocabulary> FromWords(std::vector<std::string> words);

  // The id of `word`, or -1 when it is not in the vocabulary.
  int32_t Find(std::string_view word) const;

  // REQUIRES: 0 <= id < size().
  const std::string& word(int32_t id) const { return words_[static_cast<size_t>(id)]; }
  const std::vector<std::string>& words() const { return words_; }
  size_t size() const { return words_.size(); }

  // A 64-bit digest (FNV-1a) of the words in id order. Two statistics may be merged
  // only when their vocabularies have the same fingerprint.
  uint64_t Fingerprint() const;

 private:
  std::vector<std::string> words_;
  std::vector<int32_t> index_;  // ids ordered by their words, for Find
};

// Documents as sequences of word ids, stored back to back.
class Corpus {
 public:
  // Appends one document (it may be empty). Ids must be in 0..vocabulary size - 1;
  // LdaTrainer::Create checks this.
  void Add(std::span<const int32_t> word_ids);
  // Appends one document, dropping terms that are not in `vocab`.
  void Add(const Vocabulary& vocab, const std::vector<std::string>& terms);

  size_t num_docs() const { return offsets_.size() - 1; }
  size_t num_tokens() const { return words_.size(); }
  // REQUIRES: d < num_docs().
  std::span<const int32_t> doc(size_t d) const {
    return {words_.data() + offsets_[d], offsets_[d + 1] - offsets_[d]};
  }
  // All tokens, document after document; doc d is [offsets()[d], offsets()[d+1]).
  const std::vector<int32_t>& words() const { return words_; }
  const std::vector<size_t>& offsets() const { return offsets_; }

 private:
  std::vector<int32_t> words_;
  std::vector<size_t> offsets_{0};
};

// Splits `corpus` into (training, held-out) documents: each document goes to the
// held-out part with probability `heldout_fraction`, decided by a hash of its index
// and `seed`, so the split is deterministic and stable when documents are appended.
std::pair<Corpus, Corpus> SplitHeldOut(const Corpus& corpus, double heldout_fraction,
                                       uint64_t seed = 1);

// ---------------------------------------------------------------------------
// Sufficient statistics

// The sufficient statistics of LDA given the topic assignments of the tokens:
// counts[k * vocab_size + w] = number of tokens of word w assigned to topic k, and
// totals[k] = number of tokens assigned to topic k.
//
// They are additive over documents: for a corpus split into shards (by time range, by
// source), the statistics of the whole corpus are the element-wise sum of the shards'
// statistics, whatever the order of merging. This is how a scaled-out run (one MPI
// rank per shard, see DESIGN.md "Scale-out") combines its workers: each computes the
// statistics of its shard and a reduction sums them (MPI_Allreduce with MPI_SUM over
// `counts` and `totals` gives the same result as Merge).
struct TopicWordStats {
  int num_topics = 0;
  int vocab_size = 0;
  uint64_t vocab_fingerprint = 0;  // Vocabulary::Fingerprint() of the vocabulary
  std::vector<int64_t> counts;     // num_topics * vocab_size, topic-major
  std::vector<int64_t> totals;     // num_topics

  // Zero statistics of the given shape.
  static TopicWordStats Zero(int num_topics, const Vocabulary& vocab);

  // The statistics of `corpus` when token i (in Corpus::words() order) is assigned to
  // topic z[i]. InvalidArgument when z has the wrong length, a topic is out of
  // 0..num_topics-1 or a word id is out of the vocabulary.
  static Result<TopicWordStats> FromAssignments(const Corpus& corpus, std::span<const int32_t> z,
                                                int num_topics, const Vocabulary& vocab);

  // Adds `other` element-wise. FailedPrecondition when the number of topics, the
  // vocabulary size or the vocabulary fingerprint differ; *this is then unchanged.
  Status Merge(const TopicWordStats& other);

  int64_t count(int topic, int32_t word) const {
    return counts[static_cast<size_t>(topic) * static_cast<size_t>(vocab_size) +
                  static_cast<size_t>(word)];
  }

  bool operator==(const TopicWordStats&) const = default;
};

// ---------------------------------------------------------------------------
// A trained model

struct TopWord {
  std::string word;
  double probability = 0;  // phi: p(word | topic)
};

struct InferOptions {
  int iterations = 50;  // Gibbs sweeps over the document, topics held fixed
  int burn_in = 10;     // sweeps before theta is averaged
  uint64_t seed = 1;
};

struct PerplexityResult {
  double perplexity = 0;      // exp(-log-likelihood / tokens); lower is better
  double log_likelihood = 0;  // natural log, summed over evaluated tokens
  size_t documents = 0;       // held-out documents used (those with >= 2 tokens)
  size_t tokens = 0;          // evaluated tokens (the second halves)
};

// A vocabulary, the hyperparameters and the topic-word statistics: everything needed
// to describe topics and to infer the topics of new documents. Copyable.
class TopicModel {
 public:
  TopicModel() = default;

  // InvalidArgument when the statistics do not fit the vocabulary (size or
  // fingerprint), have a negative count, totals that are not the sums of counts, or
  // when alpha or beta is not positive.
  static Result<TopicModel> Create(Vocabulary vocab, TopicWordStats stats, double alpha,
                                   double beta);

  int num_topics() const { return stats_.num_topics; }
  const Vocabulary& vocabulary() const { return vocab_; }
  const TopicWordStats& stats() const { return stats_; }
  double alpha() const { return alpha_; }
  double beta() const { return beta_; }

  // phi[k][w] = (n_kw + beta) / (n_k + V * beta). REQUIRES valid topic and word.
  double Phi(int topic, int32_t word) const;

  // The `n` most probable words of `topic`, most probable first (ties: lower id first).
  std::vector<TopWord> TopWords(int topic, size_t n) const;

  // Sums the statistics of `other` into this model (see TopicWordStats::Merge).
  // FailedPrecondition also when alpha or beta differ. *this is unchanged on error.
  Status Merge(const TopicModel& other);

  // The topic mixture theta of a new document (word ids of this vocabulary; ids
  // out of range are ignored), by Gibbs sampling its assignments with the topics
  // held fixed ("folding in"), averaged over the sweeps after burn-in. An empty
  // document gets the uniform mixture.
  std::vector<double> Infer(std::span<const int32_t> doc, const InferOptions& options = {}) const;

  // Held-out perplexity by document completion (Wallach et al. 2009): each held-out
  // document with at least two tokens is cut in two; theta is inferred from the first
  // ceil(n/2) tokens and the remaining tokens are scored with
  // p(w) = sum_k theta_k * phi_kw. Perplexity = exp(-sum log p(w) / scored tokens).
  // Deterministic: document d is sampled with a seed derived from options.seed and d.
  PerplexityResult HeldOutPerplexity(const Corpus& heldout, const InferOptions& options = {}) const;

  // The persisted form (docs/topics.md): a versioned binary file with the vocabulary,
  // hyperparameters and the topic-word counts, closed by a CRC-32. Save writes a
  // temporary file and renames it over `path`. IoError when it cannot be written.
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // Reads what Serialize / Save wrote. DataLoss for a truncated or corrupt file, a
  // wrong magic, an unsupported version or a checksum mismatch; NotFound when the file
  // does not exist; IoError when it cannot be read.
  static Result<TopicModel> Parse(std::string_view bytes);
  static Result<TopicModel> Load(const std::string& path);

 private:
  void ComputePhi();

  Vocabulary vocab_;
  TopicWordStats stats_;
  double alpha_ = 0.1;
  double beta_ = 0.01;
  std::vector<double> phi_;  // word-major: phi_[w * K + k]
};

// ---------------------------------------------------------------------------
// Training

enum class Sampler {
  kSparse,  // SparseLDA bucket decomposition (Yao, Mimno & McCallum 2009)
  kDense,   // the textbook O(K)-per-token sampler; same distribution, other draws
};

struct LdaOptions {
  int num_topics = 50;  // K, 1..65535
  double alpha = 0.1;   // symmetric document-topic prior (50/K is the other common choice)
  double beta = 0.01;   // symmetric topic-word prior
  uint64_t seed = 1;
  Sampler sampler = Sampler::kSparse;
};

// One topic per document for group shares: what share of the group's tokens went to
// each topic.
struct GroupShares {
  std::string key;
  size_t documents = 0;
  int64_t tokens = 0;
  std::vector<double> share;  // num_topics values summing to 1 (all 0 when tokens == 0)
};

// The state of a collapsed Gibbs sampler over one corpus: the topic of every token.
// Create assigns topics uniformly at random (from the seed); each Run sweeps all
// tokens in corpus order. Not thread-safe. Movable, not copyable.
class LdaTrainer {
 public:
  // Copies the corpus. InvalidArgument when num_topics is out of 1..65535, alpha or
  // beta is not positive, the vocabulary is empty or a word id is out of range.
  static Result<LdaTrainer> Create(const Vocabulary& vocab, const Corpus& corpus,
                                   const LdaOptions& options);

  ~LdaTrainer();
  LdaTrainer(LdaTrainer&&) noexcept;
  LdaTrainer& operator=(LdaTrainer&&) noexcept;

  // Runs `iterations` sweeps over all tokens.
  void Run(int iterations);

  int iterations_done() const;
  const LdaOptions& options() const;
  size_t num_docs() const;
  size_t num_tokens() const;

  // The topic of every token, aligned with Corpus::words().
  std::span<const int32_t> assignments() const;

  // The sufficient statistics of the current assignments.
  TopicWordStats Stats() const;

  // The model of the current assignments (vocabulary, alpha, beta, Stats()).
  TopicModel Model() const;

  // n_dk: tokens of document d per topic. REQUIRES d < num_docs().
  std::vector<int32_t> DocTopicCounts(size_t d) const;

  // theta_dk = (n_dk + alpha) / (n_d + K * alpha). REQUIRES d < num_docs().
  std::vector<double> Theta(size_t d) const;

  // Topic shares of groups of documents: `keys[d]` is the group of document d (a
  // month "2024-03", a platform "telegram", ...). For each distinct key, in byte
  // order of the keys, the share of the group's tokens assigned to each topic.
  // These are sums of counts, so they too merge across shards.
  // InvalidArgument when keys.size() != num_docs().
  Result<std::vector<GroupShares>> SharesByGroup(std::span<const std::string> keys) const;

  // log p(w, z) of the corpus under the current assignments (collapsed joint
  // likelihood); rises as the sampler converges.
  double LogJoint() const;

 private:
  struct State;
  explicit LdaTrainer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace tenlik::topics
