#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "review/review.h"
#include "review_store_fixture.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

class DistrictTest : public testing::ReviewStoreTest {
 protected:
  // A closed cycle of `school` naming `district`, with `staff` staff answering A1.1.a
  // with `answer`.
  int64_t SchoolCycle(const std::string& school, const std::string& district,
                      const std::string& label, int staff, Response answer, int64_t now) {
    OpenCycleRequest request;
    request.unit = {school, "School " + school, "KZ-ALA", UnitKind::kSchool};
    request.district_id = district;
    request.instrument_id = "school";
    request.label = label;
    Result<OpenedCycle> opened = OpenCycle(*db_, request, now);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    if (!opened.ok()) return 0;
    const int64_t id = opened->cycle.id;
    EXPECT_TRUE(AddResponses(*db_, id, "staff",
                             std::vector<Answers>(static_cast<size_t>(staff), {{"A1.1.a", answer}}),
                             now)
                    .ok());
    EXPECT_TRUE(CloseCycle(*db_, id, now + 1).ok());
    return id;
  }
};

TEST_P(DistrictTest, SchoolsSideBySideWithTheirLatestClosedCycle) {
  const int64_t a_2025 = SchoolCycle("a", "d-1", "2025", 5, Response::kDisagree, 1'700'000'000);
  const int64_t a_2026 = SchoolCycle("a", "d-1", "2026", 6, Response::kAgree, 1'780'000'000);
  const int64_t b_2026 = SchoolCycle("b", "d-1", "2026", 3, Response::kAgree, 1'780'000'000);
  SchoolCycle("c", "d-2", "2026", 5, Response::kAgree, 1'780'000'000);  // another district
  Result<Cycle> stored = GetCycle(*db_, a_2026);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->district_id, "d-1");

  Result<DistrictOverview> overview = ComputeDistrictOverview(*db_, "d-1", "school", std::nullopt);
  ASSERT_TRUE(overview.ok()) << overview.status().ToString();
  ASSERT_EQ(overview->schools.size(), 2u);
  EXPECT_EQ(overview->schools[0].cycle.id, a_2026);
  EXPECT_EQ(overview->schools[1].cycle.id, b_2026);
  for (const NodeResult& node : overview->schools[0].nodes) {
    EXPECT_NE(node.level, NodeLevel::kSection);
    if (node.id == "A1.1") {
      EXPECT_DOUBLE_EQ(node.groups[0].score.value_or(-1), 100);
    }
  }
  // School b has 3 staff: suppressed in every node, and nothing else carries them.
  for (const NodeResult& node : overview->schools[1].nodes) {
    for (const GroupCell& cell : node.groups) {
      EXPECT_TRUE(cell.suppressed);
      EXPECT_EQ(cell.respondents, 0);
    }
  }
  const auto json = nlohmann::json::parse(DistrictOverviewToJson(*overview));
  EXPECT_EQ(json["format"], "tenlik-review-district-overview");
  EXPECT_EQ(json["schools"].size(), 2u);
  EXPECT_EQ(json["schools"][1]["nodes"][0]["groups"][0],
            (nlohmann::json{{"group", "staff"}, {"suppressed", true}}));
  EXPECT_EQ(json.dump().find("\"respondents\":3"), std::string::npos);

  // A label picks that cycle of each school.
  overview = ComputeDistrictOverview(*db_, "d-1", "school", "2025");
  ASSERT_TRUE(overview.ok());
  ASSERT_EQ(overview->schools.size(), 1u);
  EXPECT_EQ(overview->schools[0].cycle.id, a_2025);
  EXPECT_EQ(ComputeDistrictOverview(*db_, "", "school", std::nullopt).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(DistrictTest, OnlySchoolCyclesNameADistrict) {
  OpenCycleRequest request;
  request.unit = {"d-1", "District 1", "KZ-ALA", UnitKind::kDistrict};
  request.district_id = "d-9";
  request.instrument_id = "district";
  request.label = "2026";
  Result<OpenedCycle> opened = OpenCycle(*db_, request, 1);
  EXPECT_EQ(opened.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(opened.status().message().find("district"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, DistrictTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
