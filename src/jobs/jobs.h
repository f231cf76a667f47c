// Public API of background jobs: long work (a study run, later imports) queued in the
// store and run one at a time by a worker thread, with progress that survives the
// process. The module knows nothing of what a job does: a program registers one
// function per job kind.
//
//   jobs::Runner runner(store_location);
//   runner.Register("study_run", [](const jobs::Job& job, jobs::JobContext& context) { ... });
//   TENLIK_RETURN_IF_ERROR(runner.Start());
//   TENLIK_ASSIGN_OR_RETURN(jobs::Submitted s, jobs::Submit(db, "study_run", "study-id", "{}"));
//   runner.Wake();
//
// Jobs live in the table of module "jobs" (its own migrations, portable SQL), so a
// job queued or running when the process stops — cleanly or killed — is run again at
// the next Start, and `restarts` counts how often that happened. A job function must
// therefore be able to continue from what the store holds. One Runner per store:
// Start takes over jobs another process left running.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace tenlik::jobs {

// Schema migrations of module "jobs" (table jobs_queue).
const std::vector<store::Migration>& Migrations();

enum class State { kQueued, kRunning, kDone, kFailed };

// "queued", "running", "done", "failed".
const char* StateName(State state);

struct Job {
  int64_t id = 0;  // assigned by the store, increasing
  std::string kind;
  // What the job works on (a study id): at most one job of a kind and key is queued
  // or running at a time.
  std::string key;
  std::string params;  // JSON text, as submitted
  State state = State::kQueued;
  std::string stage;  // the stage running or last run; "" before the first
  int64_t done = 0;   // units done of `total` in this stage (0 / 0 when unknown)
  int64_t total = 0;
  double rate = 0;                     // units per second in this stage; 0 until known
  std::optional<int64_t> eta_seconds;  // time left in this stage, when known
  int64_t created_at = 0;              // Unix seconds
  std::optional<int64_t> started_at;   // latest start
  std::optional<int64_t> finished_at;  // done or failed
  int64_t restarts = 0;                // times it was interrupted and queued again
  std::string error;                   // why it failed, in English; "" otherwise
  std::string result;                  // JSON text the job's function returned when done
};

struct Submitted {
  Job job;
  bool created = false;  // false: `job` is the active job of this kind and key
};

// Queues a job unless one of the same kind and key is queued or running (then that one
// is returned, created = false). `now` is Unix seconds (0: the clock). The store's
// errors as they come.
Result<Submitted> Submit(store::Connection& db, std::string_view kind, std::string_view key,
                         std::string_view params, int64_t now = 0);

// The job with this id; nullopt when there is none.
Result<std::optional<Job>> FindJob(store::Connection& db, int64_t id);

struct JobFilter {
  std::string kind;  // "" = any
  std::string key;   // "" = any
  std::optional<State> state;
  int limit = 50;
};

// Jobs matching `filter`, newest first.
Result<std::vector<Job>> ListJobs(store::Connection& db, const JobFilter& filter);

// What a job function is given. Progress is written to the store at most once per
// RunnerOptions::progress_interval_seconds (the first report of a stage at once), so
// it may be called as often as convenient. Not thread-safe: call from the job's thread.
class JobContext {
 public:
  virtual ~JobContext() = default;
  // A connection to the store for the job's own work (not the one progress goes to).
  virtual store::Connection& db() = 0;
  // Becomes true when the runner stops: return soon (any status); the job is then
  // queued again and resumes at the next start.
  virtual const std::atomic<bool>& cancel() const = 0;
  // A new stage starts: done, total, rate and eta are reset. Written at once.
  virtual void Stage(std::string_view stage) = 0;
  // `done` units of `total` in the current stage.
  virtual void Progress(int64_t done, int64_t total) = 0;
};

// Does the job. Returns the result as JSON text (stored with the job, state done), or
// an error (state failed, its message stored as the job's error; it must hold no
// personal data). An error returned after cancel() was set queues the job again.
using JobFunction = std::function<Result<std::string>(const Job& job, JobContext& context)>;

struct RunnerOptions {
  double progress_interval_seconds = 1.0;
  // How often the worker looks for queued jobs without being woken.
  double poll_seconds = 2.0;
  // Receives a line when a job starts, ends or fails, and store errors of the runner.
  // Called from the worker thread. May be empty.
  std::function<void(std::string_view line)> log;
  // Seconds on a monotonic clock (tests only; default steady_clock).
  std::function<double()> monotonic_seconds;
};

// Runs queued jobs one at a time, oldest first, on one worker thread with its own
// store connections.
class Runner {
 public:
  explicit Runner(std::string store_location, RunnerOptions options = {});
  ~Runner();  // Stop()
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Sets the function for jobs of `kind`. Call before Start. A queued job of a kind
  // with no function fails ("no function for job kind ...").
  void Register(std::string kind, JobFunction function);

  // Opens the store (applying this module's migrations), queues again the jobs found
  // running (restarts + 1: the process that ran them is gone) and starts the worker.
  // The store's errors as they come; FailedPrecondition when already started.
  Status Start();

  // Tells the worker a job was submitted, so it need not wait for its next look.
  void Wake();

  // Cancels the running job (it is queued again, restarts + 1), waits for the worker
  // and closes the connections. A job function that does not look at cancel() is
  // waited for until it returns. Callable more than once; a stopped runner cannot
  // be started again.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tenlik::jobs
