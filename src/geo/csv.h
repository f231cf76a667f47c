// Internal: a small reader for the gazetteer's CSV and TSV files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace tenlik::geo::internal {

struct Row {
  int line = 0;                     // 1-based physical line where the row starts
  std::vector<std::string> cells;
};

// Reads a whole file. NotFound / IoError.
Result<std::string> ReadFile(const std::string& path);

// RFC 4180 rows of `text` (comma separated, "" quotes, CRLF or LF); a UTF-8 BOM is
// skipped. DataLoss on an unterminated quote, naming `name` and the line.
Result<std::vector<Row>> ParseCsv(std::string_view text, const std::string& name);

// Tab-separated rows; lines starting with '#' and empty lines are skipped; no quoting.
std::vector<Row> ParseTsv(std::string_view text);

// Splits on '|' and trims spaces; empty parts are dropped.
std::vector<std::string> SplitBar(std::string_view s);

}  // namespace tenlik::geo::internal
