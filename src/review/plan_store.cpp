// The development plan of a closed cycle in the store: priorities, their actions and
// the actions' progress (tables review_priorities, review_actions, review_progress).
#include <map>
#include <variant>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

using Value = std::variant<int64_t, std::string>;

// `sql` prepared with `values` bound to $1, $2, ... in order, not yet stepped.
Result<std::unique_ptr<store::Statement>> Prepared(store::Connection& db, std::string_view sql,
                                                   const std::vector<Value>& values) {
  TENLIK_ASSIGN_OR_RETURN(auto statement, db.Prepare(sql));
  for (size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const int64_t* number = std::get_if<int64_t>(&values[i])) {
      TENLIK_RETURN_IF_ERROR(statement->Bind(index, *number));
    } else {
      TENLIK_RETURN_IF_ERROR(statement->Bind(index, std::get<std::string>(values[i])));
    }
  }
  return statement;
}

// Runs a write and returns the number of rows it changed.
Result<int64_t> Execute(store::Connection& db, std::string_view sql,
                        const std::vector<Value>& values) {
  TENLIK_ASSIGN_OR_RETURN(auto statement, Prepared(db, sql, values));
  TENLIK_RETURN_IF_ERROR(statement->Step().status());
  return statement->ChangedRows();
}

// Runs an INSERT ... RETURNING id and returns the id.
Result<int64_t> Insert(store::Connection& db, std::string_view sql,
                       const std::vector<Value>& values) {
  TENLIK_ASSIGN_OR_RETURN(auto statement, Prepared(db, sql, values));
  TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
  if (!row) return Internal("an insert returned no id");
  const int64_t id = statement->ColumnInt(0);
  while (true) {  // finish the statement before the next one
    TENLIK_ASSIGN_OR_RETURN(bool more, statement->Step());
    if (!more) break;
  }
  return id;
}

// Whether the query with `values` returns a row.
Result<bool> Exists(store::Connection& db, std::string_view sql, const std::vector<Value>& values) {
  TENLIK_ASSIGN_OR_RETURN(auto statement, Prepared(db, sql, values));
  TENLIK_ASSIGN_OR_RETURN(bool row, statement->Step());
  if (row) TENLIK_RETURN_IF_ERROR(statement->Reset());
  return row;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// A real day written YYYY-MM-DD.
bool ValidDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const int year = std::stoi(date.substr(0, 4));
  const int month = std::stoi(date.substr(5, 2));
  const int day = std::stoi(date.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
}

Status CheckDate(const std::string& field, const std::string& value) {
  if (ValidDate(value)) return Status::Ok();
  return InvalidArgument(field + " '" + value + "': expected a date YYYY-MM-DD");
}

Status CheckFilled(const std::string& field, const std::string& value) {
  if (value.find_first_not_of(" \t\r\n") != std::string::npos) return Status::Ok();
  return InvalidArgument(field + " is empty");
}

Status CheckAction(const ActionFields& fields) {
  TENLIK_RETURN_IF_ERROR(CheckFilled("what", fields.what));
  TENLIK_RETURN_IF_ERROR(CheckFilled("responsible_role", fields.responsible_role));
  TENLIK_RETURN_IF_ERROR(CheckDate("start", fields.start));
  TENLIK_RETURN_IF_ERROR(CheckDate("due", fields.due));
  if (fields.due < fields.start) {  // YYYY-MM-DD compares as text in date order
    return InvalidArgument("due " + fields.due + " is before start " + fields.start);
  }
  return CheckFilled("success_evidence", fields.success_evidence);
}

// The cycle, which must be closed for its plan to change.
Result<Cycle> ClosedCycle(store::Connection& db, int64_t cycle_id) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  if (cycle.state != CycleState::kClosed) {
    return FailedPrecondition("cycle " + std::to_string(cycle_id) +
                              " is open: its plan is made from final results, after it closes");
  }
  return cycle;
}

