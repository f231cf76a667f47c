// Ingest benchmark: generates N synthetic posts (300 bytes on average) as JSONL and
// prints the end-to-end ingest rate (wall clock and per CPU-second), peak RSS and peak anonymous
// RSS at growing N (each in a fresh process, forked before the stage measurements hold any memory),
// then posts/s and MB/s per stage (parse, normalise+fold, language id, tokenise, stem, dedup
// hashes).
//
//   ingest_bench [N=1000000] [--once]   (--once: only the end-to-end run at N, e.g.
//                                        under valgrind --tool=callgrind)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "bench/machine.h"
#include "listen/listen.h"
#include "listen/near_duplicates.h"
#include "store/store.h"
#include "text/text.h"

namespace tenlik::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* kWords[] = {"инклюзивное",
                        "образование",
                        "школа",
                        "дети",
                        "с",
                        "инвалидностью",
                        "пандус",
                        "тьютор",
                        "родители",
                        "учителя",
                        "ПМПК",
                        "нет",
                        "специалистов",
                        "в",
                        "нашем",
                        "районе",
                        "инклюзивті",
                        "білім",
                        "беру",
                        "мектеп",
                        "балалар",
                        "ерекше",
                        "қажеттіліктері",
                        "бар",
                        "мұғалім",
                        "Жайлы",
                        "inclusive",
                        "education",
                        "school",
                        "children",
                        "with",
                        "disabilities",
                        "ramp",
                        "teacher",
                        "#инклюзия",
                        "@bilim_foundation",
                        "https://example.kz/news/1",
                        "2025",
                        "Алматы",
                        "Шымкент"};

// A vocabulary of 20,000 made-up Cyrillic and Latin words drawn with Zipf's law, as
// words are in real posts, plus the domain words above one word in five.
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> words = [] {
    const char* syllables[] = {"ка", "ла",  "ин",  "мек", "теп", "бі", "лім", "ба", "ша", "ро",
                               "ди", "тел", "шко", "ко",  "ма",  "ру", "ста", "ne", "ri", "to"};
    std::mt19937 rng(7);
    std::vector<std::string> out;
    for (int i = 0; i < 20000; ++i) {
      std::string word;
      for (int k = 0, n = 2 + rng() % 3; k < n; ++k)
        word += syllables[rng() % std::size(syllables)];
      out.push_back(word);
    }
    return out;
  }();
  return words;
}

std::string MakeText(std::mt19937& rng) {
  static std::discrete_distribution<int> zipf = [] {
    std::vector<double> weights;
    for (int rank = 1; rank <= 20000; ++rank) weights.push_back(1.0 / rank);
    return std::discrete_distribution<int>(weights.begin(), weights.end());
  }();
  std::string text;
  size_t target = 150 + rng() % 300;  // ~300 bytes on average
  while (text.size() < target) {
    text += rng() % 5 == 0 ? kWords[rng() % std::size(kWords)] : Vocabulary()[zipf(rng)];
    text += ' ';
  }
  return text;
}

// Writes N posts; 3 % exact duplicates and 5 % reposts with a link added.
uint64_t WriteCorpus(const std::string& path, int64_t n) {
  std::ofstream out(path);
  std::mt19937 rng(42);
  std::string previous;
  uint64_t bytes = 0;
  for (int64_t i = 0; i < n; ++i) {
    std::string text = MakeText(rng);
    int roll = rng() % 100;
    if (roll < 3 && !previous.empty()) text = previous;
    if (roll >= 3 && roll < 8 && !previous.empty()) text = "Репост: " + previous;
    previous = text;
    std::string line = "{\"id\":\"" + std::to_string(i) +
                       "\",\"platform\":\"vk\",\"author\":\"user" + std::to_string(rng() % 20000) +
                       "\",\"published_at\":" + std::to_string(1735689600 + i * 17) +
                       ",\"text\":\"" + text + "\"}\n";
    bytes += line.size();
    out << line;
  }
  return bytes;
}

