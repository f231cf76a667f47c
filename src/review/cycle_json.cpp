// A review cycle as JSON: one shape for the results, the API and `--json`.
#include <nlohmann/json.hpp>

#include "review/cycle_internal.h"

namespace tenlik::review {

namespace internal {

nlohmann::json TextJson(const Text& text) {
  return {{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}};
}

nlohmann::json CycleObject(const Cycle& cycle) {
  nlohmann::json groups = nlohmann::json::array();
  for (const GroupProgress& progress : cycle.groups) {
    const Text* label = GroupLabel(progress.group);
    groups.push_back({{"group", progress.group},
                      {"label", label ? TextJson(*label) : nlohmann::json(nullptr)},
                      {"codes_issued", progress.codes_issued},
                      // A group with fewer than kMinGroupSize responses shows no count.
                      {"responses", progress.responses ? nlohmann::json(*progress.responses)
                                                       : nlohmann::json(nullptr)}});
  }
  return {{"id", cycle.id},
          {"unit",
           {{"id", cycle.unit.id},
            {"name", cycle.unit.name},
            {"region", cycle.unit.region},
            {"kind", KindName(cycle.unit.kind)}}},
          {"district_id",
           cycle.district_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(cycle.district_id)},
          {"instrument", {{"id", cycle.instrument_id}, {"version", cycle.instrument_version}}},
          {"label", cycle.label},
          {"state", CycleStateName(cycle.state)},
          {"opened_at", cycle.opened_at},
          {"closed_at",
           cycle.closed_at == 0 ? nlohmann::json(nullptr) : nlohmann::json(cycle.closed_at)},
          {"minimum_group_size", kMinGroupSize},
          {"groups", std::move(groups)}};
}

}  // namespace internal

std::string CycleToJson(const Cycle& cycle) { return internal::CycleObject(cycle).dump(2); }

}  // namespace tenlik::review
