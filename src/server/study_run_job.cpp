// The background job "study_run": a study of the studies folder run into
// <reports dir>/<study>/<job id>/, with the files a client may download.
#include <algorithm>
#include <filesystem>

#include "server/internal.h"

namespace tenlik::server {
namespace {

namespace fs = std::filesystem;

// Download name -> path relative to the run's folder: the report's files, and each
// csv/<name>.csv as csv-<name>.csv (a download name has no '/').
Result<nlohmann::json> DownloadableFiles(const fs::path& out_dir,
                                         const std::vector<std::string>& written) {
  nlohmann::json files = nlohmann::json::object();
  for (const std::string& path : written) {
    fs::path file(path);
    std::error_code error;
    if (!fs::is_directory(file, error)) {
      files[file.filename().string()] = fs::relative(file, out_dir).generic_string();
      continue;
    }
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(file, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".csv") {
        names.push_back(entry.path().filename().string());
      }
    }
    if (error) return IoError("cannot list " + file.string() + ": " + error.message());
    std::sort(names.begin(), names.end());
    std::string folder = fs::relative(file, out_dir).generic_string();
    for (const std::string& name : names) files[folder + "-" + name] = folder + "/" + name;
  }
  return files;
}

}  // namespace

std::string DefaultReportsDir(const std::string& store_location) {
  if (!store::IsFileLocation(store_location)) return "tenlik-reports";
  return (fs::path(store_location).parent_path() / "tenlik-reports").string();
}

fs::path ReportDir(const Options& options, const std::string& study_id, int64_t job_id) {
  return fs::path(options.reports_dir) / study_id / std::to_string(job_id);
}

namespace {

// The report folder of the newest finished run of the study, when its results
// are still there ("" otherwise): each run's report compares itself with it.
std::string PreviousRunDir(const Options& options, jobs::JobContext& context,
                           const std::string& study_id) {
  jobs::JobFilter filter;
  filter.kind = std::string(kStudyRunKind);
  filter.key = study_id;
  filter.state = jobs::State::kDone;
  filter.limit = 1;
  Result<std::vector<jobs::Job>> done = jobs::ListJobs(context.db(), filter);
  if (!done.ok() || done->empty()) return "";
  fs::path dir = ReportDir(options, study_id, done->front().id);
  std::error_code error;
  return fs::exists(dir / "results.json", error) ? dir.string() : "";
}

}  // namespace

Result<std::string> RunStudyJob(const Options& options, const jobs::Job& job,
                                jobs::JobContext& context) {
  auto params = nlohmann::json::parse(job.params, nullptr, /*allow_exceptions=*/false);
  if (!params.is_object() || !params.contains("study") || !params["study"].is_string()) {
    return InvalidArgument("job " + std::to_string(job.id) + " names no study");
  }
  std::string study_id = params["study"];
  std::vector<std::string> ids = StudyIds(options);
  if (std::find(ids.begin(), ids.end(), study_id) == ids.end()) {
    return NotFound("study " + study_id + " is no longer in the studies folder");
  }
  TENLIK_ASSIGN_OR_RETURN(
      listen::Study study,
      listen::LoadStudy((fs::path(options.studies_dir) / (study_id + ".yaml")).string()));

  listen::StudyRunOptions run;
  fs::path out_dir = ReportDir(options, study_id, job.id);
  run.out_dir = out_dir.string();
  run.lang = params.contains("lang") && params["lang"].is_string() ? params["lang"] : "en";
  run.on_stage = [&context](const std::string& stage) { context.Stage(stage); };
  run.annotate.on_progress = [&context](int64_t done, int64_t total) {
    context.Progress(done, total);
  };
  run.annotate.cancel = &context.cancel();
  run.compare_with = PreviousRunDir(options, context, study_id);
  TENLIK_ASSIGN_OR_RETURN(listen::StudyRunReport report,
                          listen::RunStudy(context.db(), study, run));
  TENLIK_ASSIGN_OR_RETURN(nlohmann::json files, DownloadableFiles(out_dir, report.files));
  nlohmann::json result = {{"posts", report.posts},
                           {"original_posts", report.original_posts},
                           {"lang", run.lang},
                           {"files", files}};
  return result.dump();
}

}  // namespace tenlik::server
