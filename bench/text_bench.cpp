// Throughput of the text engine: stemming (tokens/s per language), Fold (MB/s),
// Tokenize (MB/s) and IdentifyLanguage (lines/s), on one thread, with the machine
// it ran on. Words come from the reference vocabularies in ../shared when present,
// else from a small built-in list; lines are synthetic social-media posts.
//
//   text_bench [seconds-per-measurement]   (default 1.0)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "text/text.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> ReadWords(const std::string& path, char stop) {
  std::vector<std::string> words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t cut = line.find(stop);
    if (cut != std::string::npos) line.resize(cut);
    if (!line.empty()) words.push_back(line);
  }
  return words;
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  }
  return "unknown";
}

// Runs `body` (which returns how many units it processed) repeatedly for about
// `seconds`, returns units per second.
template <typename Body>
double Rate(double seconds, Body body) {
  auto start = Clock::now();
  double units = 0;
  double elapsed = 0;
  do {
    units += static_cast<double>(body());
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return units / elapsed;
}

volatile size_t g_sink = 0;  // keeps results alive so the work is not optimised away

}  // namespace

int main(int argc, char** argv) {
  using namespace tenlik::text;
  double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  if (seconds <= 0) seconds = 1.0;
  const std::string shared = std::string(TENLIK_SOURCE_DIR) + "/../shared/";

  std::printf("machine: %u hardware threads (nproc), CPU: %s\n",
              std::thread::hardware_concurrency(), CpuModel().c_str());
  std::printf("single thread, %.1f s per measurement\n\n", seconds);

  struct Corpus {
    Lang lang;
    std::vector<std::string> words;
  };
  std::vector<Corpus> corpora = {
      {Lang::kRussian, ReadWords(shared + "testdata/snowball-russian/voc.txt", '\n')},
      {Lang::kKazakh, ReadWords(shared + "data/kazakh-stems/sample_500.txt", '|')},
      {Lang::kEnglish, {"schools", "children", "inclusive", "education", "teachers", "learning",
                        "disabilities", "support", "parents", "accessible", "classrooms",
                        "needs", "special", "students", "running", "national", "reviews"}},
  };
  if (corpora[0].words.empty()) corpora[0].words = {"школы", "детей", "инклюзивного", "образования"};
  if (corpora[1].words.empty()) corpora[1].words = {"балалардың", "мектептерде", "мұғалімдерге"};

  for (Corpus& corpus : corpora) {
    tenlik::Result<std::unique_ptr<Stemmer>> stemmer = Stemmer::Create(corpus.lang);
    if (!stemmer.ok()) {
      std::printf("stem %s: %s\n", std::string(LangCode(corpus.lang)).c_str(),
                  stemmer.status().ToString().c_str());
      continue;
    }
    Stemmer& s = **stemmer;
    double rate = Rate(seconds, [&] {
      size_t n = 0;
      for (const std::string& w : corpus.words) n += s.Stem(w).size();
      g_sink = g_sink + n;
      return corpus.words.size();
    });
    std::printf("stem %-2s  %8.2f M tokens/s  (%zu distinct words)\n",
                std::string(LangCode(corpus.lang)).c_str(), rate / 1e6, corpus.words.size());
  }

  const std::vector<std::string> lines = {
      "Бүгін мектепте инклюзивті білім беру туралы семинар өтті! #инклюзия @bilim_kz 👍",
      "Сегодня в школе прошёл семинар по инклюзивному образованию, подробнее: https://edu.kz/news/12",
      "Today our school held a seminar on inclusive education for all children 2020–2025",
      "Bügin mektepte inkluzivti bilim beru turaly seminar boldy, rahmet barşañyzğa 🇰🇿",
      "Мугалимдер ата-аналармен бирге жумыс истейди, пандус жок 😢 12,5% мектептерде ғана",
      "Inclusive education is a right, not a privilege. Contact: info@tenlik.kz",
  };
  size_t line_bytes = 0;
  for (const std::string& l : lines) line_bytes += l.size();
  std::string ascii_text;
  for (int i = 0; i < 20; ++i) ascii_text += "Inclusive education is a right for every child in every school. ";

  double fold_rate = Rate(seconds, [&] {
    for (const std::string& l : lines) g_sink = g_sink + Fold(l).size();
    return line_bytes;
  });
  double fold_ascii_rate = Rate(seconds, [&] {
    g_sink = g_sink + Fold(ascii_text).size();
    return ascii_text.size();
  });
  double tokenize_rate = Rate(seconds, [&] {
    for (const std::string& l : lines) g_sink = g_sink + Tokenize(l).size();
    return line_bytes;
  });
  double langid_rate = Rate(seconds, [&] {
    for (const std::string& l : lines) g_sink = g_sink + static_cast<size_t>(IdentifyLanguage(l));
    return lines.size();
  });
  std::printf("\nfold      %8.1f MB/s  (mixed kk/ru/en posts)\n", fold_rate / 1e6);
  std::printf("fold      %8.1f MB/s  (English ASCII text)\n", fold_ascii_rate / 1e6);
  std::printf("tokenize  %8.1f MB/s  (mixed kk/ru/en posts)\n", tokenize_rate / 1e6);
  std::printf("langid    %8.2f M lines/s\n", langid_rate / 1e6);
  return 0;
}
