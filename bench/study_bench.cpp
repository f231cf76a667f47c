// Throughput of a study: annotate (one matcher with every study query and lexicon
// term, gazetteer, no sentiment model) and count, with the shipped study on N
// generated posts. Prints MB/s of text through the annotator, posts/s end to end
// by the clock and per CPU-second (the rate per core), and the machine. End to end
// is the one pass of `tenlik listen run`: read a page of posts from the store,
// annotate and count it on every core, write its annotations. For comparison it
// also prints the same work as two passes (annotate, then count what was stored)
// and the count of a re-run (everything annotated before).
//
// Two generated corpora. In the first, a post is one to three of eight sentences
// about inclusive education (with query and lexicon hits), so most posts are
// near-duplicates and few terms are counted. In the second each post also has ten
// words drawn from 20,000 made-up ones: most posts are original, as in real
// exports, and their terms are counted for keyness and topics.
//
//   build/study_bench [N=20000]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "bench/machine.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "store/store.h"

using namespace tenlik;
namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

// Made-up words of two to four Cyrillic syllables.
std::vector<std::string> MadeUpWords(size_t n, std::mt19937& rng) {
  const char* syllables[] = {"ка", "ло", "ми", "ст", "ер", "на", "ты", "ба", "зо", "ку",
                             "ре", "ди", "ша", "мо", "лу", "ға", "қы", "ті", "өр", "ну"};
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) {
    std::string w;
    int k = 2 + static_cast<int>(rng() % 3);
    for (int j = 0; j < k; ++j) w += syllables[rng() % 20];
    words.push_back(std::move(w));
  }
  return words;
}

struct Rate {
  double wall = 0, cpu = 0;
};

template <typename Fn>
Rate Measure(Fn fn) {
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = bench::CpuSecondsUsed();
  fn();
  return {Seconds(t0), bench::CpuSecondsUsed() - cpu0};
}

