// Public API of sheet/: reading an XLSX workbook back as plain cell text, for the
// modules that import spreadsheets (listen's labelling sheets, review's XLSForm
// instruments). Formatting, formulas and styles are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace tenlik::sheet {

// One row of a worksheet: `number` is the spreadsheet row (1-based, as the user sees
// it); cells[0] is column A, as text (numbers as written in the file, an empty string
// for a blank cell before the last filled one).
struct Row {
  int64_t number = 0;
  std::vector<std::string> cells;
};
using Sheet = std::vector<Row>;

// Reads every worksheet of the workbook at `path`, by sheet name, with libzip and
// libxml2; rows without any filled cell are left out. NotFound when the file is
// missing, DataLoss naming the file and part when it is not a readable XLSX workbook
// (parts over 256 MiB are refused).
Result<std::map<std::string, Sheet>> ReadXlsx(const std::string& path);

// The spreadsheet name of 0-based column `index`: 0 -> "A", 26 -> "AA".
std::string ColumnName(size_t index);

}  // namespace tenlik::sheet