Status CheckPriority(store::Connection& db, const Cycle& cycle, const PriorityFields& fields,
                     int64_t priority_id) {
  TENLIK_RETURN_IF_ERROR(CheckFilled("indicator_id", fields.indicator_id));
  TENLIK_RETURN_IF_ERROR(CheckFilled("reason", fields.reason));
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, cycle));
  bool known = false;
  for (const Indicator* indicator : Indicators(instrument))
    known |= indicator->id == fields.indicator_id;
  if (!known) {
    return InvalidArgument("indicator_id '" + fields.indicator_id + "' is not an indicator of " +
                           instrument.id + " version " + std::to_string(instrument.version));
  }
  TENLIK_ASSIGN_OR_RETURN(bool taken, Exists(db,
                                             "SELECT id FROM review_priorities WHERE cycle_id = $1 "
                                             "AND indicator_id = $2 AND id <> $3",
                                             {cycle.id, fields.indicator_id, priority_id}));
  if (taken) {
    return Status(StatusCode::kAlreadyExists, "indicator " + fields.indicator_id +
                                                  " is already a priority of cycle " +
                                                  std::to_string(cycle.id));
  }
  return Status::Ok();
}

Status RequirePriority(store::Connection& db, int64_t cycle_id, int64_t priority_id) {
  TENLIK_ASSIGN_OR_RETURN(
      bool found, Exists(db, "SELECT id FROM review_priorities WHERE id = $1 AND cycle_id = $2",
                         {priority_id, cycle_id}));
  if (found) return Status::Ok();
  return NotFound("no priority " + std::to_string(priority_id) + " in cycle " +
                  std::to_string(cycle_id));
}

Status RequireAction(store::Connection& db, int64_t cycle_id, int64_t action_id) {
  TENLIK_ASSIGN_OR_RETURN(bool found,
                          Exists(db,
                                 "SELECT a.id FROM review_actions a JOIN review_priorities p ON "
                                 "p.id = a.priority_id WHERE a.id = $1 AND p.cycle_id = $2",
                                 {action_id, cycle_id}));
  if (found) return Status::Ok();
  return NotFound("no action " + std::to_string(action_id) + " in cycle " +
                  std::to_string(cycle_id));
}

std::vector<Value> ActionValues(const ActionFields& f) {
  return {f.what, f.responsible_role, f.start, f.due, f.resources, f.success_evidence};
}

constexpr const char* kRemoveProgressOfPriority =
    "DELETE FROM review_progress WHERE action_id IN (SELECT id FROM review_actions WHERE "
    "priority_id = $1)";

}  // namespace

std::string_view ActionStatusName(ActionStatus status) {
  switch (status) {
    case ActionStatus::kNotStarted:
      return "not_started";
    case ActionStatus::kInProgress:
      return "in_progress";
    case ActionStatus::kDone:
      return "done";
    case ActionStatus::kBlocked:
      break;
  }
  return "blocked";
}

std::optional<ActionStatus> ParseActionStatus(std::string_view name) {
  for (ActionStatus status : {ActionStatus::kNotStarted, ActionStatus::kInProgress,
                              ActionStatus::kDone, ActionStatus::kBlocked}) {
    if (ActionStatusName(status) == name) return status;
  }
  return std::nullopt;
}

ActionStatus LatestStatus(const Action& action) {
  return action.progress.empty() ? ActionStatus::kNotStarted : action.progress.back().status;
}

Result<int64_t> AddPriority(store::Connection& db, int64_t cycle_id, const PriorityFields& fields) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, ClosedCycle(db, cycle_id));
  int64_t id = 0;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(CheckPriority(db, cycle, fields, 0));
    TENLIK_ASSIGN_OR_RETURN(id,
                            Insert(db,
                                   "INSERT INTO review_priorities (cycle_id, indicator_id, "
                                   "reason, note) VALUES ($1, $2, $3, $4) RETURNING id",
                                   {cycle_id, fields.indicator_id, fields.reason, fields.note}));
    return Status::Ok();
  }));
  return id;
}

