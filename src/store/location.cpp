#include <cstdlib>

#include "store/postgres_url.h"
#include "store/store.h"

namespace tenlik::store {

std::string ResolveLocation(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("TENLIK_STORE");
  if (env != nullptr && *env != '\0') return env;
  return "tenlik.db";
}

bool IsFileLocation(const std::string& location) { return !IsPostgresUrl(location); }

std::string PrintableLocation(const std::string& location) {
  if (!IsPostgresUrl(location)) return location;
  return MaskSecrets(location, ParsePostgresUrl(location));
}

}  // namespace tenlik::store
