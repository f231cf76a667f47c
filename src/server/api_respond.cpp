// Respondents of a review cycle: POST /api/v1/respond/open, PUT /api/v1/respond/draft,
// POST /api/v1/respond/submit. No session: the access code travels in the JSON body
// (never in a URL, so never in a log line or a Referer), and nothing written here
// links an answer to a code.
#include "review/review.h"
#include "server/internal.h"
#include "server/review_json.h"

namespace tenlik::server {
namespace {

// The access code of the body, once the client is not refused for failed attempts.
// Sends 429 rate_limited, 400 invalid_json / invalid_field, or 404 code_not_found
// for a malformed code (the same answer as for an unknown one), and returns nullopt.
std::optional<std::string> CodeOfBody(Call& call, const nlohmann::json& body) {
  if (int64_t wait = call.code_attempts->RetryAfter(call.req.remote_addr, call.Now()); wait > 0) {
    call.res.set_header("Retry-After", std::to_string(wait));
    SendError(call.res, call.lang, 429, "rate_limited");
    return std::nullopt;
  }
  bool failed = false;
  auto code = StringField(call, body, "code", &failed);
  if (failed) return std::nullopt;
  if (!code) {
    SendError(call.res, call.lang, 400, "invalid_field", "code");
    return std::nullopt;
  }
  if (!review::NormaliseCode(*code).ok()) {
    call.code_attempts->RecordFailure(call.req.remote_addr, call.Now());
    SendError(call.res, call.lang, 404, "code_not_found");
    return std::nullopt;
  }
  return code;
}

// The "answers" member: {question id: answer name}. Sends 400 invalid_answers and
// returns nullopt when it is missing or holds something else.
std::optional<review::Answers> AnswersOfBody(Call& call, const nlohmann::json& body) {
  auto member = body.find("answers");
  if (member == body.end() || !member->is_object()) {
    SendError(call.res, call.lang, 400, "invalid_answers", "answers");
    return std::nullopt;
  }
  review::Answers answers;
  for (const auto& [question, value] : member->items()) {
    const review::ResponseOption* option =
        value.is_string() ? review::FindResponse(value.get<std::string>()) : nullptr;
    if (!option) {
      SendError(call.res, call.lang, 400, "invalid_answers", "answers");
      return std::nullopt;
    }
    answers[question] = option->response;
  }
  return answers;
}

// Sends the error of a review call on a well-formed code; an unknown code counts as
// a failed attempt of the client.
void SendRespondError(Call& call, const Status& status) {
  if (status.code() == StatusCode::kNotFound) {
    call.code_attempts->RecordFailure(call.req.remote_addr, call.Now());
  }
  SendReviewError(call, status, "code_not_found", "invalid_answers");
}

nlohmann::json QuestionsJson(const review::Instrument& instrument, bool student) {
  nlohmann::json questions = nlohmann::json::array();
  for (const review::Dimension& dimension : instrument.dimensions) {
    auto add = [&](const review::Indicator& indicator) {
      for (const review::Question& question : indicator.questions) {
        questions.push_back({{"id", question.id},
                             {"text", TextJson(student ? question.student : question.adult)},
                             {"dimension", TextJson(dimension.title)},
                             {"indicator", TextJson(indicator.title)}});
      }
    };
    for (const review::Section& section : dimension.sections) {
      for (const review::Indicator& indicator : section.indicators) add(indicator);
    }
    for (const review::Indicator& indicator : dimension.indicators) add(indicator);
  }
  return questions;
}

nlohmann::json ScaleJson() {
  nlohmann::json scale = nlohmann::json::array();
  for (const review::ResponseOption& option : review::ResponseScale()) {
    scale.push_back({{"name", option.name}, {"label", TextJson(option.label)}});
  }
  return scale;
}

nlohmann::json AnswersJson(const review::Answers& answers) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [question, response] : answers) {
    json[question] = review::ResponseScale()[static_cast<size_t>(response)].name;
  }
  return json;
}

struct CodeAndAnswers {
  std::string code;
  review::Answers answers;
};

// {code, answers} of a draft or submit body; an error sent and nullopt when not that.
std::optional<CodeAndAnswers> CodeAndAnswersOfBody(Call& call) {
  auto body = JsonBody(call);
  if (!body) return std::nullopt;
  auto code = CodeOfBody(call, *body);
  if (!code) return std::nullopt;
  auto answers = AnswersOfBody(call, *body);
  if (!answers) return std::nullopt;
  return CodeAndAnswers{std::move(*code), std::move(*answers)};
}

}  // namespace

void HandleRespondOpen(Call& call) {
  auto body = JsonBody(call);
  if (!body) return;
  auto code = CodeOfBody(call, *body);
  if (!code) return;
  auto view = review::OpenWithCode(call.db, *code);
  if (!view.ok()) return SendRespondError(call, view.status());
  const review::Text* group_label = review::GroupLabel(view->group);
  SendJson(call.res, 200,
           {{"cycle", {{"label", view->cycle_label}, {"unit_name", view->unit_name}}},
            {"group", view->group},
            {"group_label", group_label ? TextJson(*group_label) : nlohmann::json(nullptr)},
            {"instrument",
             {{"id", view->instrument.id},
              {"version", view->instrument.version},
              {"title", TextJson(view->instrument.title)}}},
            {"questions", QuestionsJson(view->instrument, view->group == "students")},
            {"scale", ScaleJson()},
            {"draft", AnswersJson(view->draft)}});
}

void HandleRespondDraft(Call& call) {
  auto request = CodeAndAnswersOfBody(call);
  if (!request) return;
  Status saved = review::SaveDraft(call.db, request->code, request->answers);
  if (!saved.ok()) return SendRespondError(call, saved);
  call.res.status = 204;
}

void HandleRespondSubmit(Call& call) {
  auto request = CodeAndAnswersOfBody(call);
  if (!request) return;
  Status submitted = review::SubmitResponse(call.db, request->code, request->answers, call.Now());
  if (!submitted.ok()) return SendRespondError(call, submitted);
  call.res.status = 204;
}

}  // namespace tenlik::server