Status EditPriority(store::Connection& db, int64_t cycle_id, int64_t priority_id,
                    const PriorityFields& fields) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, ClosedCycle(db, cycle_id));
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequirePriority(db, cycle_id, priority_id));
    TENLIK_RETURN_IF_ERROR(CheckPriority(db, cycle, fields, priority_id));
    return Execute(db,
                   "UPDATE review_priorities SET indicator_id = $2, reason = $3, note = $4 "
                   "WHERE id = $1",
                   {priority_id, fields.indicator_id, fields.reason, fields.note})
        .status();
  });
}

Status RemovePriority(store::Connection& db, int64_t cycle_id, int64_t priority_id) {
  TENLIK_RETURN_IF_ERROR(ClosedCycle(db, cycle_id).status());
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequirePriority(db, cycle_id, priority_id));
    TENLIK_RETURN_IF_ERROR(Execute(db, kRemoveProgressOfPriority, {priority_id}).status());
    TENLIK_RETURN_IF_ERROR(
        Execute(db, "DELETE FROM review_actions WHERE priority_id = $1", {priority_id}).status());
    return Execute(db, "DELETE FROM review_priorities WHERE id = $1", {priority_id}).status();
  });
}

Result<int64_t> AddAction(store::Connection& db, int64_t cycle_id, int64_t priority_id,
                          const ActionFields& fields) {
  TENLIK_RETURN_IF_ERROR(ClosedCycle(db, cycle_id).status());
  TENLIK_RETURN_IF_ERROR(CheckAction(fields));
  int64_t id = 0;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequirePriority(db, cycle_id, priority_id));
    std::vector<Value> values = {priority_id};
    for (Value& value : ActionValues(fields)) values.push_back(std::move(value));
    TENLIK_ASSIGN_OR_RETURN(
        id, Insert(db,
                   "INSERT INTO review_actions (priority_id, what, responsible_role, start_day, "
                   "due_day, resources, success_evidence) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                   "RETURNING id",
                   values));
    return Status::Ok();
  }));
  return id;
}

Status EditAction(store::Connection& db, int64_t cycle_id, int64_t action_id,
                  const ActionFields& fields) {
  TENLIK_RETURN_IF_ERROR(ClosedCycle(db, cycle_id).status());
  TENLIK_RETURN_IF_ERROR(CheckAction(fields));
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequireAction(db, cycle_id, action_id));
    std::vector<Value> values = {action_id};
    for (Value& value : ActionValues(fields)) values.push_back(std::move(value));
    return Execute(db,
                   "UPDATE review_actions SET what = $2, responsible_role = $3, start_day = $4, "
                   "due_day = $5, resources = $6, success_evidence = $7 WHERE id = $1",
                   values)
        .status();
  });
}

Status RemoveAction(store::Connection& db, int64_t cycle_id, int64_t action_id) {
  TENLIK_RETURN_IF_ERROR(ClosedCycle(db, cycle_id).status());
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequireAction(db, cycle_id, action_id));
    TENLIK_RETURN_IF_ERROR(
        Execute(db, "DELETE FROM review_progress WHERE action_id = $1", {action_id}).status());
    return Execute(db, "DELETE FROM review_actions WHERE id = $1", {action_id}).status();
  });
}

Result<int64_t> AddProgress(store::Connection& db, int64_t cycle_id, int64_t action_id,
                            const ProgressFields& fields) {
  TENLIK_RETURN_IF_ERROR(ClosedCycle(db, cycle_id).status());
  TENLIK_RETURN_IF_ERROR(CheckDate("date", fields.date));
  int64_t id = 0;
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    TENLIK_RETURN_IF_ERROR(RequireAction(db, cycle_id, action_id));
    TENLIK_ASSIGN_OR_RETURN(
        id, Insert(db,
                   "INSERT INTO review_progress (action_id, day, status, note) "
                   "VALUES ($1, $2, $3, $4) RETURNING id",
                   {action_id, fields.date, std::string(ActionStatusName(fields.status)),
                    fields.note}));
    return Status::Ok();
  }));
  return id;
}

