// The runner: one worker thread taking queued jobs oldest first, with progress
// written to the store at a bounded rate.
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "jobs/internal.h"

namespace tenlik::jobs {
namespace {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Writes a job's progress for its function, at most once per interval.
class Context : public JobContext {
 public:
  Context(store::Connection& bookkeeping, store::Connection& work, const std::atomic<bool>& cancel,
          const RunnerOptions& options, int64_t job_id)
      : bookkeeping_(bookkeeping),
        work_(work),
        cancel_(cancel),
        options_(options),
        job_id_(job_id) {}

  store::Connection& db() override { return work_; }
  const std::atomic<bool>& cancel() const override { return cancel_; }

  void Stage(std::string_view stage) override {
    stage_ = stage;
    done_ = total_ = 0;
    rate_ = 0;
    eta_.reset();
    baseline_.reset();
    progress_written_ = false;
    Write(Now());
  }

  void Progress(int64_t done, int64_t total) override {
    double now = Now();
    done_ = done;
    total_ = total;
    // The rate counts from the stage's first report: a resumed stage starts with
    // units done by an earlier run, which took no time in this one.
    if (!baseline_) {
      baseline_ = {now, done};
    } else if (now > baseline_->first) {
      rate_ = static_cast<double>(done - baseline_->second) / (now - baseline_->first);
      eta_.reset();
      double left = rate_ > 0 && total >= done ? static_cast<double>(total - done) / rate_ : -1;
      if (left >= 0 && left < 1e9) eta_ = static_cast<int64_t>(std::ceil(left));  // else unknown
    }
    if (!progress_written_ || now - last_write_ >= options_.progress_interval_seconds) {
      progress_written_ = true;
      Write(now);
    }
  }

  // The last progress, for the final write.
  const std::string& stage() const { return stage_; }
  int64_t done() const { return done_; }
  int64_t total() const { return total_; }
  double rate() const { return rate_; }

 private:
  double Now() const {
    return options_.monotonic_seconds ? options_.monotonic_seconds() : SteadySeconds();
  }

  void Write(double now) {
    last_write_ = now;
    Status written = [&]() -> Status {
      TENLIK_ASSIGN_OR_RETURN(
          auto update, bookkeeping_.Prepare("UPDATE jobs_queue SET stage = $1, done = $2, total = "
                                            "$3, rate = $4, eta_seconds = $5 WHERE id = $6"));
      TENLIK_RETURN_IF_ERROR(update->Bind(1, stage_));
      TENLIK_RETURN_IF_ERROR(update->Bind(2, done_));
      TENLIK_RETURN_IF_ERROR(update->Bind(3, total_));
      TENLIK_RETURN_IF_ERROR(update->Bind(4, rate_));
      TENLIK_RETURN_IF_ERROR(eta_ ? update->Bind(5, *eta_) : update->BindNull(5));
      TENLIK_RETURN_IF_ERROR(update->Bind(6, job_id_));
      return update->Step().status();
    }();
    // Progress is a courtesy: the job goes on when it cannot be written.
    if (!written.ok() && options_.log) {
      options_.log("job " + std::to_string(job_id_) +
                   ": progress not written: " + written.ToString());
    }
  }

  store::Connection& bookkeeping_;
  store::Connection& work_;
  const std::atomic<bool>& cancel_;
  const RunnerOptions& options_;
  int64_t job_id_;
  std::string stage_;
  int64_t done_ = 0, total_ = 0;
  double rate_ = 0;
  std::optional<int64_t> eta_;
  std::optional<std::pair<double, int64_t>> baseline_;  // time and done of the first report
  bool progress_written_ = false;
  double last_write_ = 0;
};

}  // namespace

struct Runner::Impl {
  Impl(std::string location, RunnerOptions opts)
      : location(std::move(location)), options(std::move(opts)) {}

  void Log(const std::string& line) const {
    if (options.log) options.log(line);
  }
  void Work();
  // Claims the oldest queued job: nullopt when there is none.
  Result<std::optional<Job>> Claim();
  Status Finish(const Job& job, const Context& context, const Result<std::string>& outcome);
  void WaitForWork();

