// WriteCsv: one CSV file per table and per figure's data. UTF-8 with a BOM (so that
// spreadsheet programs read Cyrillic), RFC 4180 quoting, CRLF line ends.
#include <filesystem>

#include "report/internal.h"
#include "report/report.h"

namespace tenlik::report {
namespace {

using internal::Cell;

// RFC 4180 field. Text that a spreadsheet would run as a formula (starting with
// = + - @ or a tab/CR, and not a number) gets a leading apostrophe.
std::string Field(std::string_view raw) {
  std::string s = internal::CleanUtf8(raw);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
      !internal::ParseNumber(s)) {
    s.insert(0, 1, '\'');
  }
  const bool quote = s.find_first_of(",\"\r\n") != std::string::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void AppendRow(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += Field(cells[i]);
  }
  out += "\r\n";
}

std::string TableCsv(const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  AppendRow(out, t.columns);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells = row;
    cells.resize(std::max(cells.size(), t.columns.size()));
    AppendRow(out, cells);
  }
  return out;
}

std::string FigureCsv(const Figure& f, std::string_view lang) {
  const internal::DataTable data = internal::FigureData(f, lang);
  std::string out = "\xEF\xBB\xBF";
  AppendRow(out, data.columns);
  for (const auto& row : data.rows) {
    std::vector<std::string> cells;
    for (const Cell& c : row) {
      cells.push_back(c.number ? internal::PlainNumber(*c.number) : c.text.value_or(""));
    }
    AppendRow(out, cells);
  }
  return out;
}

}  // namespace

Status WriteCsv(const Report& report, const std::string& dir) {
  Status valid = internal::Validate(report);
  if (!valid.ok()) return Status(valid.code(), dir + ": " + valid.message());
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return IoError("cannot create folder " + dir + ": " + (ec ? ec.message() : "not a folder"));
  }
  for (const Section& section : report.sections) {
    for (const Block& block : section.blocks) {
      if (block.table) {
        const std::string path = (std::filesystem::path(dir) / (block.table->id + ".csv")).string();
        TENLIK_RETURN_IF_ERROR(internal::WriteFileAtomically(path, TableCsv(*block.table)));
      }
      if (block.figure) {
        const std::string path = (std::filesystem::path(dir) / (block.figure->id + ".csv")).string();
        TENLIK_RETURN_IF_ERROR(internal::WriteFileAtomically(path, FigureCsv(*block.figure, report.lang)));
      }
    }
  }
  return Status::Ok();
}

}  // namespace tenlik::report
