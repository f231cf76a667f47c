// A study run survives the server being killed: `tenlik serve` is SIGKILLed while the
// run is annotating, started again, and the run finishes with restarts = 1 and the
// same counts as a run that was never interrupted.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "sample_corpus.h"
#include "server_fixture.h"
#include "subprocess.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::stringstream content;
  content << std::ifstream(path).rdbuf();
  return content.str();
}

// A `tenlik serve` on any free port, its port read from what it prints.
struct ServeProcess {
  pid_t pid = -1;
  int port = 0;
};

ServeProcess StartServe(const std::vector<std::string>& env, const fs::path& reports,
                        const fs::path& err_file) {
  ServeProcess serve;
  serve.pid = StartTenlik({"serve", "--listen", "127.0.0.1:0", "--reports", reports.string()}, env,
                          err_file.string());
  const std::string marker = "http://127.0.0.1:";
  for (int i = 0; i < 6000 && serve.port == 0; ++i) {  // a hang guard, not a speed goal
    std::string err = ReadAll(err_file);
    size_t at = err.find(marker);
    if (at != std::string::npos && err.find('/', at + marker.size()) != std::string::npos) {
      serve.port = std::stoi(err.substr(at + marker.size()));
    } else {
      usleep(20'000);
    }
  }
  return serve;
}

class JobRestartTest : public ServerTest {};

TEST_F(JobRestartTest, AKilledServerResumesTheRunWithTheSameCounts) {
  StopServer();
  // Enough posts for several annotation batches of 1000.
  fs::path corpus = dir_ / "generated.jsonl";
  WriteGeneratedCorpus(corpus.string(), 8000);
  IngestJsonl(*db_, store_, corpus.string());
  db_.reset();  // closed, so the file holds everything before it is copied
  fs::path reference_store = dir_ / "reference.db";
  fs::copy_file(store_, reference_store);

  std::vector<std::string> env = {"TENLIK_STORE=" + store_, "LANG=C"};
  fs::path reports = dir_ / "reports";
  ServeProcess first = StartServe(env, reports, dir_ / "serve1.err");
  ASSERT_GT(first.port, 0) << ReadAll(dir_ / "serve1.err");
  httplib::Client client("127.0.0.1", first.port);
  client.set_read_timeout(60);
  nlohmann::json login = {{"user", "analyst"}, {"password", kPassword}};
  auto logged_in = client.Post("/api/v1/session", login.dump(), "application/json");
  ASSERT_TRUE(logged_in);
  ASSERT_EQ(logged_in->status, 201);
  std::string cookie = logged_in->get_header_value("Set-Cookie");
  httplib::Headers auth = {
      {"Cookie", cookie.substr(0, cookie.find(';'))},
      {"X-CSRF-Token", nlohmann::json::parse(logged_in->body)["csrf_token"].get<std::string>()}};
  auto started = client.Post("/api/v1/studies/inclusive-education/runs", auth, R"({"lang":"en"})",
                             "application/json");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  int64_t id = nlohmann::json::parse(started->body)["job"]["id"];

  nlohmann::json progress = PollJob(client, auth, id, [](const nlohmann::json& job) {
    return job["stage"] == "annotate" && job["done"].get<int64_t>() > 0 &&
           job["done"].get<int64_t>() < job["total"].get<int64_t>();
  });
  ::kill(first.pid, SIGKILL);
  int status = 0;
  waitpid(first.pid, &status, 0);
  ASSERT_EQ(progress["state"], "running")
      << "the run ended before it could be interrupted: " << progress.dump();
  int64_t annotated_before_kill = progress["done"];

  ServeProcess second = StartServe(env, reports, dir_ / "serve2.err");
  ASSERT_GT(second.port, 0) << ReadAll(dir_ / "serve2.err");
  httplib::Client again("127.0.0.1", second.port);
  again.set_read_timeout(60);
  nlohmann::json finished = PollJob(again, auth, id);  // the session lives in the store
  auto report = again.Get("/api/v1/studies/inclusive-education/report", auth);
  ::kill(second.pid, SIGTERM);
  waitpid(second.pid, &status, 0);
  ASSERT_EQ(finished["state"], "done") << finished.dump() << ReadAll(dir_ / "serve2.err");
  EXPECT_EQ(finished["restarts"], 1);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200);
  nlohmann::json resumed = nlohmann::json::parse(report->body);
  // The second server annotated only what the first had not.
  EXPECT_GE(resumed["study"]["annotated_before"].get<int64_t>(), annotated_before_kill);
  EXPECT_GT(resumed["study"]["annotated_this_run"].get<int64_t>(), 0);

  // The same study on a copy of the store, never interrupted.
  Ran reference =
      RunTenlik({"--store", reference_store.string(), "--lang", "en", "listen", "run",
                 std::string(TENLIK_SOURCE_DIR) + "/data/studies/inclusive-education.yaml", "--out",
                 (dir_ / "reference").string()},
                "", {"LANG=C"});
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  nlohmann::json whole = nlohmann::json::parse(ReadAll(dir_ / "reference" / "results.json"));
  EXPECT_EQ(resumed["study"]["in_scope"], whole["study"]["in_scope"]);
  EXPECT_EQ(resumed["study"]["fingerprint"], whole["study"]["fingerprint"]);
  // Everything but the run's own description (time, what this run annotated).
  resumed.erase("study");
  whole.erase("study");
  EXPECT_EQ(resumed["posts"], whole["posts"]);
  EXPECT_TRUE(resumed == whole) << "the resumed run's counts differ from an uninterrupted run's";
}

}  // namespace
}  // namespace tenlik::server
