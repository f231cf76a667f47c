// A store per backend with the review tables and the shipped instruments, for the
// review tests that need cycles.
#pragma once

#include <gtest/gtest.h>

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

  std::unique_ptr<store::testing::TemporaryStore> temporary_;
  std::unique_ptr<store::Connection> db_;
};

}  // namespace tenlik::review::testing
