// Helpers of the text tests: reading data files under the repository root.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tenlik::text::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(TENLIK_SOURCE_DIR) + "/" + relative;
}

// Lines of a file (without the newline); empty when the file cannot be read.
inline std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Splits `line` at the first tab.
inline std::pair<std::string, std::string> SplitTab(const std::string& line) {
  size_t tab = line.find('\t');
  if (tab == std::string::npos) return {line, ""};
  return {line.substr(0, tab), line.substr(tab + 1)};
}

}  // namespace tenlik::text::testing
