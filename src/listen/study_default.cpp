// Where the study shipped with Tenlik is: next to the gazetteer in the data folder.
#include <filesystem>

#include "geo/geo.h"
#include "listen/listen.h"

namespace tenlik::listen {

Result<std::string> DefaultStudyPath() {
  TENLIK_ASSIGN_OR_RETURN(std::string gazetteer, geo::DefaultGazetteerDir());
  std::filesystem::path path =
      std::filesystem::path(gazetteer).parent_path() / "studies" / "inclusive-education.yaml";
  if (!std::filesystem::exists(path)) {
    return NotFound("the shipped study is not at " + path.string() +
                    "; give one with --study FILE");
  }
  return path.lexically_normal().string();
}

}  // namespace tenlik::listen
