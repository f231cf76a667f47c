#include "sample_corpus.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "listen/listen.h"

namespace tenlik::server {
namespace {

const std::string kSample = std::string(TENLIK_SOURCE_DIR) + "/data/sample/";

void EnsureKey(const std::string& location) {
  std::string key = listen::KeyPathFor(location);
  if (!std::filesystem::exists(key)) {
    ASSERT_TRUE(listen::CreatePseudonymKey(key).ok());
  }
}

void IngestFiles(store::Connection& db, const std::string& location, const std::string& corpus,
                 std::vector<std::string> files, std::optional<listen::Format> format,
                 listen::FieldMap map) {
  listen::IngestOptions options;
  options.corpus = corpus;
  options.files = std::move(files);
  options.format = format;
  options.map = std::move(map);
  options.organisations_file = kSample + "organisations.tsv";
  options.key_path = listen::KeyPathFor(location);
  options.rejects_path = listen::RejectsPathFor(location);
  auto report = listen::Ingest(db, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_GT(report->total.stored, 0);
}

}  // namespace

void IngestSample(store::Connection& db, const std::string& location) {
  ASSERT_TRUE(db.Migrate(listen::Migrations()).ok());
  EnsureKey(location);
  IngestFiles(db, location, "public",
              {kSample + "meltwater_export.csv", kSample + "meltwater_export_utf8.csv",
               kSample + "telegram_group/result.json", kSample + "instagram.ndjson",
               kSample + "posts.jsonl"},
              std::nullopt, {});
  IngestFiles(db, location, "organisations", {kSample + "telegram_channel/result.json"},
              std::nullopt, {});
  IngestFiles(db, location, "public", {kSample + "forum_posts.csv"}, listen::Format::kCsv,
              {{"id", "post_id"},
               {"published_at", "created"},
               {"author", "user_name"},
               {"text", "body"},
               {"url", "link"},
               {"engagement", "likes"},
               {"place", "city"}});
}

void WriteGeneratedCorpus(const std::string& path, int count) {
  std::vector<nlohmann::json> posts;
  std::ifstream in(kSample + "posts.jsonl");
  for (std::string line; std::getline(in, line);) {
    // The sample has malformed lines on purpose; they are not needed here.
    auto post = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (post.is_object() && post.contains("text") && post["text"].is_string()) {
      posts.push_back(std::move(post));
    }
  }
  ASSERT_GT(posts.size(), 100u);
  std::ofstream out(path);
  size_t n = posts.size();
  for (int i = 0; i < count; ++i) {
    size_t index = static_cast<size_t>(i);
    nlohmann::json post = posts[index % n];
    const nlohmann::json& other = posts[(index % n + 1 + index / n) % n];
    post["id"] = "generated:" + std::to_string(i);
    post["text"] = post["text"].get<std::string>() + " " + other["text"].get<std::string>();
    out << post.dump() << "\n";
  }
  ASSERT_TRUE(out.good());
}

void IngestJsonl(store::Connection& db, const std::string& location, const std::string& path) {
  ASSERT_TRUE(db.Migrate(listen::Migrations()).ok());
  EnsureKey(location);
  IngestFiles(db, location, "public", {path}, listen::Format::kJsonl, {});
}

nlohmann::json PollJob(httplib::Client& client, const httplib::Headers& headers, int64_t id,
                       const std::function<bool(const nlohmann::json&)>& until) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  nlohmann::json job;
  while (std::chrono::steady_clock::now() < deadline) {
    auto res = client.Get("/api/v1/jobs/" + std::to_string(id), headers);
    if (!res || res->status != 200) {
      ADD_FAILURE() << "GET job " << id << ": " << (res ? res->body : "no response");
      return nullptr;
    }
    job = nlohmann::json::parse(res->body);
    if ((until && until(job)) || job["state"] == "done" || job["state"] == "failed") return job;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "job " << id << " did not end: " << job.dump();
  return job;
}

}  // namespace tenlik::server