class CollectingSink : public listen::RecordSink {
 public:
  explicit CollectingSink(size_t keep) : keep_(keep) {}
  bool OnPost(listen::Post&& post) override {
    bytes += post.text.size();
    ++posts;
    if (texts.size() < keep_) texts.push_back(std::move(post.text));
    return true;
  }
  bool OnReject(listen::Reject&&) override { return true; }
  int64_t posts = 0;
  uint64_t bytes = 0;
  std::vector<std::string> texts;

 private:
  size_t keep_;
};

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void PrintRate(const char* stage, double count, double bytes, double seconds, const char* unit) {
  std::printf("%-22s %12.0f %s/s %10.1f MB/s  (%.2f s)\n", stage, count / seconds, unit,
              bytes / seconds / 1e6, seconds);
}

struct EndToEndResult {
  double posts_per_second = -1;      // wall clock
  double posts_per_cpu_second = -1;  // user + system time of all threads: the per-core rate
  double peak_rss_kb = 0;
  double anon_rss_kb = 0;  // peak, without the pages of the store's file mapped in
};

// The process's resident anonymous memory (RssAnon), in kB: what it holds itself,
// not the pages of the SQLite file it reads through a memory map.
double AnonymousRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("RssAnon:", 0) == 0) return std::stod(line.substr(8));
  }
  return 0;
}

// Runs a whole ingest of `path` into a fresh store.
EndToEndResult EndToEnd(const std::string& dir, const std::string& path, int64_t n) {
  EndToEndResult result;
  std::string store_path = dir + "/bench_" + std::to_string(n) + ".db";
  fs::remove(store_path);
  fs::remove(store_path + ".key");
  auto db = store::Connection::Open(store_path, true);
  if (!db.ok() || !listen::CreatePseudonymKey(listen::KeyPathFor(store_path)).ok()) return result;
  listen::IngestOptions options;
  options.corpus = "bench";
  options.files = {path};
  options.key_path = listen::KeyPathFor(store_path);
  options.rejects_path = store_path + ".rejects.jsonl";
  // Sampled with each progress report (twice a second) and at the end.
  options.on_progress = [&](const listen::IngestProgress&) {
    result.anon_rss_kb = std::max(result.anon_rss_kb, AnonymousRssKb());
  };
  double cpu_before = bench::CpuSecondsUsed();
  Clock::time_point start = Clock::now();
  auto report = listen::Ingest(**db, options);
  double seconds = Seconds(start);
  if (!report.ok()) {
    std::fprintf(stderr, "ingest failed: %s\n", report.status().ToString().c_str());
    return result;
  }
  double cpu_seconds = bench::CpuSecondsUsed() - cpu_before;
  rusage after;
  getrusage(RUSAGE_SELF, &after);
  result.peak_rss_kb = after.ru_maxrss;
  result.anon_rss_kb = std::max(result.anon_rss_kb, AnonymousRssKb());
  result.posts_per_second = report->total.read / seconds;
  result.posts_per_cpu_second = report->total.read / cpu_seconds;
  return result;
}

