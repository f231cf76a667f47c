// Where the studies shipped with Tenlik are: next to the gazetteer in the data folder.
#include <filesystem>

#include "geo/geo.h"
#include "listen/listen.h"

namespace tenlik::listen {

Result<std::string> DefaultStudiesDir() {
  TENLIK_ASSIGN_OR_RETURN(std::string gazetteer, geo::DefaultGazetteerDir());
  return (std::filesystem::path(gazetteer).parent_path() / "studies").lexically_normal().string();
}

Result<std::string> DefaultStudyPath() {
  TENLIK_ASSIGN_OR_RETURN(std::string studies, DefaultStudiesDir());
  std::filesystem::path path = std::filesystem::path(studies) / "inclusive-education.yaml";
  if (!std::filesystem::exists(path)) {
    return NotFound("the shipped study is not at " + path.string() +
                    "; give one with --study FILE");
  }
  return path.lexically_normal().string();
}

}  // namespace tenlik::listen
