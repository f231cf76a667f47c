// The studies the API offers: the *.yaml files of one folder, named by file stem.
#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

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

// When a file was last written and its size; nullopt when it cannot be read.
using FileStamp = std::pair<std::filesystem::file_time_type, uintmax_t>;
std::optional<FileStamp> StampOf(const std::string& path) {
  std::error_code error;
  auto time = std::filesystem::last_write_time(path, error);
  if (error) return std::nullopt;
  auto size = std::filesystem::file_size(path, error);
  if (error) return std::nullopt;
  return FileStamp{time, size};
}

// Parsing a study, its queries and lexicons takes longer than answering most
// requests, so loaded studies are kept while the study file and its lexicons stay
// as they were.
class StudyCache {
 public:
  Result<listen::Study> Load(const std::string& path) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = entries_.find(path);
      if (it != entries_.end() && Unchanged(it->second)) return it->second.study;
    }
    TENLIK_ASSIGN_OR_RETURN(listen::Study study, listen::LoadStudy(path));
    Entry entry{{}, study};
    for (const std::string& file : Files(path, study)) {
      std::optional<FileStamp> stamp = StampOf(file);
      if (!stamp) return study;  // changing under us: not worth keeping
      entry.stamps.emplace_back(file, *stamp);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    entries_[path] = std::move(entry);
    return study;
  }

 private:
  struct Entry {
    std::vector<std::pair<std::string, FileStamp>> stamps;
    listen::Study study;
  };

  static std::vector<std::string> Files(const std::string& path, const listen::Study& study) {
    std::vector<std::string> files = study.lexicons;
    files.push_back(path);
    return files;
  }

  static bool Unchanged(const Entry& entry) {
    return std::all_of(entry.stamps.begin(), entry.stamps.end(),
                       [](const auto& stamp) { return StampOf(stamp.first) == stamp.second; });
  }

  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

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
  static StudyCache cache;
  Result<listen::Study> study = cache.Load(path.string());
  if (!study.ok()) {
    SendInternal(call, study.status());
    return std::nullopt;
  }
  return std::move(study).value();
}

}  // namespace tenlik::server
