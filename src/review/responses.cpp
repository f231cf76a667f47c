// Answering with an access code (draft, submit) and storing anonymous responses.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

// The code's row, read by the hash of the normalised code.
struct CodeRow {
  int64_t id = 0;
  int64_t cycle_id = 0;
  std::string group;
  bool used = false;
  Answers draft;
};

Result<CodeRow> FindCode(store::Connection& db, std::string_view code) {
  TENLIK_ASSIGN_OR_RETURN(std::string normalised, NormaliseCode(code));
  TENLIK_ASSIGN_OR_RETURN(auto select,
                          db.Prepare("SELECT id, cycle_id, group_name, used, draft FROM "
                                     "review_codes WHERE code_hash = $1"));
  TENLIK_RETURN_IF_ERROR(select->Bind(1, internal::HashCode(normalised)));
  TENLIK_ASSIGN_OR_RETURN(bool row, select->Step());
  if (!row) return NotFound("no such access code");
  CodeRow found;
  found.id = select->ColumnInt(0);
  found.cycle_id = select->ColumnInt(1);
  found.group = std::string(select->ColumnText(2));
  found.used = select->ColumnInt(3) != 0;
  if (!select->ColumnIsNull(4)) {
    TENLIK_ASSIGN_OR_RETURN(found.draft, internal::AnswersFromJson(select->ColumnText(4)));
  }
  return found;
}

// The code's row and cycle when the code may still answer.
Result<std::pair<CodeRow, Cycle>> UsableCode(store::Connection& db, std::string_view code) {
  TENLIK_ASSIGN_OR_RETURN(CodeRow row, FindCode(db, code));
  if (row.used)
    return Status(StatusCode::kAlreadyExists, "this access code has already been used to submit");
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, row.cycle_id));
  TENLIK_RETURN_IF_ERROR(internal::RequireOpen(cycle));
  return std::make_pair(std::move(row), std::move(cycle));
}

Answers Merged(Answers draft, const Answers& answers) {
  for (const auto& [question, response] : answers) draft[question] = response;
  return draft;
}

}  // namespace

namespace internal {

std::string AnswersToJson(const Answers& answers) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [question, response] : answers) {
    json[question] = ResponseScale()[static_cast<size_t>(response)].name;
  }
  return json.dump();
}

Result<Answers> AnswersFromJson(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return DataLoss("stored answers are not a JSON object");
  Answers answers;
  for (const auto& [question, value] : json.items()) {
    const ResponseOption* option =
        value.is_string() ? FindResponse(value.get<std::string>()) : nullptr;
    if (option == nullptr) return DataLoss("stored answer to " + question + " is not an answer");
    answers.emplace(question, option->response);
  }
  return answers;
}

std::set<std::string> QuestionIds(const Instrument& instrument) {
  std::set<std::string> ids;
  for (const Indicator* indicator : Indicators(instrument)) {
    for (const Question& question : indicator->questions) ids.insert(question.id);
  }
  return ids;
}

Status CheckQuestions(const Instrument& instrument, const Answers& answers) {
  const std::set<std::string> ids = QuestionIds(instrument);
  for (const auto& [question, response] : answers) {
    if (!ids.contains(question)) {
      return InvalidArgument("question '" + question + "' is not in instrument " + instrument.id +
                             " version " + std::to_string(instrument.version));
    }
  }
  return Status::Ok();
}

}  // namespace internal

Result<RespondentView> OpenWithCode(store::Connection& db, std::string_view code) {
  TENLIK_ASSIGN_OR_RETURN(auto usable, UsableCode(db, code));
  RespondentView view;
  view.cycle_label = usable.second.label;
  view.unit_name = usable.second.unit.name;
  view.group = usable.first.group;
  view.draft = std::move(usable.first.draft);
  TENLIK_ASSIGN_OR_RETURN(view.instrument, internal::CycleInstrument(db, usable.second));
  return view;
}

Status SaveDraft(store::Connection& db, std::string_view code, const Answers& answers) {
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(auto usable, UsableCode(db, code));
    TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, usable.second));
    TENLIK_RETURN_IF_ERROR(internal::CheckQuestions(instrument, answers));
    TENLIK_ASSIGN_OR_RETURN(
        auto save, db.Prepare("UPDATE review_codes SET draft = $2 WHERE id = $1 AND used = 0"));
    TENLIK_RETURN_IF_ERROR(save->Bind(1, usable.first.id));
    TENLIK_RETURN_IF_ERROR(
        save->Bind(2, internal::AnswersToJson(Merged(usable.first.draft, answers))));
    return save->Step().status();
  });
}

