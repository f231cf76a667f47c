// What the review API tests share: a server on a SQLite or PostgreSQL store (the test
// parameter) with the shipped instruments imported and a school coordinator logged in.
#pragma once

#include <memory>
#include <string>

#include "../store/test_backends.h"
#include "review/review.h"
#include "server_fixture.h"

namespace tenlik::server {

class ReviewServerTest : public ServerTest,
                         public ::testing::WithParamInterface<store::testing::Backend> {
 protected:
  std::string NewStoreLocation() override {
    temporary_ = std::make_unique<store::testing::TemporaryStore>(GetParam());
    return temporary_->location();
  }

  void SetUp() override {
    if (GetParam() == store::testing::Backend::kPostgres &&
        store::testing::PostgresServerUrl().empty()) {
      FAIL() << store::testing::kNoPostgresServer;
    }
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    auto shipped = review::LoadInstrumentsDir(std::string(TENLIK_SOURCE_DIR) + "/data/instruments");
    ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
    for (const review::Instrument& instrument : *shipped) {
      ASSERT_TRUE(review::ImportInstrument(*db_, instrument, 1000).ok());
    }
    coordinator_ = LogIn("school_coordinator");
    ASSERT_EQ(coordinator_.status, 201);
  }

  void TearDown() override {
    ServerTest::TearDown();
    temporary_.reset();
  }

  // Every question of instrument `instrument_id` answered `answer` ("agree", ...).
  nlohmann::json AllAnswered(const std::string& answer,
                             const std::string& instrument_id = "school") {
    auto instrument = review::GetInstrument(*db_, instrument_id, std::nullopt);
    EXPECT_TRUE(instrument.ok());
    nlohmann::json answers = nlohmann::json::object();
    if (!instrument.ok()) return answers;
    for (const review::Indicator* indicator : review::Indicators(*instrument)) {
      for (const review::Question& question : indicator->questions) answers[question.id] = answer;
    }
    return answers;
  }

  std::unique_ptr<store::testing::TemporaryStore> temporary_;
  Login coordinator_;
};

}  // namespace tenlik::server
