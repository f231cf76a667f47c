// Reads the tab-separated test tables under tests/data/query/.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tenlik::query::testing {

struct TsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

// Rows of `name` (under tests/data/query/), skipping lines that start with '#'.
inline std::vector<TsvRow> ReadTsv(const std::string& name) {
  std::ifstream in(std::string(TENLIK_SOURCE_DIR) + "/tests/data/query/" + name);
  std::vector<TsvRow> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = number;
    std::string cell;
    std::stringstream ss(line);
    while (std::getline(ss, cell, '\t')) row.cells.push_back(cell);
    if (!line.empty() && line.back() == '\t') row.cells.push_back("");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace tenlik::query::testing