int Main(int argc, char** argv) {
  long long n = 1000000;
  bool once = argc > 2 && std::string(argv[2]) == "--once";
  if (argc > 1 && (std::sscanf(argv[1], "%lld", &n) != 1 || n <= 0)) {
    std::fprintf(stderr, "usage: ingest_bench [N=1000000] [--once]\n");
    return 2;
  }
  PrintMachine();
  std::string dir =
      (fs::temp_directory_path() / ("tenlik_bench_" + std::to_string(getpid()))).string();
  fs::create_directories(dir);
  std::string path = dir + "/posts.jsonl";
  uint64_t file_bytes = WriteCorpus(path, n);
  std::printf("corpus: %lld posts, %.1f MB of JSONL\n", static_cast<long long>(n),
              file_bytes / 1e6);

  std::printf(
      "end to end (read, prepare, dedup, store into SQLite; posts are prepared on the other\n"
      "cores), peak RSS per N and peak anonymous RSS, sampled twice a second (peak RSS also\n"
      "counts the pages of the store's file that SQLite reads through a memory map);\n"
      "posts/CPU-s counts user + system time of all threads, the rate per core on a busy "
      "machine:\n");
  for (int64_t size : {n / 10, n / 2, n}) {
    if (size <= 0 || (once && size != n)) continue;
    std::string part = dir + "/part_" + std::to_string(size) + ".jsonl";
    uint64_t part_bytes = WriteCorpus(part, size);
    int fds[2];
    if (pipe(fds) != 0) return 1;
    pid_t pid = fork();
    if (pid == 0) {  // a fresh process so each N has its own peak RSS
      EndToEndResult result = EndToEnd(dir, part, size);
      (void)!write(fds[1], &result, sizeof result);
      _exit(0);
    }
    EndToEndResult result;
    (void)!read(fds[0], &result, sizeof result);
    waitpid(pid, nullptr, 0);
    close(fds[0]);
    close(fds[1]);
    std::printf(
        "  N=%-9lld %9.0f posts/s %6.1f MB/s  %9.0f posts/CPU-s   peak RSS %6.1f MB  anon %6.1f "
        "MB\n",
        static_cast<long long>(size), result.posts_per_second,
        result.posts_per_second * part_bytes / size / 1e6, result.posts_per_cpu_second,
        result.peak_rss_kb / 1024, result.anon_rss_kb / 1024);
  }

  if (once) {
    fs::remove_all(dir);
    return 0;
  }
  CollectingSink sink(200000);
  Clock::time_point start = Clock::now();
  listen::ReadOptions read_options;
  read_options.format = listen::Format::kJsonl;
  if (Status s = listen::ReadFile(path, read_options, sink); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  PrintRate("parse (jsonl)", sink.posts, file_bytes, Seconds(start), "posts");

  const std::vector<std::string>& texts = sink.texts;
  uint64_t text_bytes = 0;
  for (const auto& t : texts) text_bytes += t.size();
  std::vector<std::string> folded;
  folded.reserve(texts.size());
  start = Clock::now();
  for (const auto& t : texts) folded.push_back(text::Fold(text::Normalize(t)));
  PrintRate("normalise+fold", texts.size(), text_bytes, Seconds(start), "posts");

  start = Clock::now();
  size_t kazakh = 0;
  for (const auto& t : texts) kazakh += text::IdentifyLanguage(t) == text::Lang::kKazakh;
  PrintRate("language id", texts.size(), text_bytes, Seconds(start), "posts");
  if (kazakh == 42) std::printf(" ");  // keeps the loop from being optimised away

  std::vector<std::string> words;
  start = Clock::now();
  size_t tokens = 0;
  for (const auto& t : texts) {
    for (text::Token& token : text::Tokenize(t)) {
      ++tokens;
      if (token.type == text::TokenType::kWord && words.size() < 2000000)
        words.push_back(std::move(token.text));
    }
  }
  PrintRate("tokenise", texts.size(), text_bytes, Seconds(start), "posts");

  auto stemmer = text::Stemmer::Create(text::Lang::kRussian);
  start = Clock::now();
  size_t stem_bytes = 0;
  for (const auto& w : words) stem_bytes += (*stemmer)->Stem(w).size();
  PrintRate("stem (ru)", words.size(), stem_bytes, Seconds(start), "tokens");

  start = Clock::now();
  uint64_t mix = 0;
  for (const auto& f : folded) {
    std::optional<listen::Signature> signature = listen::MinHash(f);
    mix ^= (signature ? (*signature)[0] : 0) ^ XXH3_128bits(f.data(), f.size()).low64;
  }
  PrintRate("dedup hashes", folded.size(), text_bytes, Seconds(start), "posts");
  if (mix == 42) std::printf(" ");  // keeps the loop from being optimised away

  fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace tenlik::bench

int main(int argc, char** argv) { return tenlik::bench::Main(argc, argv); }
