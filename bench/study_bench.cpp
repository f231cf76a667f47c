// Throughput of a study: annotate (one matcher with every study query and lexicon
// term, gazetteer, no sentiment model) and count, with the shipped study on N
// generated posts. Prints MB/s of text through the annotator, posts/s end to end
// (store read + annotate + write + count) by the clock and per CPU-second (the rate
// per core), and the machine.
//
//   build/study_bench [N=20000]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "bench/machine.h"
#include "listen/listen.h"
#include "store/store.h"

using namespace tenlik;
namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 20000;
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
    const char* platforms[] = {"vk", "facebook", "youtube", "tiktok", "web"};
    const char* langs[] = {"ru", "kk", "en"};
    for (int i = 0; i < n; ++i) {
      std::string text;
      int k = 1 + static_cast<int>(rng() % 3);
      for (int j = 0; j < k; ++j) text += std::string(parts[rng() % 8]) + " ";
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

  // 2. End to end: store -> annotate (all cores) -> store, then count.
  t0 = std::chrono::steady_clock::now();
  double cpu0 = bench::CpuSecondsUsed();
  auto rep = listen::AnnotateStudy(**db, *study, *annotator, ao);
  double s_store = Seconds(t0);
  double cpu_store = bench::CpuSecondsUsed() - cpu0;
  t0 = std::chrono::steady_clock::now();
  cpu0 = bench::CpuSecondsUsed();
  auto counts = listen::CountStudy(**db, *study, annotator->fingerprint());
  double s_count = Seconds(t0);
  double cpu_count = bench::CpuSecondsUsed() - cpu0;
  if (!rep.ok() || !counts.ok()) return 1;

  bench::PrintMachine();
  std::printf("study: %zu literals in one matcher; %zu posts, %.1f MB of text\n",
              annotator->pattern_count(), texts.size(), bytes / 1e6);
  std::printf("annotate, 1 thread, in memory: %.2f s = %.1f MB/s, %.0f posts/s (%zu query hits)\n",
              s_annot, bytes / 1e6 / s_annot, texts.size() / s_annot, hits);
  unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::printf(
      "annotate from/to the store (%u threads): %lld posts in %.2f s = %.0f posts/s, %.0f "
      "posts/CPU-s\n",
      threads, static_cast<long long>(rep->annotated), s_store, rep->annotated / s_store,
      rep->annotated / cpu_store);
  std::printf("count (read back + aggregate + terms, 1 thread): %.2f s = %.0f posts/s\n", s_count,
              rep->annotated / s_count);
  double core_s = cpu_store + cpu_count;
  std::printf(
      "end to end (annotate + count): %.0f posts/s, %.1f MB/s of text; per CPU-second "
      "(per core): %.0f posts/s, %.1f MB/s\n",
      rep->annotated / (s_store + s_count), bytes / 1e6 / (s_store + s_count),
      rep->annotated / core_s, bytes / 1e6 / core_s);
  fs::remove_all(dir);
  return 0;
}
