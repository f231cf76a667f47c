// Throughput and quality of the topic model: LDA by collapsed Gibbs sampling on a
// synthetic corpus (or a corpus file), one thread.
//
//   topics_bench [--docs N] [--tokens N] [--vocab N] [--topics K] [--iterations N]
//                [--sampler sparse|dense|both] [--seed S]
//                [--write-corpus FILE]   write the generated corpus and exit
//                [--corpus FILE]         read a corpus instead of generating one
//
// Corpus file: one document per line, terms separated by single spaces. Documents
// d with d % 10 == 9 are held out (bench/compare/lda_sklearn.py uses the same rule);
// the vocabulary is every term of the training documents. Prints tokens/s per
// iteration, held-out perplexity by document completion (docs/topics.md) and the
// machine. Lines starting with "RESULT" are read by bench/compare/run.sh.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/machine.h"
#include "topics/topics.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace tenlik::topics;

struct Flags {
  size_t docs = 100000;
  size_t tokens = 40;
  size_t vocab = 20000;
  int topics = 50;
  int iterations = 50;
  std::string sampler = "sparse";
  uint64_t seed = 1;
  std::string write_corpus;
  std::string corpus;
};

// A small deterministic generator (splitmix64) so the corpus is the same everywhere.
struct Gen {
  uint64_t x;
  uint64_t Next() {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  size_t Below(size_t n) { return static_cast<size_t>(Uniform() * static_cast<double>(n)); }
};

// LDA's generative story, simplified: 50 true topics over `vocab` words, each topic a
// Zipf-weighted list of 400 random words; each document mixes 1-3 topics; its length is
// uniform in [tokens/2, 3*tokens/2].
std::vector<std::vector<std::string>> Generate(const Flags& f) {
  Gen g{f.seed * 7919 + 17};
  const size_t true_topics = 50, per_topic = 400;
  std::vector<std::vector<size_t>> topic_words(true_topics);
  std::vector<double> cumulative(per_topic);
  double total = 0;
  for (size_t j = 0; j < per_topic; ++j) cumulative[j] = total += 1.0 / static_cast<double>(j + 1);
  for (auto& words : topic_words) {
    for (size_t j = 0; j < per_topic; ++j) words.push_back(g.Below(f.vocab));
  }
  std::vector<std::vector<std::string>> docs(f.docs);
  for (auto& doc : docs) {
    const size_t mix = 1 + g.Below(3);
    size_t chosen[3];
    double weight[3], wsum = 0;
    for (size_t m = 0; m < mix; ++m) {
      chosen[m] = g.Below(true_topics);
      wsum += weight[m] = g.Uniform() + 0.1;
    }
    const size_t length = f.tokens / 2 + g.Below(f.tokens + 1);
    for (size_t i = 0; i < length; ++i) {
      double u = g.Uniform() * wsum;
      size_t m = 0;
      while (m + 1 < mix && u >= weight[m]) u -= weight[m++];
      const double v = g.Uniform() * total;
      size_t j = static_cast<size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), v) - cumulative.begin());
      if (j >= per_topic) j = per_topic - 1;
      doc.push_back("w" + std::to_string(topic_words[chosen[m]][j]));
    }
  }
  return docs;
}

std::vector<std::vector<std::string>> Read(const std::string& path) {
  std::vector<std::vector<std::string>> docs;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::string line, word;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    docs.emplace_back();
    while (words >> word) docs.back().push_back(word);
  }
  return docs;
}

