// The development plan as versioned JSON for the API and `--json`.
#include <nlohmann/json.hpp>

#include "review/review.h"

namespace tenlik::review {
namespace {

nlohmann::json Optional(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json PriorityJson(const Priority& priority) {
  nlohmann::json actions = nlohmann::json::array();
  for (const Action& action : priority.actions) {
    nlohmann::json progress = nlohmann::json::array();
    for (const ProgressUpdate& update : action.progress) {
      progress.push_back({{"id", update.id},
                          {"date", update.date},
                          {"status", ActionStatusName(update.status)},
                          {"note", update.note}});
    }
    const ActionFields& f = action.fields;
    actions.push_back({{"id", action.id},
                       {"what", f.what},
                       {"responsible_role", f.responsible_role},
                       {"start", f.start},
                       {"due", f.due},
                       {"resources", f.resources},
                       {"success_evidence", f.success_evidence},
                       {"status", ActionStatusName(LatestStatus(action))},
                       {"progress", std::move(progress)}});
  }
  return {
      {"id", priority.id},
      {"indicator_id", priority.fields.indicator_id},
      {"title", {{"kk", priority.title.kk}, {"ru", priority.title.ru}, {"en", priority.title.en}}},
      {"reason", priority.fields.reason},
      {"note", priority.fields.note},
      {"actions", std::move(actions)}};
}

}  // namespace

std::string PlanToJson(const DevelopmentPlan& plan, const std::optional<PlanFollowUp>& previous) {
  nlohmann::json priorities = nlohmann::json::array();
  for (const Priority& priority : plan.priorities) priorities.push_back(PriorityJson(priority));
  nlohmann::json previous_plan = nullptr;
  if (previous) {
    nlohmann::json followed = nlohmann::json::array();
    for (const PriorityFollowUp& item : previous->priorities) {
      nlohmann::json scores = nlohmann::json::array();
      for (const FollowUpScore& score : item.scores) {
        scores.push_back(
            {{"group", score.group}, {"then", Optional(score.then)}, {"now", Optional(score.now)}});
      }
      nlohmann::json priority = PriorityJson(item.priority);
      priority["scores"] = std::move(scores);
      followed.push_back(std::move(priority));
    }
    previous_plan = {
        {"cycle", {{"id", previous->planned_cycle_id}, {"label", previous->planned_label}}},
        {"priorities", std::move(followed)}};
  }
  const Cycle& cycle = plan.cycle;
  nlohmann::json json = {
      {"format", "tenlik-review-plan"},
      {"format_version", 1},
      {"cycle",
       {{"id", cycle.id},
        {"unit", {{"id", cycle.unit.id}, {"name", cycle.unit.name}}},
        {"instrument", {{"id", cycle.instrument_id}, {"version", cycle.instrument_version}}},
        {"label", cycle.label},
        {"state", CycleStateName(cycle.state)}}},
      {"priorities", std::move(priorities)},
      {"previous_plan", std::move(previous_plan)}};
  return json.dump(2);
}

}  // namespace tenlik::review
