// A store per backend with the review tables and the shipped instruments, for the
// review tests that need cycles.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../store/test_backends.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::review::testing {

inline const std::string kInstruments = std::string(TENLIK_SOURCE_DIR) + "/data/instruments/";

class ReviewStoreTest : public ::testing::TestWithParam<store::testing::Backend> {
 protected:
  void SetUp() override {
    temporary_ = std::make_unique<store::testing::TemporaryStore>(GetParam());
    ASSERT_FALSE(temporary_->location().empty()) << store::testing::kNoPostgresServer;
    auto db = store::Connection::Open(temporary_->location(), true);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Migrate(Migrations()).ok());
    Result<std::vector<Instrument>> shipped = LoadInstrumentsDir(kInstruments);
    ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
    for (const Instrument& instrument : *shipped) {
      ASSERT_TRUE(ImportInstrument(*db_, instrument, 1000).ok());
    }
  }

  // Opens a cycle of school `unit_id` ("School " + unit_id, in KZ-ALA) on the shipped
  // school instrument, at `now`; its id, or 0 after a test failure.
  int64_t Open(const std::string& unit_id, const std::string& label, int64_t now) {
    OpenCycleRequest request;
    request.unit = {unit_id, "School " + unit_id, "KZ-ALA", UnitKind::kSchool};
    request.instrument_id = "school";
    request.label = label;
    Result<OpenedCycle> opened = OpenCycle(*db_, request, now);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? opened->cycle.id : 0;
  }

  // Adds `answers` as responses of `group` to the cycle.
  void Add(int64_t cycle, const std::string& group, const std::vector<Answers>& answers) {
    Status added = AddResponses(*db_, cycle, group, answers, 1'780'000'000);
    ASSERT_TRUE(added.ok()) << added.ToString();
  }

  std::unique_ptr<store::testing::TemporaryStore> temporary_;
  std::unique_ptr<store::Connection> db_;
};

}  // namespace tenlik::review::testing
