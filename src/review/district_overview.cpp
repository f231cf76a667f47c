// A district's schools side by side: each school's latest closed cycle (or the one of
// a given label) on one instrument, with its results as they are shown anywhere else.
#include <nlohmann/json.hpp>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

// The cycle of each school of the district to show: ids by unit id.
Result<std::vector<int64_t>> SchoolCycles(store::Connection& db, const std::string& district_id,
                                          const std::string& instrument_id,
                                          const std::optional<std::string>& label) {
  TENLIK_ASSIGN_OR_RETURN(
      auto select,
      db.Prepare("SELECT id, unit_id, label FROM review_cycles WHERE district_id = $1 AND "
                 "instrument_id = $2 AND unit_kind = 'school' AND state = 'closed' "
                 "ORDER BY unit_id, opened_at DESC, id DESC"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, district_id));
  TENLIK_RETURN_IF_ERROR(select->Bind(2, instrument_id));
  std::vector<int64_t> ids;
  std::string last_unit;
  bool any = false;
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    const std::string unit(select->ColumnText(1));
    if (label && select->ColumnText(2) != *label) continue;
    if (any && unit == last_unit) continue;  // an older cycle of the same school
    ids.push_back(select->ColumnInt(0));
    last_unit = unit;
    any = true;
  }
  return ids;
}

}  // namespace

Result<DistrictOverview> ComputeDistrictOverview(store::Connection& db,
                                                 const std::string& district_id,
                                                 const std::string& instrument_id,
                                                 const std::optional<std::string>& label) {
  if (district_id.empty()) return InvalidArgument("district id is empty");
  TENLIK_ASSIGN_OR_RETURN(std::vector<int64_t> cycles,
                          SchoolCycles(db, district_id, instrument_id, label));
  DistrictOverview overview{district_id, instrument_id, {}};
  for (int64_t id : cycles) {
    TENLIK_ASSIGN_OR_RETURN(CycleResults results, ComputeResults(db, id));
    // Side by side, sections would only repeat what their indicators show.
    std::erase_if(results.nodes,
                  [](const NodeResult& node) { return node.level == NodeLevel::kSection; });
    overview.schools.push_back(std::move(results));
  }
  return overview;
}

std::string DistrictOverviewToJson(const DistrictOverview& overview) {
  nlohmann::json schools = nlohmann::json::array();
  for (const CycleResults& results : overview.schools) {
    schools.push_back(nlohmann::json::parse(ResultsToJson(results)));
  }
  nlohmann::json json = {
      {"format", "tenlik-review-district-overview"}, {"format_version", 1},
      {"district_id", overview.district_id},         {"instrument_id", overview.instrument_id},
      {"minimum_group_size", kMinGroupSize},         {"schools", std::move(schools)}};
  return json.dump(2);
}

}  // namespace tenlik::review
