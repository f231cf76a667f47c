#include "geo/csv.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace tenlik::geo::internal {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return NotFound(path + ": no such file");
    return IoError(path + ": " + std::strerror(errno));
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return out.str();
}

Result<std::vector<Row>> ParseCsv(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Row> rows;
  Row row;
  std::string cell;
  int line = 1;
  row.line = 1;
  bool quoted = false;       // inside a quoted field
  bool any = false;          // the current row has content
  int quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        quoted = true;
        quote_line = line;
        any = true;
        break;
      case ',':
        row.cells.push_back(std::move(cell));
        cell.clear();
        any = true;
        break;
      case '\r':
        break;
      case '\n':
        if (any || !cell.empty()) {
          row.cells.push_back(std::move(cell));
          rows.push_back(std::move(row));
        }
        cell.clear();
        row = Row();
        any = false;
        ++line;
        row.line = line;
        break;
      default:
        cell.push_back(c);
        any = true;
    }
  }
  if (quoted) {
    return DataLoss(name + ":" + std::to_string(quote_line) + ": unterminated quoted field");
  }
  if (any || !cell.empty()) {
    row.cells.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Row> ParseTsv(std::string_view text) {
  std::vector<Row> rows;
  int line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') continue;
    Row row;
    row.line = line;
    size_t start = 0;
    while (true) {
      size_t tab = l.find('\t', start);
      if (tab == std::string_view::npos) {
        row.cells.emplace_back(l.substr(start));
        break;
      }
      row.cells.emplace_back(l.substr(start, tab - start));
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    std::string_view part = s.substr(start, bar - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = bar + 1;
  }
  return out;
}

}  // namespace tenlik::geo::internal
