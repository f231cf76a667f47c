// Helpers of the sentiment tests: paths to the shared data and temporary files.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace tenlik::sentiment::testing {

inline std::string KazSandra(const std::string& file) {
  return std::string(TENLIK_SOURCE_DIR) + "/../shared/data/kazsandra/" + file;
}

inline std::string TempDir() {
  std::string templ = ::testing::TempDir() + "tenlik_sentiment_XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) return ::testing::TempDir();
  return templ;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

}  // namespace tenlik::sentiment::testing
