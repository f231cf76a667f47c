// Query validation in the web application: a study query's sample of hits with the
// labels stored so far, labelling one post, and the query's precision.
#include <charconv>

#include "server/internal.h"

namespace tenlik::server {
namespace {

// Seeds are shown in JavaScript, whose numbers hold whole numbers exactly to 2^53 - 1.
constexpr int64_t kMaxSeed = (int64_t{1} << 53) - 1;

// The study and its query named by the path; sends 404 and returns nullopt when
// either is unknown.
struct StudyQueryCall {
  listen::Study study;
  const listen::StudyQuery* query = nullptr;
};

std::optional<StudyQueryCall> FindStudyQueryForCall(Call& call) {
  std::optional<listen::Study> study = LoadStudyForCall(call, call.params["study"]);
  if (!study) return std::nullopt;
  StudyQueryCall found{std::move(*study), nullptr};
  auto query = listen::FindStudyQuery(found.study, call.params["query"]);
  if (!query.ok()) {
    SendError(call.res, call.lang, 404, "query_not_found", "query");
    return std::nullopt;
  }
  found.query = *query;
  return found;
}

// The query's validation as JSON, null when it was never validated; nullopt after
// sending 500 when the store fails.
std::optional<nlohmann::json> StoredValidation(Call& call, const StudyQueryCall& found) {
  auto all = listen::LoadQueryValidations(call.db, found.study);
  if (!all.ok()) {
    SendInternal(call, all.status());
    return std::nullopt;
  }
  auto it = all->find(found.query->id);
  return it == all->end() ? nlohmann::json(nullptr) : ValidationWithId(it->second);
}

nlohmann::json LabelJson(std::optional<listen::ValidationLabel> label) {
  if (!label || *label == listen::ValidationLabel::kUnlabelled) return nullptr;
  return listen::ValidationLabelName(*label);
}

}  // namespace

nlohmann::json ValidationWithId(const listen::QueryValidation& validation) {
  nlohmann::json j = listen::ValidationJson(validation);
  j["query_id"] = validation.query_id;
  return j;
}

void HandleQuerySample(Call& call) {
  std::optional<int64_t> size = IntParam(call, "size", 1, 1000, 100);
  if (!size) return;
  std::optional<int64_t> seed = IntParam(call, "seed", 0, kMaxSeed, 1);
  if (!seed) return;
  std::optional<StudyQueryCall> found = FindStudyQueryForCall(call);
  if (!found) return;
  listen::ValidationSampleOptions options;
  options.sample = static_cast<size_t>(*size);
  options.seed = static_cast<uint64_t>(*seed);
  auto sample = listen::SampleQueryHits(call.db, found->study, found->query->id, options);
  if (!sample.ok()) return SendInternal(call, sample.status());
  auto labels = listen::LoadValidationLabels(call.db, found->study, found->query->id);
  if (!labels.ok()) return SendInternal(call, labels.status());
  std::optional<nlohmann::json> validation = StoredValidation(call, *found);
  if (!validation) return;
  nlohmann::json items = nlohmann::json::array();
  for (const listen::ValidationItem& item : sample->items) {
    auto label = labels->find(item.post_id);
    items.push_back({{"post_id", item.post_id},
                     {"lang", item.lang},
                     {"date", item.date},
                     {"platform", item.platform},
                     {"before", item.before},
                     {"hit", item.hit},
                     {"after", item.after},
                     {"label", LabelJson(label == labels->end() ? std::nullopt
                                                                : std::optional(label->second))}});
  }
  SendJson(call.res, 200,
           {{"query_id", sample->query_id},
            {"query_hash", sample->query_hash},
            {"expression", sample->query_expression},
            {"hits", sample->hits},
            {"seed", sample->seed},
            {"items", items},
            {"validation", *validation}});
}

void HandleSetLabel(Call& call) {
  std::optional<StudyQueryCall> found = FindStudyQueryForCall(call);
  if (!found) return;
  const std::string& post_text = call.params["post_id"];
  int64_t post_id = 0;
  auto [end, error] =
      std::from_chars(post_text.data(), post_text.data() + post_text.size(), post_id);
  if (error != std::errc() || end != post_text.data() + post_text.size() || post_id <= 0) {
    return SendError(call.res, call.lang, 404, "not_a_hit", "post_id");
  }
  std::optional<nlohmann::json> body = JsonBody(call);
  if (!body) return;
  auto label_field = body->find("label");
  listen::ValidationLabel label = listen::ValidationLabel::kUnlabelled;
  if (label_field == body->end()) {
    return SendError(call.res, call.lang, 400, "invalid_field", "label");
  } else if (label_field->is_string() && *label_field == "relevant") {
    label = listen::ValidationLabel::kRelevant;
  } else if (label_field->is_string() && *label_field == "not_relevant") {
    label = listen::ValidationLabel::kNotRelevant;
  } else if (!label_field->is_null()) {
    return SendError(call.res, call.lang, 400, "invalid_field", "label");
  }
  std::string source = "web:" + call.session->user;
  if (auto seed = body->find("seed"); seed != body->end()) {
    if (!seed->is_number_unsigned() || seed->get<uint64_t>() > static_cast<uint64_t>(kMaxSeed)) {
      return SendError(call.res, call.lang, 400, "invalid_field", "seed");
    }
    source += " seed " + std::to_string(seed->get<uint64_t>());
  }
  listen::ValidationLabelOptions options;
  options.now = call.options.clock ? call.options.clock() : 0;
  options.source = source;
  auto validation =
      listen::SetValidationLabel(call.db, found->study, found->query->id, post_id, label, options);
  if (!validation.ok()) {
    if (validation.status().code() == StatusCode::kNotFound) {
      return SendError(call.res, call.lang, 404, "not_a_hit", "post_id");
    }
    return SendInternal(call, validation.status());
  }
  SendJson(call.res, 200, {{"validation", ValidationWithId(*validation)}});
}

void HandleQueryValidation(Call& call) {
  std::optional<StudyQueryCall> found = FindStudyQueryForCall(call);
  if (!found) return;
  std::optional<nlohmann::json> validation = StoredValidation(call, *found);
  if (!validation) return;
  if (validation->is_null()) return SendError(call.res, call.lang, 404, "not_validated", "query");
  SendJson(call.res, 200, *validation);
}

}  // namespace tenlik::server
