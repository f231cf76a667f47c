// The reject file: JSON lines, one per record that was not stored (docs/ingest.md).
#include <fstream>
#include <nlohmann/json.hpp>

#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::listen {

std::string RejectsPathFor(const std::string& store_location) {
  return store::IsFileLocation(store_location) ? store_location + ".rejects.jsonl"
                                               : "tenlik.rejects.jsonl";
}

Status AppendRejects(const std::vector<Reject>& rejects, const std::string& path) {
  if (rejects.empty()) return Status::Ok();
  std::ofstream out(path, std::ios::app);
  if (!out) return IoError("cannot write reject file " + path);
  for (const Reject& r : rejects) {
    nlohmann::json line = {{"file", r.file},   {"line", r.line},     {"record", r.record},
                           {"field", r.field}, {"reason", r.reason}, {"raw", r.raw}};
    // Invalid UTF-8 in `raw` (a record rejected for it) becomes U+FFFD, not an error.
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  out.flush();
  if (!out) return IoError("cannot write reject file " + path);
  return Status::Ok();
}

}  // namespace tenlik::listen
