// Internal to src/review: helpers shared by the cycle, response and results files.
// Nothing here is part of the module's contract (see review.h).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "review/review.h"

namespace tenlik::review::internal {

// A new random access code, normalised (10 characters of the code alphabet).
std::string GenerateCode();
// The hex BLAKE2b-256 hash of a normalised code: what the store keeps.
std::string HashCode(std::string_view normalised_code);
// "ABCDEFGHJK" -> "ABCDE-FGHJK".
std::string PrintableCode(std::string_view normalised_code);

// {"A1.1.a":"agree",...} in question id order, and back. DataLoss when the stored
// text is not that.
std::string AnswersToJson(const Answers& answers);
Result<Answers> AnswersFromJson(std::string_view json);

// Every question id of the instrument.
std::set<std::string> QuestionIds(const Instrument& instrument);
// InvalidArgument naming the first answered question that is not in the instrument.
Status CheckQuestions(const Instrument& instrument, const Answers& answers);

// "YYYY-MM-DD" (UTC) of Unix seconds `now`: the only time a response keeps.
std::string DayOf(int64_t now);

// Runs `body` in a transaction: committed when it returns ok, rolled back otherwise.
Status InTransaction(store::Connection& db, const std::function<Status()>& body);

// The cycle's stored instrument.
Result<Instrument> CycleInstrument(store::Connection& db, const Cycle& cycle);

// {"kk", "ru", "en"} of a text, and the cycle as CycleToJson writes it.
nlohmann::json TextJson(const Text& text);
nlohmann::json CycleObject(const Cycle& cycle);

// FailedPrecondition when the cycle is closed.
Status RequireOpen(const Cycle& cycle);

// Adds checked responses (group, answers) of the day `day` to the cycle; run inside a
// transaction: it reads the cycle's state again there, so that responses never land
// in a cycle closed meanwhile (FailedPrecondition).
Status InsertResponses(store::Connection& db, int64_t cycle_id,
                       const std::vector<std::pair<std::string, Answers>>& responses,
                       const std::string& day);

}  // namespace tenlik::review::internal