void Run(const Vocabulary& vocab, const Corpus& train, const Corpus& heldout, const Flags& f, Sampler sampler) {
  const char* name = sampler == Sampler::kSparse ? "sparse" : "dense";
  LdaOptions options;
  options.num_topics = f.topics;
  options.alpha = 0.1;
  options.beta = 0.01;
  options.seed = f.seed;
  options.sampler = sampler;
  auto start = Clock::now();
  auto lda = LdaTrainer::Create(vocab, train, options);
  if (!lda.ok()) {
    std::fprintf(stderr, "%s\n", lda.status().ToString().c_str());
    std::exit(1);
  }
  const double init = std::chrono::duration<double>(Clock::now() - start).count();
  double total = 0, last = 0;
  for (int it = 1; it <= f.iterations; ++it) {
    auto t0 = Clock::now();
    lda->Run(1);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    total += s;
    if (it == f.iterations) last = s;
    if (it == 1 || it % 10 == 0 || it == f.iterations) {
      std::printf("  %-6s iteration %3d: %6.3f s, %6.2f M tokens/s\n", name, it, s,
                  static_cast<double>(train.num_tokens()) / s / 1e6);
      std::fflush(stdout);
    }
  }
  auto t0 = Clock::now();
  PerplexityResult p = lda->Model().HeldOutPerplexity(heldout);
  const double eval = std::chrono::duration<double>(Clock::now() - t0).count();
  const double mean_rate = static_cast<double>(train.num_tokens()) * f.iterations / total;
  std::printf("%s sampler, K=%d: %.2f M tokens/s per iteration (mean of %d; last %.2f M), init %.2f s, "
              "train %.2f s\n",
              name, f.topics, mean_rate / 1e6, f.iterations, static_cast<double>(train.num_tokens()) / last / 1e6,
              init, total);
  std::printf("held-out perplexity (document completion, %zu docs, %zu scored tokens): %.1f (eval %.2f s)\n",
              p.documents, p.tokens, p.perplexity, eval);
  std::printf("RESULT tenlik-%s train_seconds=%.3f iterations=%d per_iteration=%.4f tokens_per_s=%.0f perplexity=%.2f\n",
              name, init + total, f.iterations, total / f.iterations, mean_rate, p.perplexity);
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--docs") f.docs = std::stoul(next());
    else if (a == "--tokens") f.tokens = std::stoul(next());
    else if (a == "--vocab") f.vocab = std::stoul(next());
    else if (a == "--topics") f.topics = std::stoi(next());
    else if (a == "--iterations") f.iterations = std::stoi(next());
    else if (a == "--sampler") f.sampler = next();
    else if (a == "--seed") f.seed = std::stoull(next());
    else if (a == "--write-corpus") f.write_corpus = next();
    else if (a == "--corpus") f.corpus = next();
    else {
      std::fprintf(stderr, "unknown flag %s (see the comment at the top of bench/topics_bench.cpp)\n", a.c_str());
      return 2;
    }
  }
  std::vector<std::vector<std::string>> docs = f.corpus.empty() ? Generate(f) : Read(f.corpus);
  if (!f.write_corpus.empty()) {
    std::ofstream out(f.write_corpus);
    for (const auto& doc : docs) {
      for (size_t i = 0; i < doc.size(); ++i) out << (i ? " " : "") << doc[i];
      out << '\n';
    }
    out.close();
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", f.write_corpus.c_str());
      return 1;
    }
    std::printf("wrote %zu documents to %s\n", docs.size(), f.write_corpus.c_str());
    return 0;
  }
  tenlik::bench::PrintMachine();
  std::vector<std::vector<std::string>> train_terms;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (d % 10 != 9) train_terms.push_back(docs[d]);
  }
  VocabularyOptions vo;
  vo.min_doc_freq = 1;
  vo.max_doc_share = 1.0;
  Vocabulary vocab = Vocabulary::Build(train_terms, vo);
  Corpus train, heldout;
  for (size_t d = 0; d < docs.size(); ++d) (d % 10 == 9 ? heldout : train).Add(vocab, docs[d]);
  std::printf("corpus: %zu documents (%zu training, %zu held out), %zu training tokens, vocabulary %zu, K=%d\n",
              docs.size(), train.num_docs(), heldout.num_docs(), train.num_tokens(), vocab.size(), f.topics);
  if (f.sampler == "sparse" || f.sampler == "both") Run(vocab, train, heldout, f, Sampler::kSparse);
  if (f.sampler == "dense" || f.sampler == "both") Run(vocab, train, heldout, f, Sampler::kDense);
  return 0;
}