// Generates, ingests and studies n posts; each gets `filler` made-up words.
int RunCorpus(int n, int filler, const char* title) {
  const char* parts[] = {
      "В нашей школе в Караганде нет пандуса, а дочь с инвалидностью ходит на второй этаж.",
      "Ұлым мүгедек бала деп мектепке алмады. Алматыда тьютор жоқ, ПМПК кезегі ұзақ.",
      "The Comfort School national project opened a new school in Shymkent for children with "
      "disabilities.",
      "Инклюзивное образование: не хватает дефектологов и логопедов, буллинг в классе. #инклюзия",
      "Білімді ұлт жобасы аясында ауылдағы мектепке автобус берілді #білімдіұлт",
      "My son has autism; his teachers are not trained and there is no lift in Astana school 12.",
      "Родители детей с ООП в Шымкенте жалуются на нехватку тьюторов и травлю.",
      "Сегодня прошёл семинар для педагогов по инклюзии, спасибо управлению образования!"};
  fs::path dir = fs::temp_directory_path() / ("tenlik_study_bench_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string store_path = (dir / "b.db").string();
  auto db = store::Connection::Open(store_path, true);
  if (!db.ok()) return 1;
  if (!listen::CreatePseudonymKey(listen::KeyPathFor(store_path)).ok()) return 1;
  // Generate posts as JSONL and ingest them (ingest is not what is measured).
  std::string jsonl = (dir / "posts.jsonl").string();
  {
    std::ofstream out(jsonl);
    std::mt19937 rng(1);
    std::vector<std::string> words =
        filler > 0 ? MadeUpWords(20000, rng) : std::vector<std::string>{};
    const char* platforms[] = {"vk", "facebook", "youtube", "tiktok", "web"};
    const char* langs[] = {"ru", "kk", "en"};
    for (int i = 0; i < n; ++i) {
      std::string text;
      int k = 1 + static_cast<int>(rng() % 3);
      for (int j = 0; j < k; ++j) text += std::string(parts[rng() % 8]) + " ";
      for (int j = 0; j < filler; ++j) text += words[rng() % words.size()] + " ";
      text += "№" + std::to_string(i);
      int month = 1 + static_cast<int>(rng() % 12), day = 1 + static_cast<int>(rng() % 28);
      char date[64];
      std::snprintf(date, sizeof date, "2025-%02d-%02dT10:00:00+05:00", month, day);
      out << "{\"id\":\"b" << i << "\",\"platform\":\"" << platforms[rng() % 5]
          << "\",\"author\":\"user" << rng() % 2000 << "\",\"published_at\":\"" << date
          << "\",\"lang\":\"" << langs[rng() % 3] << "\",\"text\":\"" << text << "\"}\n";
    }
  }
  listen::IngestOptions io;
  io.corpus = "public";
  io.files = {jsonl};
  io.key_path = listen::KeyPathFor(store_path);
  io.rejects_path = listen::RejectsPathFor(store_path);
  auto ing = listen::Ingest(**db, io);
  if (!ing.ok()) {
    std::fprintf(stderr, "ingest: %s\n", ing.status().ToString().c_str());
    return 1;
  }
  auto study =
      listen::LoadStudy(std::string(TENLIK_SOURCE_DIR) + "/data/studies/inclusive-education.yaml");
  if (!study.ok()) return 1;
  study->gazetteer_dir = std::string(TENLIK_SOURCE_DIR) + "/data/gazetteer";
  study->period_from = "2025-01-01";
  study->from_ts = 1735671600;
  study->to_ts = 1767207600;
  listen::AnnotateOptions ao;
  ao.no_sentiment = true;
  auto annotator = listen::Annotator::Create(*study, ao);
  if (!annotator.ok()) return 1;

  // 1. The annotator alone, one thread, over the texts in memory.
  std::vector<std::string> texts;
  {
    auto st = (*db)->Prepare("SELECT text FROM listen_posts");
    while (*(*st)->Step()) texts.emplace_back((*st)->ColumnText(0));
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  auto t0 = std::chrono::steady_clock::now();
  size_t hits = 0;
  for (const auto& t : texts)
    hits += annotator->Annotate(t, "ru", "vk", "person", "public", "").queries.size();
  double s_annot = Seconds(t0);

  // 2. End to end, one pass, as `tenlik listen run` does it.
  listen::StudyPassOptions pass;
  pass.annotator = &*annotator;
  pass.count = true;
  pass.annotate = ao;
  std::optional<Result<listen::StudyPassResult>> one;
  Rate one_pass = Measure([&] { one.emplace(listen::RunStudyPass(**db, *study, pass)); });
  // 3. The same as two passes, with another fingerprint (a changed study).
  study->subtopics[0].queries[0].expression += " OR benchtwopasses";
  auto annotator2 = listen::Annotator::Create(*study, ao);
  if (!annotator2.ok()) return 1;
  std::optional<Result<listen::AnnotateReport>> annotated;
  Rate annotate_pass =
      Measure([&] { annotated.emplace(listen::AnnotateStudy(**db, *study, *annotator2, ao)); });
  std::optional<Result<listen::StudyCounts>> counted;
  Rate count_pass = Measure(
      [&] { counted.emplace(listen::CountStudy(**db, *study, annotator2->fingerprint())); });
  if (!one->ok() || !annotated->ok() || !counted->ok()) return 1;
  const listen::StudyPassResult& result = **one;

  std::printf("\n== %s\n", title);
  double posts = static_cast<double>(result.annotate.in_scope);
  std::printf("study: %zu literals in one matcher; %zu posts (%lld original), %.1f MB of text\n",
              annotator->pattern_count(), texts.size(),
              static_cast<long long>(result.counts.Get("orig:posts", "")), bytes / 1e6);
  std::printf("annotate, 1 thread, in memory: %.2f s = %.1f MB/s, %.0f posts/s (%zu query hits)\n",
              s_annot, bytes / 1e6 / s_annot, texts.size() / s_annot, hits);
  unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  auto print = [&](const char* what, Rate r) {
    std::printf("%-50s %6.2f s = %7.0f posts/s, %7.0f posts/CPU-s (%u threads)\n", what, r.wall,
                posts / r.wall, posts / r.cpu, threads);
  };
  print("end to end, one pass (annotate + count):", one_pass);
  std::printf("  per CPU-second (per core): %.1f MB/s of text\n", bytes / 1e6 / one_pass.cpu);
  print("two passes: annotate", annotate_pass);
  print("            then count what was stored", count_pass);
  print("            both",
        {annotate_pass.wall + count_pass.wall, annotate_pass.cpu + count_pass.cpu});
  std::printf("counts of both ways equal: %s\n", result.counts == **counted ? "yes" : "NO");
  fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 20000;
  if (n <= 0) {
    std::fprintf(stderr, "usage: study_bench [N=20000]\n");
    return 2;
  }
  bench::PrintMachine();
  int status = RunCorpus(
      n, 0, "sentences only: most posts are near-duplicates (the corpus of sessions before 16)");
  if (status == 0)
    status = RunCorpus(n, 10, "sentences and ten made-up words each: most posts are original");
  return status;
}
