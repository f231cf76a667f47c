// Review benchmark: opens a school cycle in each of S schools, stores R synthetic
// responses per school (staff, students and parents in 2:8:5, each answering about 90 %
// of the shipped school instrument's questions), then computes every cycle's results.
// Prints the time of each stage, responses per second, and the peak RSS.
//
//   review_bench [S=500] [R=300] [--store LOCATION]   (default: a temporary SQLite file)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/machine.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "review_bench: %s\n", status.ToString().c_str());
  return 1;
}

int Run(int argc, char** argv) {
  int schools = 500, per_school = 300;
  std::string location;
  std::vector<int> numbers;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--store" && i + 1 < argc) {
      location = argv[++i];
    } else {
      numbers.push_back(std::stoi(arg));
    }
  }
  if (numbers.size() > 0) schools = numbers[0];
  if (numbers.size() > 1) per_school = numbers[1];
  const fs::path temporary = fs::temp_directory_path() / "tenlik_review_bench.db";
  if (location.empty()) {
    fs::remove(temporary);
    location = temporary.string();
  }
  PrintMachine();
  std::printf("schools: %d, responses per school: %d, store: %s\n", schools, per_school,
              store::PrintableLocation(location).c_str());

  auto db = store::Connection::Open(location, true);
  if (!db.ok()) return Fail(db.status());
  store::Connection& connection = **db;
  if (Status s = connection.Migrate(review::Migrations()); !s.ok()) return Fail(s);
  auto instrument =
      review::LoadInstrumentFile(std::string(TENLIK_SOURCE_DIR) + "/data/instruments/school.yaml");
  if (!instrument.ok()) return Fail(instrument.status());
  if (auto added = review::ImportInstrument(connection, *instrument, 1); !added.ok()) {
    return Fail(added.status());
  }
  std::vector<std::string> questions;
  for (const review::Indicator* indicator : review::Indicators(*instrument)) {
    for (const review::Question& question : indicator->questions) questions.push_back(question.id);
  }

  std::mt19937 random(6);
  std::uniform_real_distribution<double> uniform(0, 1);
  const std::vector<std::pair<std::string, int>> groups = {
      {"staff", per_school * 2 / 15},
      {"students", per_school * 8 / 15},
      {"parents", per_school - per_school * 2 / 15 - per_school * 8 / 15}};
  const auto store_start = Clock::now();
  std::vector<int64_t> cycles;
  for (int s = 0; s < schools; ++s) {
    review::OpenCycleRequest request;
    request.unit = {"school-" + std::to_string(s), "School " + std::to_string(s), "KZ-ALA",
                    review::UnitKind::kSchool};
    request.instrument_id = "school";
    request.label = "2026";
    auto opened = review::OpenCycle(connection, request, 1'780'000'000);
    if (!opened.ok()) return Fail(opened.status());
    cycles.push_back(opened->cycle.id);
    for (const auto& [group, count] : groups) {
      const double leaning = uniform(random);  // how much this school's group agrees
      std::vector<review::Answers> responses(static_cast<size_t>(count));
      for (review::Answers& answers : responses) {
        for (const std::string& question : questions) {
          const double u = uniform(random);
          if (u < 0.1) continue;  // unanswered
          const double v = uniform(random);
          answers[question] = v < 0.08                   ? review::Response::kNeedMoreInformation
                              : v < 0.08 + 0.6 * leaning ? review::Response::kAgree
                              : v < 0.85                 ? review::Response::kAgreeToSomeExtent
                                                         : review::Response::kDisagree;
        }
      }
      Status added = review::AddResponses(connection, opened->cycle.id, group, responses, 1);
      if (!added.ok()) return Fail(added);
    }
  }
  const double store_seconds = Seconds(store_start);
  const double total = static_cast<double>(schools) * per_school;
  std::printf("store:     %.2f s, %.0f responses/s (%zu questions each, ~90 %% answered)\n",
              store_seconds, total / store_seconds, questions.size());

  const auto results_start = Clock::now();
  size_t flagged = 0;
  for (int64_t cycle : cycles) {
    auto results = review::ComputeResults(connection, cycle);
    if (!results.ok()) return Fail(results.status());
    for (const review::NodeResult& node : results->nodes) {
      for (const review::Gap& gap : node.gaps) flagged += gap.flagged;
    }
  }
  const double results_seconds = Seconds(results_start);
  std::printf("summarise: %.2f s, %.1f ms per school, %.0f responses/s (%zu gaps flagged)\n",
              results_seconds, 1000 * results_seconds / schools, total / results_seconds, flagged);
  std::printf("peak RSS:  %.1f MiB\n", PeakRssMiB());
  db->reset();
  if (location == temporary.string()) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(temporary.string() + suffix);
  }
  return 0;
}

}  // namespace
}  // namespace tenlik::bench

int main(int argc, char** argv) { return tenlik::bench::Run(argc, argv); }
