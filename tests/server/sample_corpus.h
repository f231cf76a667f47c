// Listening data for the server tests: the bundled sample corpus, or a larger one
// generated from it, ingested into a test store.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "store/store.h"

namespace tenlik::server {

// Ingests data/sample as scripts/run-sample.sh does (creating the store's pseudonym
// key). Fails the test on an error.
void IngestSample(store::Connection& db, const std::string& location);

// Writes `count` JSONL posts to `path`, each the text of one sample post followed by
// another's, so that they are neither duplicates nor near-duplicates of each other.
void WriteGeneratedCorpus(const std::string& path, int count);

// Ingests one JSONL file into corpus "public" (creating the key when missing).
void IngestJsonl(store::Connection& db, const std::string& location, const std::string& path);

// Polls GET /api/v1/jobs/{id} until `until(job)` holds or the job is done or failed,
// and returns the last JOB seen (null when the request failed). A job that never
// ends fails the test after ten minutes: a hang, not a speed requirement.
nlohmann::json PollJob(httplib::Client& client, const httplib::Headers& headers, int64_t id,
                       const std::function<bool(const nlohmann::json&)>& until = {});

}  // namespace tenlik::server
