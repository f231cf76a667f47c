// The job queue and runner on every backend: one active job per key, jobs run oldest
// first, results and errors are kept, progress is written at a bounded rate, and a
// job interrupted by a stop or a killed process runs again.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "../store/test_backends.h"
#include "jobs/jobs.h"

namespace tenlik::jobs {
namespace {

using store::testing::Backend;
using store::testing::TemporaryStore;

class JobsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TemporaryStore>(GetParam());
    ASSERT_FALSE(store_->location().empty()) << store::testing::kNoPostgresServer;
    auto db = store::Connection::Open(store_->location(), true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Migrate(Migrations()).ok());
  }
  void TearDown() override {
    db_.reset();
    store_.reset();
  }

  Job Find(int64_t id) {
    auto job = FindJob(*db_, id);
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    EXPECT_TRUE(job.ok() && job->has_value()) << "job " << id;
    return job.ok() && *job ? **job : Job{};
  }

  // Polls until job `id` is in `state`; fails the test after a minute (a hang, not a
  // speed requirement).
  Job WaitFor(int64_t id, State state) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
      Job job = Find(id);
      if (job.state == state) return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "job " << id << " never became " << StateName(state);
    return Find(id);
  }

  int64_t SubmitNew(std::string_view kind, std::string_view key, std::string_view params) {
    auto submitted = Submit(*db_, kind, key, params);
    EXPECT_TRUE(submitted.ok()) << submitted.status().ToString();
    EXPECT_TRUE(submitted.ok() && submitted->created);
    return submitted.ok() ? submitted->job.id : 0;
  }

  std::unique_ptr<TemporaryStore> store_;
  std::unique_ptr<store::Connection> db_;
};

TEST_P(JobsTest, OneActiveJobPerKindAndKey) {
  auto first = Submit(*db_, "study_run", "a", R"({"lang":"kk"})", 1000);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->job.state, State::kQueued);
  EXPECT_EQ(first->job.params, R"({"lang":"kk"})");
  EXPECT_EQ(first->job.created_at, 1000);
  EXPECT_FALSE(first->job.started_at.has_value());
  EXPECT_EQ(first->job.restarts, 0);

  auto again = Submit(*db_, "study_run", "a", R"({"lang":"en"})");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->job.id, first->job.id);
  EXPECT_EQ(again->job.params, R"({"lang":"kk"})");

  // Another key, or another kind, is another job.
  int64_t other_key = SubmitNew("study_run", "b", "{}");
  int64_t other_kind = SubmitNew("import", "a", "{}");
  EXPECT_GT(other_key, first->job.id);
  EXPECT_GT(other_kind, other_key);

  auto listed =
      ListJobs(*db_, {.kind = "study_run", .key = "", .state = std::nullopt, .limit = 50});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, other_key);  // newest first
  EXPECT_EQ((*listed)[1].id, first->job.id);
  auto limited = ListJobs(*db_, {.kind = "", .key = "", .state = State::kQueued, .limit = 1});
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].id, other_kind);

  auto missing = FindJob(*db_, 999999);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(JobsTest, RunsJobsOldestFirstAndKeepsResultsAndErrors) {
  int64_t a = SubmitNew("echo", "a", R"({"n":1})");
  int64_t b = SubmitNew("fail", "b", "{}");
  int64_t c = SubmitNew("echo", "c", R"({"n":3})");
  int64_t d = SubmitNew("unknown", "d", "{}");

  std::mutex mutex;
  std::vector<int64_t> order;
  Runner runner(store_->location());
  runner.Register("echo", [&](const Job& job, JobContext&) -> Result<std::string> {
    std::lock_guard<std::mutex> lock(mutex);
    order.push_back(job.id);
    return "{\"echo\":" + job.params + "}";
  });
  runner.Register("fail", [&](const Job& job, JobContext& context) -> Result<std::string> {
    {
      std::lock_guard<std::mutex> lock(mutex);
      order.push_back(job.id);
    }
    context.Stage("count");
    context.Progress(3, 10);
    return InvalidArgument("the study file has no queries");
  });
  ASSERT_TRUE(runner.Start().ok());
  Job done_c = WaitFor(c, State::kDone);
  Job failed_d = WaitFor(d, State::kFailed);

  Job done_a = Find(a);
  EXPECT_EQ(done_a.state, State::kDone);
  EXPECT_EQ(done_a.result, R"({"echo":{"n":1}})");
  EXPECT_TRUE(done_a.started_at.has_value());
  EXPECT_TRUE(done_a.finished_at.has_value());
  EXPECT_EQ(done_a.error, "");
  EXPECT_EQ(done_c.result, R"({"echo":{"n":3}})");

  Job failed_b = Find(b);
  EXPECT_EQ(failed_b.state, State::kFailed);
  EXPECT_EQ(failed_b.error, "the study file has no queries");
  EXPECT_EQ(failed_b.stage, "count");  // where it failed
  EXPECT_EQ(failed_b.done, 3);
  EXPECT_EQ(failed_b.total, 10);
  EXPECT_TRUE(failed_b.finished_at.has_value());
  EXPECT_NE(failed_d.error.find("unknown"), std::string::npos) << failed_d.error;

  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(order, (std::vector<int64_t>{a, b, c}));
  // A finished job frees its key.
  EXPECT_TRUE(Submit(*db_, "echo", "a", "{}")->created);
}

