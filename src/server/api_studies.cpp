// Studies, their runs and reports: GET /api/v1/studies[/{study}], POST
// /api/v1/studies/{study}/runs, GET /api/v1/studies/{study}/report[/files[/{file}]].
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "server/internal.h"

namespace tenlik::server {
namespace {

nlohmann::json NamesJson(const listen::Names& names) {
  return {{"en", names.en}, {"ru", names.ru}, {"kk", names.kk}};
}

size_t QueryCount(const listen::Study& study) {
  size_t queries = 0;
  for (const listen::StudySubtopic& subtopic : study.subtopics) queries += subtopic.queries.size();
  return queries;
}

const char* LangCode(Lang lang) {
  return lang == Lang::kKazakh ? "kk" : lang == Lang::kRussian ? "ru" : "en";
}

// The latest run of a study that finished (state done), with its parsed result.
struct FinishedRun {
  jobs::Job job;
  nlohmann::json result;
};

Result<std::optional<FinishedRun>> LatestFinishedRun(store::Connection& db,
                                                     const std::string& study_id) {
  TENLIK_ASSIGN_OR_RETURN(std::vector<jobs::Job> done,
                          jobs::ListJobs(db, {.kind = std::string(kStudyRunKind),
                                              .key = study_id,
                                              .state = jobs::State::kDone,
                                              .limit = 1}));
  if (done.empty()) return std::optional<FinishedRun>();
  auto result = nlohmann::json::parse(done[0].result, nullptr, /*allow_exceptions=*/false);
  if (!result.is_object() || !result.contains("files") || !result["files"].is_object()) {
    return DataLoss("job " + std::to_string(done[0].id) + " has no list of report files");
  }
  return std::optional<FinishedRun>(FinishedRun{std::move(done[0]), std::move(result)});
}

// RUN of docs/api.md, or null.
nlohmann::json RunJson(const std::optional<FinishedRun>& run) {
  if (!run) return nullptr;
  return {{"job", run->job.id},
          {"finished_at", run->job.finished_at.value_or(0)},
          {"posts", run->result.value("posts", int64_t{0})}};
}

// The latest finished run of the study named in the path. Sends 404 study_not_found
// or no_report, or 500, and returns nullopt.
std::optional<FinishedRun> LatestRunForCall(Call& call) {
  const std::string& study_id = call.params["study"];
  if (!LoadStudyForCall(call, study_id)) return std::nullopt;
  auto run = LatestFinishedRun(call.db, study_id);
  if (!run.ok()) {
    SendInternal(call, run.status());
    return std::nullopt;
  }
  if (!*run) {
    SendError(call.res, call.lang, 404, "no_report", "study");
    return std::nullopt;
  }
  return std::move(**run);
}

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open report file " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return IoError("cannot read report file " + path.string());
  return content.str();
}

std::string ContentType(const std::string& name) {
  auto ends_with = [&name](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".json")) return "application/json; charset=utf-8";
  if (ends_with(".csv")) return "text/csv; charset=utf-8";
  if (ends_with(".gexf")) return "application/gexf+xml";
  if (ends_with(".xlsx"))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

// The kind of a report file by its download name, for grouping in a list.
std::string_view FileKind(const std::string& name) {
  std::string_view extension =
      std::string_view(name).substr(std::min(name.rfind('.'), name.size()));
  if (extension == ".html") return "report";
  if (extension == ".json") return "data";
  if (extension == ".xlsx") return "workbook";
  if (extension == ".csv") return "table";
  if (extension == ".gexf") return "network";
  return "other";
}

// Percent-encodes all but RFC 3986's unreserved characters, for a URL path segment.
std::string EncodeSegment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

// Sends one file of a finished run, looked up by its download name; as an attachment
// when `download` (index.html is always shown inline).
void SendReportFile(Call& call, const FinishedRun& run, const std::string& name, bool download) {
  const nlohmann::json& files = run.result["files"];
  auto entry = files.find(name);
  if (entry == files.end() || !entry->is_string()) {
    return SendError(call.res, call.lang, 404, "not_found", "file");
  }
  std::filesystem::path path =
      ReportDir(call.options, run.job.key, run.job.id) / entry->get<std::string>();
  auto content = ReadWholeFile(path);
  if (!content.ok()) return SendInternal(call, content.status());
  call.res.status = 200;
  call.res.set_content(std::move(*content), ContentType(name));
  if (name == "index.html") {
    // The report is one self-contained page with inline CSS and SVG and no script:
    // allow exactly that, sandboxed, and let the application frame it.
    call.res.headers.erase("Content-Security-Policy");
    call.res.headers.erase("X-Frame-Options");
    call.res.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                        "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox");
    call.res.set_header("X-Frame-Options", "SAMEORIGIN");
  } else if (download) {
    call.res.set_header("Content-Disposition",
                        "attachment; filename=\"" + run.job.key + "-" + name + "\"");
  }
}

}  // namespace

void HandleListStudies(Call& call) {
  nlohmann::json studies = nlohmann::json::array();
  for (const std::string& id : StudyIds(call.options)) {
    auto run = LatestFinishedRun(call.db, id);
    if (!run.ok()) return SendInternal(call, run.status());
    nlohmann::json item = {{"id", id}, {"last_run", RunJson(*run)}};
    auto study = listen::LoadStudy(
        (std::filesystem::path(call.options.studies_dir) / (id + ".yaml")).string());
    if (study.ok()) {
      item["name"] = NamesJson(study->name);
      item["queries"] = QueryCount(*study);
    } else {
      // Listed, so that a broken study file is seen and fixed rather than missing.
      item["name"] = NamesJson({id, id, id});
      item["queries"] = 0;
      item["error"] = study.status().message();
    }
    studies.push_back(std::move(item));
  }
  SendJson(call.res, 200, {{"studies", studies}});
}

