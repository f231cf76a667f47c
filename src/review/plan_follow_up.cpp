// The next cycle looks back at the previous cycle's plan: each priority's indicator
// scored then and now, with the actions and their progress.
#include "review/review.h"

namespace tenlik::review {
namespace {

// The score of `group` on node `id`; nullopt when suppressed, unscored or absent
// (a later instrument version may have dropped the indicator).
std::optional<double> ScoreOf(const CycleResults& results, const std::string& id,
                              const std::string& group) {
  for (const NodeResult& node : results.nodes) {
    if (node.id != id) continue;
    for (const GroupCell& cell : node.groups) {
      if (cell.group == group && !cell.suppressed) return cell.score;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::optional<PlanFollowUp>> FollowUpPreviousPlan(store::Connection& db, int64_t cycle_id) {
  TENLIK_ASSIGN_OR_RETURN(CycleResults now, ComputeResults(db, cycle_id));
  if (!now.previous_cycle_id) return std::optional<PlanFollowUp>();
  TENLIK_ASSIGN_OR_RETURN(DevelopmentPlan plan, GetPlan(db, *now.previous_cycle_id));
  if (plan.priorities.empty()) return std::optional<PlanFollowUp>();
  TENLIK_ASSIGN_OR_RETURN(CycleResults then, ComputeResults(db, *now.previous_cycle_id));
  PlanFollowUp follow_up;
  follow_up.planned_cycle_id = plan.cycle.id;
  follow_up.planned_label = plan.cycle.label;
  for (Priority& priority : plan.priorities) {
    PriorityFollowUp item;
    for (const std::string& group : GroupsFor(now.cycle.unit.kind)) {
      const std::string& id = priority.fields.indicator_id;
      item.scores.push_back({group, ScoreOf(then, id, group), ScoreOf(now, id, group)});
    }
    item.priority = std::move(priority);
    follow_up.priorities.push_back(std::move(item));
  }
  return std::optional<PlanFollowUp>(std::move(follow_up));
}

}  // namespace tenlik::review
