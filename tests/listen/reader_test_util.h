// Helpers of the reader tests (reader_*_test.cpp): fixture paths, a sink that keeps
// what it is given, and reading a fixture file in one format.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "listen/listen.h"

namespace tenlik::listen::reader_testing {

// Path of a file under tests/data/listen/.
inline std::string Fixture(const std::string& name) {
  return std::string(TENLIK_SOURCE_DIR) + "/tests/data/listen/" + name;
}

// Keeps every post and reject. With stop_after set, asks the reader to stop after
// that many records (posts and rejects together).
struct Collector : RecordSink {
  std::vector<Post> posts;
  std::vector<Reject> rejects;
  int stop_after = -1;
  int seen = 0;
  bool OnPost(Post&& p) override {
    posts.push_back(std::move(p));
    return ++seen != stop_after;
  }
  bool OnReject(Reject&& r) override {
    rejects.push_back(std::move(r));
    return ++seen != stop_after;
  }
};

// Reads the fixture `name` as `format` into `c`.
inline Status ReadFixture(const std::string& name, Format format, Collector* c,
                          FieldMap map = {}, int64_t skip = 0) {
  ReadOptions options;
  options.format = format;
  options.map = std::move(map);
  options.skip_records = skip;
  return ReadFile(Fixture(name), options, *c);
}

}  // namespace tenlik::listen::reader_testing