TEST_P(JobsTest, ProgressIsWrittenAtMostOncePerInterval) {
  int64_t id = SubmitNew("count", "s", "{}");
  double clock = 100;
  RunnerOptions options;
  options.progress_interval_seconds = 1.0;
  options.monotonic_seconds = [&clock] { return clock; };
  Runner runner(store_->location(), options);
  std::vector<Job> seen;  // the stored job after each step, read by the job itself
  runner.Register("count", [&](const Job&, JobContext& context) -> Result<std::string> {
    // On the job's own connection: the test's is busy polling on another thread.
    auto look = [&] { seen.push_back(FindJob(context.db(), id)->value()); };
    context.Stage("annotate");
    look();  // 0: a new stage is written at once
    context.Progress(1000, 5000);
    look();  // 1: the stage's first report is written at once
    clock += 0.5;
    context.Progress(2000, 5000);
    look();  // 2: half a second later: not written
    clock += 0.6;
    context.Progress(3000, 5000);
    look();  // 3: 1.1 s after the last write: written, with rate and eta
    context.Stage("count");
    look();  // 4: reset
    return std::string("{}");
  });
  ASSERT_TRUE(runner.Start().ok());
  Job done = WaitFor(id, State::kDone);
  runner.Stop();
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0].state, State::kRunning);
  EXPECT_EQ(seen[0].stage, "annotate");
  EXPECT_EQ(seen[0].done, 0);
  EXPECT_EQ(seen[1].done, 1000);
  EXPECT_EQ(seen[1].total, 5000);
  EXPECT_EQ(seen[1].rate, 0);  // one report gives no rate
  EXPECT_FALSE(seen[1].eta_seconds.has_value());
  EXPECT_EQ(seen[2].done, 1000);
  EXPECT_EQ(seen[3].done, 3000);
  EXPECT_NEAR(seen[3].rate, 2000 / 1.1, 1e-6);
  ASSERT_TRUE(seen[3].eta_seconds.has_value());
  EXPECT_EQ(*seen[3].eta_seconds, 2);  // ceil(2000 / 1818.2)
  EXPECT_EQ(seen[4].stage, "count");
  EXPECT_EQ(seen[4].done, 0);
  EXPECT_EQ(seen[4].rate, 0);
  EXPECT_EQ(done.state, State::kDone);
  EXPECT_FALSE(done.eta_seconds.has_value());
}

TEST_P(JobsTest, StopQueuesTheRunningJobAgainAndTheNextStartFinishesIt) {
  int64_t id = SubmitNew("slow", "s", "{}");
  int64_t later = SubmitNew("slow", "t", "{}");
  std::promise<void> running;
  {
    Runner runner(store_->location());
    runner.Register("slow", [&](const Job&, JobContext& context) -> Result<std::string> {
      context.Stage("annotate");
      context.Progress(10, 100);
      running.set_value();
      while (!context.cancel().load()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return Cancelled("stopped while annotating");
    });
    ASSERT_TRUE(runner.Start().ok());
    running.get_future().wait();
    runner.Stop();
    EXPECT_FALSE(runner.Start().ok());  // a stopped runner stays stopped
  }
  Job stopped = Find(id);
  EXPECT_EQ(stopped.state, State::kQueued);
  EXPECT_EQ(stopped.restarts, 1);
  EXPECT_EQ(stopped.error, "");
  EXPECT_EQ(Find(later).state, State::kQueued);  // never started

  Runner again(store_->location());
  std::vector<int64_t> runs;
  again.Register("slow", [&](const Job& job, JobContext&) -> Result<std::string> {
    runs.push_back(job.id);
    return std::string(R"({"resumed":true})");
  });
  ASSERT_TRUE(again.Start().ok());
  WaitFor(later, State::kDone);
  Job done = Find(id);
  EXPECT_EQ(done.state, State::kDone);
  EXPECT_EQ(done.restarts, 1);
  EXPECT_EQ(done.result, R"({"resumed":true})");
  EXPECT_EQ(Find(later).restarts, 0);
  again.Stop();
  EXPECT_EQ(runs, (std::vector<int64_t>{id, later}));
}

TEST_P(JobsTest, JobLeftRunningByAKilledProcessRunsAgain) {
  int64_t id = SubmitNew("work", "s", "{}");
  // What a process killed mid-job leaves behind.
  ASSERT_TRUE(db_->Exec("UPDATE jobs_queue SET state = 'running', stage = 'annotate', done = 40, "
                        "total = 100, started_at = 5")
                  .ok());
  Runner runner(store_->location());
  runner.Register("work", [&](const Job& job, JobContext& context) -> Result<std::string> {
    EXPECT_EQ(job.restarts, 1);
    context.Stage("annotate");
    context.Progress(100, 100);
    return std::string("{}");
  });
  ASSERT_TRUE(runner.Start().ok());
  Job done = WaitFor(id, State::kDone);
  EXPECT_EQ(done.restarts, 1);
  EXPECT_EQ(done.done, 100);
  EXPECT_GT(*done.started_at, 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, JobsTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::jobs
