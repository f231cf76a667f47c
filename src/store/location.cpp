#include <cstdlib>

#include "store/store.h"

namespace tenlik::store {

std::string ResolveLocation(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("TENLIK_STORE");
  if (env != nullptr && *env != '\0') return env;
  return "tenlik.db";
}

}  // namespace tenlik::store