Result<DevelopmentPlan> GetPlan(store::Connection& db, int64_t cycle_id) {
  DevelopmentPlan plan;
  TENLIK_ASSIGN_OR_RETURN(plan.cycle, GetCycle(db, cycle_id));
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, plan.cycle));
  std::map<std::string, Text> titles;
  for (const Indicator* indicator : Indicators(instrument))
    titles[indicator->id] = indicator->title;

  std::map<int64_t, Priority*> priorities;
  TENLIK_ASSIGN_OR_RETURN(auto select_priorities,
                          Prepared(db,
                                   "SELECT id, indicator_id, reason, note FROM review_priorities "
                                   "WHERE cycle_id = $1 ORDER BY id",
                                   {cycle_id}));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select_priorities->Step());
    if (!row) break;
    Priority priority;
    priority.id = select_priorities->ColumnInt(0);
    priority.fields = {std::string(select_priorities->ColumnText(1)),
                       std::string(select_priorities->ColumnText(2)),
                       std::string(select_priorities->ColumnText(3))};
    priority.title = titles[priority.fields.indicator_id];
    plan.priorities.push_back(std::move(priority));
  }
  for (Priority& priority : plan.priorities) priorities[priority.id] = &priority;

  // Actions by id; pointers stay valid once every action has been added.
  std::vector<std::pair<int64_t, Action>> actions;
  TENLIK_ASSIGN_OR_RETURN(
      auto select_actions,
      Prepared(db,
               "SELECT a.id, a.priority_id, a.what, a.responsible_role, a.start_day, a.due_day, "
               "a.resources, a.success_evidence FROM review_actions a JOIN review_priorities p "
               "ON p.id = a.priority_id WHERE p.cycle_id = $1 ORDER BY a.id",
               {cycle_id}));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select_actions->Step());
    if (!row) break;
    Action action;
    action.id = select_actions->ColumnInt(0);
    ActionFields& f = action.fields;
    f.what = std::string(select_actions->ColumnText(2));
    f.responsible_role = std::string(select_actions->ColumnText(3));
    f.start = std::string(select_actions->ColumnText(4));
    f.due = std::string(select_actions->ColumnText(5));
    f.resources = std::string(select_actions->ColumnText(6));
    f.success_evidence = std::string(select_actions->ColumnText(7));
    actions.emplace_back(select_actions->ColumnInt(1), std::move(action));
  }
  std::map<int64_t, Action*> by_id;
  for (auto& [priority_id, action] : actions) by_id[action.id] = &action;

  TENLIK_ASSIGN_OR_RETURN(
      auto select_progress,
      Prepared(db,
               "SELECT g.id, g.action_id, g.day, g.status, g.note FROM review_progress g JOIN "
               "review_actions a ON a.id = g.action_id JOIN review_priorities p ON p.id = "
               "a.priority_id WHERE p.cycle_id = $1 ORDER BY g.day, g.id",
               {cycle_id}));
  while (true) {
    TENLIK_ASSIGN_OR_RETURN(bool row, select_progress->Step());
    if (!row) break;
    std::optional<ActionStatus> status = ParseActionStatus(select_progress->ColumnText(3));
    if (!status) return DataLoss("progress update has an unknown status");
    ProgressUpdate update{select_progress->ColumnInt(0),
                          std::string(select_progress->ColumnText(2)), *status,
                          std::string(select_progress->ColumnText(4))};
    by_id.at(select_progress->ColumnInt(1))->progress.push_back(std::move(update));
  }
  for (auto& [priority_id, action] : actions) {
    priorities.at(priority_id)->actions.push_back(std::move(action));
  }
  return plan;
}

}  // namespace tenlik::review
