// Sentiment model benchmark: trains on KazSAnDRA polarity_train.csv (or loads a
// model), prints macro-F1 and the confusion matrix on polarity_valid.csv (all rows
// and rated rows only), the not-rated share, accuracy on our hand-labelled
// Russian/English cases, model size, training time and posts/s on one thread,
// with the machine it ran on.
//
//   sentiment_bench [--model PATH] [--epochs N] [--bits B] [--lr X] [--l2 X]
//                   [--save PATH] [--seconds S]
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "bench/machine.h"
#include "sentiment/sentiment.h"

namespace {

using Clock = std::chrono::steady_clock;
using tenlik::sentiment::Evaluation;
using tenlik::sentiment::Example;
using tenlik::sentiment::Model;

void PrintConfusion(const char* title, const std::array<std::array<size_t, 2>, 2>& c) {
  std::printf("%s (rows: true label, columns: predicted)\n", title);
  std::printf("              %10s %10s\n", "negative", "positive");
  std::printf("  negative    %10zu %10zu\n", c[0][0], c[0][1]);
  std::printf("  positive    %10zu %10zu\n", c[1][0], c[1][1]);
}

// tests/data/sentiment/ru_en_cases.tsv: label<TAB>lang<TAB>text, '#' comments.
std::vector<std::pair<Example, std::string>> ReadCases(const std::string& path) {
  std::vector<std::pair<Example, std::string>> cases;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string label = line.substr(0, a);
    cases.push_back({{line.substr(b + 1), label == "positive" ? 1 : 0}, line.substr(a + 1, b - a - 1)});
  }
  return cases;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(TENLIK_SOURCE_DIR) + "/../shared/data/kazsandra/";
  std::string model_path, save_path;
  double seconds = 2.0;
  tenlik::sentiment::TrainOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--model") model_path = argv[i + 1];
    else if (a == "--save") save_path = argv[i + 1];
    else if (a == "--epochs") options.epochs = std::atoi(argv[i + 1]);
    else if (a == "--bits") options.hash_bits = static_cast<uint32_t>(std::atoi(argv[i + 1]));
    else if (a == "--lr") options.learning_rate = std::atof(argv[i + 1]);
    else if (a == "--l2") options.l2 = std::atof(argv[i + 1]);
    else if (a == "--seconds") seconds = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }

  tenlik::bench::PrintMachine();
  std::printf("data: KazSAnDRA polarity (cite: Yeshpanov, R. & Varol, H. A. (2024). KazSAnDRA: "
              "Kazakh Sentiment Analysis Dataset of Reviews and Attitudes.)\n");
  auto valid = tenlik::sentiment::ReadPolarityCsv(data + "polarity_valid.csv");
  if (!valid.ok()) {
    std::fprintf(stderr, "%s\n", valid.status().ToString().c_str());
    return 1;
  }

  Model model;
  if (!model_path.empty()) {
    auto loaded = Model::Load(model_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      return 1;
    }
    model = std::move(*loaded);
    std::printf("model: %s\n", model_path.c_str());
  } else {
    auto train = tenlik::sentiment::ReadPolarityCsv(data + "polarity_train.csv");
    if (!train.ok()) {
      std::fprintf(stderr, "%s\n", train.status().ToString().c_str());
      return 1;
    }
    options.source = "KazSAnDRA polarity_train.csv (Yeshpanov & Varol 2024)";
    options.on_epoch = [](const tenlik::sentiment::EpochReport& r) {
      std::printf("epoch %d/%d  loss %.4f  valid macro-F1 %.4f  (%.1f s)\n", r.epoch, r.epochs,
                  r.train_loss, r.valid_macro_f1, r.seconds);
      std::fflush(stdout);
    };
    auto t0 = Clock::now();
    auto trained = tenlik::sentiment::Train(*train, *valid, options);
    double train_s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!trained.ok()) {
      std::fprintf(stderr, "%s\n", trained.status().ToString().c_str());
      return 1;
    }
    model = std::move(*trained);
    std::printf("trained on %zu posts in %.1f s (one thread)\n", train->size(), train_s);
    if (!save_path.empty()) {
      tenlik::Status st = model.Save(save_path);
      if (!st.ok()) std::fprintf(stderr, "%s\n", st.ToString().c_str());
    }
  }
  std::printf("model card: %s\n", model.info().card.c_str());
  std::printf("model size: %.2f MB (%zu bytes)\n", model.ToBytes().size() / 1e6, model.ToBytes().size());

  Evaluation ev = tenlik::sentiment::Evaluate(model, *valid);
  std::printf("\npolarity_valid.csv: %zu posts\n", ev.rows);
  std::printf("macro-F1 (all rows, p >= 0.5 positive): %.4f   accuracy %.4f\n", ev.macro_f1, ev.accuracy);
  PrintConfusion("confusion, all rows", ev.confusion);
  std::printf("not rated (neutral, |p-0.5| < %.4f): %zu = %.1f%%\n", model.info().neutral_margin,
              ev.not_rated, 100 * ev.not_rated_share);
  std::printf("macro-F1 (rated rows only): %.4f\n", ev.rated_macro_f1);
  PrintConfusion("confusion, rated rows", ev.rated_confusion);

  {
    // Honest estimate of the intercept re-fit: choose the shift on odd rows and
    // score the even rows with it, and the other way round (2-fold cross-fit).
    std::vector<double> z;
    for (const Example& e : *valid) {
      double p = std::min(1 - 1e-12, std::max(1e-12, model.ProbabilityPositive(e.text)));
      z.push_back(std::log(p / (1 - p)));
    }
    std::array<std::array<size_t, 2>, 2> total{};
    for (size_t fold = 0; fold < 2; ++fold) {
      double best = -1, best_d = 0;
      for (double d = -4; d <= 4; d += 0.05) {
        std::array<std::array<size_t, 2>, 2> c{};
        for (size_t i = fold; i < z.size(); i += 2) ++c[static_cast<size_t>((*valid)[i].label)][z[i] + d >= 0];
        double f = tenlik::sentiment::MacroF1(c);
        if (f > best) { best = f; best_d = d; }
      }
      for (size_t i = 1 - fold; i < z.size(); i += 2) ++total[static_cast<size_t>((*valid)[i].label)][z[i] + best_d >= 0];
    }
    std::printf("macro-F1 with the intercept chosen on the other half of validation (2-fold cross-fit): %.4f\n",
                tenlik::sentiment::MacroF1(total));
  }
  if (std::getenv("SENTIMENT_SWEEP")) {
    std::vector<double> probs;
    for (const Example& e : *valid) probs.push_back(model.ProbabilityPositive(e.text));
    for (double t = 0.2; t < 0.81; t += 0.05) {
      std::array<std::array<size_t, 2>, 2> c{};
      for (size_t i = 0; i < probs.size(); ++i) ++c[static_cast<size_t>((*valid)[i].label)][probs[i] >= t ? 1 : 0];
      std::printf("  threshold %.2f: macro-F1 %.4f\n", t, tenlik::sentiment::MacroF1(c));
    }
  }

  auto cases = ReadCases(std::string(TENLIK_SOURCE_DIR) + "/tests/data/sentiment/ru_en_cases.tsv");
  if (!cases.empty()) {
    std::array<std::array<size_t, 2>, 2> c{};
    size_t ru = 0, ru_ok = 0, en = 0, en_ok = 0;
    for (const auto& [e, lang] : cases) {
      size_t pred = model.ProbabilityPositive(e.text) >= 0.5 ? 1 : 0;
      ++c[static_cast<size_t>(e.label)][pred];
      bool ok = pred == static_cast<size_t>(e.label);
      if (lang == "ru") { ++ru; ru_ok += ok; } else { ++en; en_ok += ok; }
    }
    std::printf("\nhand-labelled cases (tests/data/sentiment/ru_en_cases.tsv): ru %zu/%zu, en %zu/%zu, macro-F1 %.3f\n",
                ru_ok, ru, en_ok, en, tenlik::sentiment::MacroF1(c));
  }

  // Throughput: Predict on the validation texts, one thread.
  size_t done = 0;
  volatile double sink = 0;
  auto t0 = Clock::now();
  double elapsed = 0;
  do {
    for (const Example& e : *valid) sink = sink + model.Predict(e.text).p_positive;
    done += valid->size();
    elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  } while (elapsed < seconds);
  std::printf("\nthroughput: %.0f posts/s on one thread (mean post %.0f bytes)\n", done / elapsed,
              [&] {
                double b = 0;
                for (const Example& e : *valid) b += static_cast<double>(e.text.size());
                return b / static_cast<double>(valid->size());
              }());
  return 0;
}