Status SubmitResponse(store::Connection& db, std::string_view code, const Answers& answers,
                      int64_t now) {
  return internal::InTransaction(db, [&]() -> Status {
    TENLIK_ASSIGN_OR_RETURN(auto usable, UsableCode(db, code));
    TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, usable.second));
    const Answers merged = Merged(usable.first.draft, answers);
    TENLIK_RETURN_IF_ERROR(internal::CheckQuestions(instrument, merged));
    if (merged.empty()) return InvalidArgument("nothing is answered");
    // The guard in the WHERE clause makes a concurrent second submit change no row.
    TENLIK_ASSIGN_OR_RETURN(
        auto use, db.Prepare("UPDATE review_codes SET used = 1, draft = NULL WHERE id = $1 AND "
                             "used = 0 AND cycle_id IN (SELECT id FROM review_cycles WHERE "
                             "state = 'open')"));
    TENLIK_RETURN_IF_ERROR(use->Bind(1, usable.first.id));
    TENLIK_RETURN_IF_ERROR(use->Step().status());
    if (use->ChangedRows() != 1) {
      return Status(StatusCode::kAlreadyExists, "this access code has already been used to submit");
    }
    TENLIK_ASSIGN_OR_RETURN(auto insert,
                            db.Prepare("INSERT INTO review_responses (cycle_id, group_name, day, "
                                       "answers) VALUES ($1, $2, $3, $4)"));
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, usable.second.id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, usable.first.group));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, internal::DayOf(now)));
    TENLIK_RETURN_IF_ERROR(insert->Bind(4, internal::AnswersToJson(merged)));
    return insert->Step().status();
  });
}

Status AddResponses(store::Connection& db, int64_t cycle_id, const std::string& group,
                    const std::vector<Answers>& responses, int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  TENLIK_RETURN_IF_ERROR(internal::RequireOpen(cycle));
  const std::vector<std::string>& groups = GroupsFor(cycle.unit.kind);
  if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
    return InvalidArgument("group '" + group + "' is not a group of this cycle");
  }
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, cycle));
  std::vector<std::pair<std::string, Answers>> rows;
  rows.reserve(responses.size());
  for (const Answers& answers : responses) {
    TENLIK_RETURN_IF_ERROR(internal::CheckQuestions(instrument, answers));
    if (answers.empty()) return InvalidArgument("a response without any answer");
    rows.emplace_back(group, answers);
  }
  return internal::InTransaction(db, [&]() -> Status {
    return internal::InsertResponses(db, cycle_id, rows, internal::DayOf(now));
  });
}

namespace internal {

Status InsertResponses(store::Connection& db, int64_t cycle_id,
                       const std::vector<std::pair<std::string, Answers>>& responses,
                       const std::string& day) {
  TENLIK_ASSIGN_OR_RETURN(auto state, db.Prepare("SELECT state FROM review_cycles WHERE id = $1"));
  TENLIK_RETURN_IF_ERROR(state->Bind(1, cycle_id));
  TENLIK_ASSIGN_OR_RETURN(bool found, state->Step());
  const bool open = found && state->ColumnText(0) == "open";
  if (found) TENLIK_RETURN_IF_ERROR(state->Step().status());  // finish it before the inserts
  if (!open) {
    return FailedPrecondition("cycle " + std::to_string(cycle_id) + " is closed");
  }
  TENLIK_ASSIGN_OR_RETURN(auto insert,
                          db.Prepare("INSERT INTO review_responses (cycle_id, group_name, day, "
                                     "answers) VALUES ($1, $2, $3, $4)"));
  for (const auto& [group, answers] : responses) {
    TENLIK_RETURN_IF_ERROR(insert->Reset());
    TENLIK_RETURN_IF_ERROR(insert->Bind(1, cycle_id));
    TENLIK_RETURN_IF_ERROR(insert->Bind(2, group));
    TENLIK_RETURN_IF_ERROR(insert->Bind(3, day));
    TENLIK_RETURN_IF_ERROR(insert->Bind(4, AnswersToJson(answers)));
    TENLIK_RETURN_IF_ERROR(insert->Step().status());
  }
  return Status::Ok();
}

}  // namespace internal

}  // namespace tenlik::review