  std::string location;
  RunnerOptions options;
  std::map<std::string, JobFunction, std::less<>> functions;
  std::unique_ptr<store::Connection> bookkeeping;  // job table updates
  std::unique_ptr<store::Connection> work;         // handed to job functions
  std::thread worker;
  std::mutex mutex;
  std::condition_variable wake;
  bool woken = false;
  bool started = false;
  bool stopping = false;
  std::atomic<bool> cancel{false};
};

Result<std::optional<Job>> Runner::Impl::Claim() {
  TENLIK_ASSIGN_OR_RETURN(auto next,
                          bookkeeping->Prepare("SELECT id FROM jobs_queue WHERE state = 'queued' "
                                               "ORDER BY id LIMIT 1"));
  TENLIK_ASSIGN_OR_RETURN(bool row, next->Step());
  if (!row) return std::optional<Job>();
  int64_t id = next->ColumnInt(0);
  next.reset();
  TENLIK_ASSIGN_OR_RETURN(
      auto claim,
      bookkeeping->Prepare("UPDATE jobs_queue SET state = 'running', started_at = $1, stage = '', "
                           "done = 0, total = 0, rate = 0.0, eta_seconds = NULL "
                           "WHERE id = $2 AND state = 'queued'"));
  TENLIK_RETURN_IF_ERROR(claim->Bind(1, UnixNow()));
  TENLIK_RETURN_IF_ERROR(claim->Bind(2, id));
  TENLIK_RETURN_IF_ERROR(claim->Step().status());
  if (claim->ChangedRows() != 1) return Claim();  // taken meanwhile: look again
  claim.reset();
  return FindJob(*bookkeeping, id);
}

Status Runner::Impl::Finish(const Job& job, const Context& context,
                            const Result<std::string>& outcome) {
  bool requeue = !outcome.ok() && cancel.load();
  // $1-$5: the last progress; $6, $7: what the outcome sets.
  const char* sql =
      outcome.ok() ? "UPDATE jobs_queue SET stage = $1, done = $2, total = $3, rate = $4, "
                     "eta_seconds = NULL, state = 'done', finished_at = $6, result = $7 "
                     "WHERE id = $5"
      : requeue    ? "UPDATE jobs_queue SET stage = $1, done = $2, total = $3, rate = $4, "
                     "eta_seconds = NULL, state = 'queued', restarts = restarts + 1 WHERE id = $5"
                   : "UPDATE jobs_queue SET stage = $1, done = $2, total = $3, rate = $4, "
                     "eta_seconds = NULL, state = 'failed', finished_at = $6, error = $7 "
                     "WHERE id = $5";
  TENLIK_ASSIGN_OR_RETURN(auto update, bookkeeping->Prepare(sql));
  TENLIK_RETURN_IF_ERROR(update->Bind(1, context.stage()));
  TENLIK_RETURN_IF_ERROR(update->Bind(2, context.done()));
  TENLIK_RETURN_IF_ERROR(update->Bind(3, context.total()));
  TENLIK_RETURN_IF_ERROR(update->Bind(4, context.rate()));
  TENLIK_RETURN_IF_ERROR(update->Bind(5, job.id));
  if (!requeue) {
    TENLIK_RETURN_IF_ERROR(update->Bind(6, UnixNow()));
    TENLIK_RETURN_IF_ERROR(
        update->Bind(7, outcome.ok() ? std::string_view(*outcome) : outcome.status().message()));
  }
  TENLIK_RETURN_IF_ERROR(update->Step().status());
  Log("job " + std::to_string(job.id) + " (" + job.kind + ") " +
      (outcome.ok() ? "done"
       : requeue    ? "stopped; queued again"
                    : "failed: " + std::string(outcome.status().message())));
  return Status::Ok();
}

void Runner::Impl::WaitForWork() {
  std::unique_lock<std::mutex> lock(mutex);
  wake.wait_for(lock, std::chrono::duration<double>(options.poll_seconds),
                [this] { return woken || stopping; });
  woken = false;
}

void Runner::Impl::Work() {
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopping) return;
      woken = false;
    }
    Result<std::optional<Job>> claimed = Claim();
    if (!claimed.ok()) Log("jobs: " + claimed.status().ToString());
    if (!claimed.ok() || !*claimed) {
      WaitForWork();
      continue;
    }
    const Job& job = **claimed;
    Log("job " + std::to_string(job.id) + " (" + job.kind + ") started");
    Context context(*bookkeeping, *work, cancel, options, job.id);
    auto function = functions.find(job.kind);
    Result<std::string> outcome =
        function == functions.end()
            ? Result<std::string>(NotFound("no function for job kind " + job.kind))
            : function->second(job, context);
    Status finished = Finish(job, context, outcome);
    if (!finished.ok()) {
      Log("job " + std::to_string(job.id) + ": state not written: " + finished.ToString());
      WaitForWork();
    }
  }
}

Runner::Runner(std::string store_location, RunnerOptions options)
    : impl_(std::make_unique<Impl>(std::move(store_location), std::move(options))) {}

Runner::~Runner() { Stop(); }

void Runner::Register(std::string kind, JobFunction function) {
  impl_->functions[std::move(kind)] = std::move(function);
}

Status Runner::Start() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->started || impl_->stopping) return FailedPrecondition("the job runner was started");
    impl_->started = true;
  }
  TENLIK_ASSIGN_OR_RETURN(impl_->bookkeeping, store::Connection::Open(impl_->location, false));
  TENLIK_RETURN_IF_ERROR(impl_->bookkeeping->Migrate(Migrations()));
  TENLIK_RETURN_IF_ERROR(impl_->bookkeeping->Exec(
      "UPDATE jobs_queue SET state = 'queued', restarts = restarts + 1 WHERE state = 'running'"));
  TENLIK_ASSIGN_OR_RETURN(impl_->work, store::Connection::Open(impl_->location, false));
  impl_->worker = std::thread([impl = impl_.get()] { impl->Work(); });
  return Status::Ok();
}

void Runner::Wake() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->woken = true;
  impl_->wake.notify_all();
}

void Runner::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
    impl_->cancel = true;
    impl_->wake.notify_all();
  }
  if (impl_->worker.joinable()) impl_->worker.join();
  impl_->work.reset();
  impl_->bookkeeping.reset();
}

}  // namespace tenlik::jobs
