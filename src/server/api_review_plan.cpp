// The development plan of a review cycle for coordinators: GET .../plan/suggestions,
// GET .../plan (with the follow-up of the previous cycle's plan), and the plan edits
// under .../plan/priorities, .../plan/actions. Every write answers with the whole plan,
// so the screen shows what the store now holds.
#include <vector>

#include "review/review.h"
#include "server/internal.h"
#include "server/review_json.h"

namespace tenlik::server {
namespace {

// The field a store validation message starts with ("due ... is before start"), when
// it is one of `fields`; the error then points the form at it.
std::string_view FieldOf(const Status& status, const std::vector<std::string_view>& fields) {
  const std::string& message = status.message();
  for (std::string_view field : fields) {
    if (message.rfind(field, 0) == 0 && message.size() > field.size() &&
        (message[field.size()] == ' ' || message[field.size()] == '\'')) {
      return field;
    }
  }
  return {};
}

// Sends the error of a failed plan call. The plan's own codes: a priority or action not
// in the cycle is plan_item_not_found, an indicator chosen twice priority_exists, an
// edit of an open cycle's plan plan_needs_closed_cycle.
void SendPlanError(Call& call, const Status& status, const std::vector<std::string_view>& fields) {
  switch (status.code()) {
    case StatusCode::kNotFound:
      return SendError(call.res, call.lang, 404, "plan_item_not_found");
    case StatusCode::kAlreadyExists:
      return SendError(call.res, call.lang, 409, "priority_exists", "indicator_id");
    case StatusCode::kFailedPrecondition:
      return SendError(call.res, call.lang, 409, "plan_needs_closed_cycle");
    case StatusCode::kInvalidArgument:
      return SendError(call.res, call.lang, 400, "invalid_plan", FieldOf(status, fields));
    default:
      return SendInternal(call, status);
  }
}

// The cycle of the path, which must exist; sends 404 cycle_not_found otherwise.
std::optional<int64_t> PlanCycle(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return std::nullopt;
  auto cycle = review::GetCycle(call.db, *id);
  if (!cycle.ok()) {
    SendReviewError(call, cycle.status(), "cycle_not_found", "bad_request");
    return std::nullopt;
  }
  return id;
}

// The plan of cycle `id` with the previous cycle's plan followed up (PLAN of docs/api.md).
std::optional<nlohmann::json> PlanJson(Call& call, int64_t id) {
  auto plan = review::GetPlan(call.db, id);
  if (!plan.ok()) {
    SendInternal(call, plan.status());
    return std::nullopt;
  }
  auto previous = review::FollowUpPreviousPlan(call.db, id);
  if (!previous.ok()) {
    SendInternal(call, previous.status());
    return std::nullopt;
  }
  return nlohmann::json::parse(review::PlanToJson(*plan, *previous));
}

// Audits the edit (what was changed, never its text) and answers with the plan;
// `new_id` is sent along when something was added.
void SendEdited(Call& call, int64_t cycle_id, std::string_view detail,
                std::optional<int64_t> new_id) {
  if (!AuditedCycle(call, "review_plan_edit", cycle_id, detail)) return;
  auto plan = PlanJson(call, cycle_id);
  if (!plan) return;
  nlohmann::json body = {{"plan", std::move(*plan)}};
  if (new_id) body["id"] = *new_id;
  SendJson(call.res, new_id ? 201 : 200, body);
}

// A string member that may be absent ("" then, for the store to judge).
bool ReadString(Call& call, const nlohmann::json& body, const char* name, std::string* out) {
  bool failed = false;
  auto value = StringField(call, body, name, &failed);
  if (failed) return false;
  *out = value.value_or("");
  return true;
}

std::optional<review::PriorityFields> PriorityBody(Call& call) {
  auto body = JsonBody(call);
  if (!body) return std::nullopt;
  review::PriorityFields fields;
  if (!ReadString(call, *body, "indicator_id", &fields.indicator_id) ||
      !ReadString(call, *body, "reason", &fields.reason) ||
      !ReadString(call, *body, "note", &fields.note)) {
    return std::nullopt;
  }
  return fields;
}

std::optional<review::ActionFields> ActionBody(Call& call) {
  auto body = JsonBody(call);
  if (!body) return std::nullopt;
  review::ActionFields f;
  if (!ReadString(call, *body, "what", &f.what) ||
      !ReadString(call, *body, "responsible_role", &f.responsible_role) ||
      !ReadString(call, *body, "start", &f.start) || !ReadString(call, *body, "due", &f.due) ||
      !ReadString(call, *body, "resources", &f.resources) ||
      !ReadString(call, *body, "success_evidence", &f.success_evidence)) {
    return std::nullopt;
  }
  return f;
}

const std::vector<std::string_view> kPriorityFields = {"indicator_id", "reason"};
const std::vector<std::string_view> kActionFields = {"what", "responsible_role", "start", "due",
                                                     "success_evidence"};

nlohmann::json FindingJson(const review::SuggestionFinding& finding) {
  return {{"reason", review::SuggestionReasonName(finding.reason)},
          {"group", finding.group},
          {"other_group", finding.other_group.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(finding.other_group)},
          {"value", finding.value},
          {"effect_size",
           finding.effect_size ? nlohmann::json(*finding.effect_size) : nlohmann::json(nullptr)}};
}

}  // namespace

void HandlePlanSuggestions(Call& call) {
  auto id = PathId(call, "id", "cycle_not_found");
  if (!id) return;
  auto results = review::ComputeResults(call.db, *id);
  if (!results.ok()) {
    return SendReviewError(call, results.status(), "cycle_not_found", "bad_request");
  }
  auto plan = review::GetPlan(call.db, *id);
  if (!plan.ok()) return SendInternal(call, plan.status());
  nlohmann::json list = nlohmann::json::array();
  for (const review::PrioritySuggestion& suggestion : review::SuggestPriorities(*results)) {
    nlohmann::json findings = nlohmann::json::array();
    for (const review::SuggestionFinding& finding : suggestion.findings) {
      findings.push_back(FindingJson(finding));
    }
    // A suggestion already chosen names its priority, so the screen offers no second choice.
    nlohmann::json chosen = nullptr;
    for (const review::Priority& priority : plan->priorities) {
      if (priority.fields.indicator_id == suggestion.indicator_id) chosen = priority.id;
    }
    list.push_back(
        {{"indicator_id", suggestion.indicator_id},
         {"title", TextJson(suggestion.title)},
         {"lowest_score", suggestion.lowest_score ? nlohmann::json(*suggestion.lowest_score)
                                                  : nlohmann::json(nullptr)},
         {"findings", std::move(findings)},
         {"priority_id", chosen}});
  }
  SendJson(call.res, 200,
           {{"cycle", CycleJson(results->cycle)},
            {"low_score_below", review::kLowScoreBelow},
            {"high_need_more_information_share", review::kHighNeedMoreInformationShare},
            {"suggestions", std::move(list)}});
}

void HandleGetPlan(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto plan = PlanJson(call, *id);
  if (!plan) return;
  SendJson(call.res, 200, *plan);
}

void HandleAddPriority(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto fields = PriorityBody(call);
  if (!fields) return;
  auto added = review::AddPriority(call.db, *id, *fields);
  if (!added.ok()) return SendPlanError(call, added.status(), kPriorityFields);
  SendEdited(call, *id, "priority " + std::to_string(*added) + " added", *added);
}

void HandleEditPriority(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto priority = PathId(call, "priority", "plan_item_not_found");
  if (!priority) return;
  auto fields = PriorityBody(call);
  if (!fields) return;
  Status edited = review::EditPriority(call.db, *id, *priority, *fields);
  if (!edited.ok()) return SendPlanError(call, edited, kPriorityFields);
  SendEdited(call, *id, "priority " + std::to_string(*priority) + " edited", std::nullopt);
}

void HandleRemovePriority(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto priority = PathId(call, "priority", "plan_item_not_found");
  if (!priority) return;
  Status removed = review::RemovePriority(call.db, *id, *priority);
  if (!removed.ok()) return SendPlanError(call, removed, {});
  SendEdited(call, *id, "priority " + std::to_string(*priority) + " removed", std::nullopt);
}

void HandleAddAction(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto priority = PathId(call, "priority", "plan_item_not_found");
  if (!priority) return;
  auto fields = ActionBody(call);
  if (!fields) return;
  auto added = review::AddAction(call.db, *id, *priority, *fields);
  if (!added.ok()) return SendPlanError(call, added.status(), kActionFields);
  SendEdited(call, *id, "action " + std::to_string(*added) + " added", *added);
}

void HandleEditAction(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto action = PathId(call, "action", "plan_item_not_found");
  if (!action) return;
  auto fields = ActionBody(call);
  if (!fields) return;
  Status edited = review::EditAction(call.db, *id, *action, *fields);
  if (!edited.ok()) return SendPlanError(call, edited, kActionFields);
  SendEdited(call, *id, "action " + std::to_string(*action) + " edited", std::nullopt);
}

void HandleRemoveAction(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto action = PathId(call, "action", "plan_item_not_found");
  if (!action) return;
  Status removed = review::RemoveAction(call.db, *id, *action);
  if (!removed.ok()) return SendPlanError(call, removed, {});
  SendEdited(call, *id, "action " + std::to_string(*action) + " removed", std::nullopt);
}

void HandleAddProgress(Call& call) {
  auto id = PlanCycle(call);
  if (!id) return;
  auto action = PathId(call, "action", "plan_item_not_found");
  if (!action) return;
  auto body = JsonBody(call);
  if (!body) return;
  review::ProgressFields fields;
  std::string status;
  if (!ReadString(call, *body, "date", &fields.date) ||
      !ReadString(call, *body, "status", &status) ||
      !ReadString(call, *body, "note", &fields.note)) {
    return;
  }
  auto parsed = review::ParseActionStatus(status);
  if (!parsed) return SendError(call.res, call.lang, 400, "invalid_plan", "status");
  fields.status = *parsed;
  auto added = review::AddProgress(call.db, *id, *action, fields);
  if (!added.ok()) return SendPlanError(call, added.status(), {"date"});
  SendEdited(call, *id, "progress " + std::to_string(*added) + " added", *added);
}

}  // namespace tenlik::server
