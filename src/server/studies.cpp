// The studies the API offers: the *.yaml files of one folder, named by file stem.
#include <algorithm>
#include <filesystem>

#include "server/internal.h"

namespace tenlik::server {
namespace {

// Ids come from URLs: letters, digits, '.', '_', '-' and no leading dot, so an id
// can never name a path outside the folder.
bool IsStudyId(std::string_view id) {
  if (id.empty() || id.size() > 128 || id.front() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace

std::vector<std::string> StudyIds(const Options& options) {
  std::vector<std::string> ids;
  std::error_code error;
  if (options.studies_dir.empty()) return ids;
  for (const auto& entry : std::filesystem::directory_iterator(options.studies_dir, error)) {
    const std::filesystem::path& path = entry.path();
    std::string stem = path.stem().string();
    if (path.extension() == ".yaml" && entry.is_regular_file() && IsStudyId(stem)) {
      ids.push_back(stem);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<listen::Study> LoadStudyForCall(Call& call, const std::string& id) {
  std::filesystem::path path = std::filesystem::path(call.options.studies_dir) / (id + ".yaml");
  if (call.options.studies_dir.empty() || !IsStudyId(id) ||
      !std::filesystem::is_regular_file(path)) {
    SendError(call.res, call.lang, 404, "study_not_found", "study");
    return std::nullopt;
  }
  Result<listen::Study> study = listen::LoadStudy(path.string());
  if (!study.ok()) {
    SendInternal(call, study.status());
    return std::nullopt;
  }
  return std::move(study).value();
}

}  // namespace tenlik::server
