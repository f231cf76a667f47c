#include "jobs/jobs.h"

namespace tenlik::jobs {

// Version 1. Times are Unix seconds. The partial unique index keeps one active job per
// kind and key, so Submit needs no transaction to avoid a second run of the same study.
const std::vector<store::Migration>& Migrations() {
  static const std::vector<store::Migration> kMigrations = {
      {"jobs", 1, R"sql(
CREATE TABLE jobs_queue (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  job_key TEXT NOT NULL,
  params TEXT NOT NULL,
  state TEXT NOT NULL,
  stage TEXT NOT NULL,
  done INTEGER NOT NULL,
  total INTEGER NOT NULL,
  rate REAL NOT NULL,
  eta_seconds INTEGER,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  restarts INTEGER NOT NULL,
  error TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE UNIQUE INDEX jobs_queue_active ON jobs_queue(kind, job_key)
  WHERE state = 'queued' OR state = 'running';
CREATE INDEX jobs_queue_by_key ON jobs_queue(kind, job_key, id);
CREATE INDEX jobs_queue_by_state ON jobs_queue(state, id);
)sql"},
  };
  return kMigrations;
}

}  // namespace tenlik::jobs
