// DefaultModelPath: where the CLI looks for a model when none is given.
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <sys/stat.h>

#include "sentiment/sentiment.h"

namespace tenlik::sentiment {
namespace {

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string path(buf, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string DefaultModelPath() {
  const char* env = std::getenv("TENLIK_SENTIMENT_MODEL");
  if (env != nullptr && *env != '\0') return env;
  const std::string dir = ExecutableDir();
  const std::string beside = dir + "/models/sentiment.bin";
  const std::string installed = dir + "/../share/tenlik/models/sentiment.bin";
  if (!Exists(beside) && Exists(installed)) return installed;
  return beside;
}

}  // namespace tenlik::sentiment