void HandleGetStudy(Call& call) {
  const std::string& id = call.params["study"];
  std::optional<listen::Study> study = LoadStudyForCall(call, id);
  if (!study) return;
  auto validations = listen::LoadQueryValidations(call.db, *study);
  if (!validations.ok()) return SendInternal(call, validations.status());
  auto run = LatestFinishedRun(call.db, id);
  if (!run.ok()) return SendInternal(call, run.status());
  nlohmann::json queries = nlohmann::json::array();
  for (const listen::StudySubtopic& subtopic : study->subtopics) {
    for (const listen::StudyQuery& query : subtopic.queries) {
      auto validation = validations->find(query.id);
      queries.push_back({{"id", query.id},
                         {"name", NamesJson(query.name)},
                         {"group", subtopic.id},
                         {"expression", query.expression},
                         {"validation", validation == validations->end()
                                            ? nlohmann::json(nullptr)
                                            : ValidationWithId(validation->second)}});
    }
  }
  SendJson(call.res, 200,
           {{"id", id},
            {"name", NamesJson(study->name)},
            {"period", {{"from", study->period_from}, {"to", study->period_to}}},
            {"languages", study->languages},
            {"corpora", study->corpora},
            {"queries", queries},
            {"last_run", RunJson(*run)}});
}

void HandleStartRun(Call& call) {
  const std::string& id = call.params["study"];
  nlohmann::json body = nlohmann::json::object();
  if (!call.req.body.empty()) {
    auto parsed = JsonBody(call);
    if (!parsed) return;
    body = std::move(*parsed);
  }
  bool failed = false;
  std::optional<std::string> lang = StringField(call, body, "lang", &failed);
  if (failed) return;
  if (lang && *lang != "kk" && *lang != "ru" && *lang != "en") {
    return SendError(call.res, call.lang, 400, "invalid_field", "lang");
  }
  if (!LoadStudyForCall(call, id)) return;
  nlohmann::json params = {{"study", id}, {"lang", lang ? *lang : LangCode(call.lang)}};
  auto submitted = jobs::Submit(call.db, kStudyRunKind, id, params.dump());
  if (!submitted.ok()) return SendInternal(call, submitted.status());
  if (!submitted->created) {
    SendError(call.res, call.lang, 409, "job_running", "study");
    nlohmann::json conflict = nlohmann::json::parse(call.res.body);
    conflict["job"] = JobJson(submitted->job);
    return SendJson(call.res, 409, conflict);
  }
  if (call.jobs) call.jobs->Wake();
  Status audited = call.accounts.Audit(call.Actor(), "study_run", id,
                                       "job " + std::to_string(submitted->job.id));
  if (!audited.ok() && call.options.log) call.options.log("error: " + audited.ToString());
  SendJson(call.res, 202, {{"job", JobJson(submitted->job)}});
}

void HandleStudyReport(Call& call) {
  std::optional<FinishedRun> run = LatestRunForCall(call);
  if (run) SendReportFile(call, *run, "results.json", false);
}

void HandleStudyReportFiles(Call& call) {
  std::optional<FinishedRun> run = LatestRunForCall(call);
  if (!run) return;
  static constexpr std::string_view kKindOrder[] = {"report", "data",    "workbook",
                                                    "table",  "network", "other"};
  auto rank = [](std::string_view kind) {
    return std::find(std::begin(kKindOrder), std::end(kKindOrder), kind) - std::begin(kKindOrder);
  };
  std::vector<std::pair<std::string, std::string>> names;  // download name, relative path
  for (const auto& [name, path] : run->result["files"].items()) {
    if (path.is_string()) names.emplace_back(name, path.get<std::string>());
  }
  std::stable_sort(names.begin(), names.end(), [&rank](const auto& a, const auto& b) {
    return rank(FileKind(a.first)) < rank(FileKind(b.first));
  });
  std::filesystem::path dir = ReportDir(call.options, run->job.key, run->job.id);
  std::string base = "/api/v1/studies/" + EncodeSegment(run->job.key) + "/report/files/";
  nlohmann::json files = nlohmann::json::array();
  for (const auto& [name, path] : names) {
    std::error_code error;
    uintmax_t size = std::filesystem::file_size(dir / path, error);
    if (error) {
      return SendInternal(call, IoError("cannot read report file " + (dir / path).string() + ": " +
                                        error.message()));
    }
    files.push_back({{"name", name},
                     {"kind", FileKind(name)},
                     {"size", size},
                     {"content_type", ContentType(name)},
                     {"url", base + EncodeSegment(name)}});
  }
  SendJson(
      call.res, 200,
      {{"job", run->job.id}, {"finished_at", run->job.finished_at.value_or(0)}, {"files", files}});
}

void HandleStudyReportFile(Call& call) {
  std::optional<FinishedRun> run = LatestRunForCall(call);
  if (run) SendReportFile(call, *run, call.params["file"], true);
}

}  // namespace tenlik::server
