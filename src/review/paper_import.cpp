// Paper questionnaires typed into a CSV or XLSX file, imported into an open cycle.
// Bad rows go back to the caller as rejects naming row and column; good rows are
// stored together.
#include <csv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "review/cycle_internal.h"
#include "sheet/sheet.h"

namespace tenlik::review {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // far above any school's paper forms

std::string Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  while (!s.empty() && kSpace.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && kSpace.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return std::string(s);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         Lower(s.substr(s.size() - suffix.size())) == std::string(suffix);
}

// libcsv callbacks collecting records with the line each starts on.
struct CsvState {
  std::vector<sheet::Row> rows;
  std::vector<std::string> fields;
  int64_t record_line = 1;
};

void OnField(void* s, size_t len, void* data) {
  auto* state = static_cast<CsvState*>(data);
  state->fields.emplace_back(static_cast<const char*>(s), len);
}

void OnRowEnd(int, void* data) {
  auto* state = static_cast<CsvState*>(data);
  const bool blank = std::all_of(state->fields.begin(), state->fields.end(),
                                 [](const std::string& f) { return Trim(f).empty(); });
  if (!blank) state->rows.push_back({state->record_line, std::move(state->fields)});
  state->fields.clear();
}

int IsSpace(unsigned char c) { return c == ' '; }
int IsTerm(unsigned char c) { return c == '\n' || c == '\r'; }

// The CSV's records; a row's number is the line it starts on (the header is line 1).
Result<sheet::Sheet> ReadCsv(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return NotFound(path + ": cannot be read: " + error.message());
  if (size > kMaxFileBytes) return InvalidArgument(path + ": larger than 64 MiB");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (text.find('\0') != std::string::npos) {
    return DataLoss(path + ": contains NUL bytes; expected a UTF-8 CSV file");
  }
  const std::string_view first_line = std::string_view(text).substr(0, text.find('\n'));
  const unsigned char delimiter = std::count(first_line.begin(), first_line.end(), ';') >
                                          std::count(first_line.begin(), first_line.end(), ',')
                                      ? ';'
                                      : ',';

  csv_parser parser;
  if (csv_init(&parser, 0) != 0) return Internal("libcsv: cannot initialise");
  csv_set_delim(&parser, delimiter);
  csv_set_space_func(&parser, IsSpace);
  csv_set_term_func(&parser, IsTerm);
  CsvState state;
  int64_t line = 1;
  size_t pos = 0;
  Status status;
  while (pos < text.size()) {
    const size_t newline = text.find('\n', pos);
    const size_t end = newline == std::string::npos ? text.size() : newline + 1;
    if (parser.pstate == 0) state.record_line = line;  // 0: libcsv's ROW_NOT_BEGUN
    if (csv_parse(&parser, text.data() + pos, end - pos, OnField, OnRowEnd, &state) != end - pos) {
      status = DataLoss(path + " line " + std::to_string(line) +
                        ": not CSV: " + csv_strerror(csv_error(&parser)));
      break;
    }
    ++line;
    pos = end;
  }
  if (status.ok()) csv_fini(&parser, OnField, OnRowEnd, &state);
  csv_free(&parser);
  TENLIK_RETURN_IF_ERROR(status);
  return std::move(state.rows);
}

// The XLSX's only sheet, or its sheet named "responses".
Result<sheet::Sheet> ReadWorkbook(const std::string& path) {
  TENLIK_ASSIGN_OR_RETURN(auto sheets, sheet::ReadXlsx(path));
  if (sheets.size() == 1) return std::move(sheets.begin()->second);
  auto responses = sheets.find("responses");
  if (responses != sheets.end()) return std::move(responses->second);
  return InvalidArgument(path + ": expected one sheet, or a sheet named \"responses\"");
}

std::string Joined(const std::vector<std::string>& cells) {
  std::string raw;
  for (size_t i = 0; i < cells.size(); ++i) raw += (i ? "," : "") + cells[i];
  return raw.substr(0, 4096);
}

// An answer as written on paper: its name or its number 1-4 in scale order.
const ResponseOption* ReadAnswer(const std::string& cell) {
  const std::string text = Lower(Trim(cell));
  if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
    return &ResponseScale()[static_cast<size_t>(text[0] - '1')];
  }
  return FindResponse(text);
}

}  // namespace

Result<PaperImport> ImportPaperResponses(store::Connection& db, int64_t cycle_id,
                                         const std::string& path, int64_t now) {
  TENLIK_ASSIGN_OR_RETURN(Cycle cycle, GetCycle(db, cycle_id));
  TENLIK_RETURN_IF_ERROR(internal::RequireOpen(cycle));
  TENLIK_ASSIGN_OR_RETURN(Instrument instrument, internal::CycleInstrument(db, cycle));
  sheet::Sheet rows;
  if (EndsWith(path, ".xlsx")) {
    TENLIK_ASSIGN_OR_RETURN(rows, ReadWorkbook(path));
  } else if (EndsWith(path, ".csv")) {
    TENLIK_ASSIGN_OR_RETURN(rows, ReadCsv(path));
  } else {
    return InvalidArgument(path + ": expected a .csv or .xlsx file");
  }
  if (rows.empty()) return InvalidArgument(path + ": empty; expected a header row");

  // The header: `group` and question ids, each once.
  const std::set<std::string> questions = internal::QuestionIds(instrument);
  const sheet::Row& header = rows.front();
  std::vector<std::string> columns;
  int group_column = -1;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = Trim(header.cells[i]);
    const std::string where = path + " row " + std::to_string(header.number) + ", column " +
                              sheet::ColumnName(i) + " \"" + name + "\": ";
    if (std::find(columns.begin(), columns.end(), name) != columns.end()) {
      return InvalidArgument(where + "repeated");
    }
    if (name == "group") {
      group_column = static_cast<int>(i);
    } else if (!questions.contains(name)) {
      return InvalidArgument(where + "expected \"group\" or a question id of instrument " +
                             instrument.id + " version " + std::to_string(instrument.version));
    }
    columns.push_back(name);
  }
  if (group_column < 0) {
    return InvalidArgument(path + " row " + std::to_string(header.number) +
                           ": expected a column \"group\"");
  }

  const std::vector<std::string>& groups = GroupsFor(cycle.unit.kind);
  PaperImport result;
  std::vector<std::pair<std::string, Answers>> good;
  for (size_t r = 1; r < rows.size(); ++r) {
    const sheet::Row& row = rows[r];
    ++result.rows;
    auto reject = [&](const std::string& column, const std::string& reason) {
      result.rejects.push_back(
          {path, row.number, static_cast<int64_t>(r - 1), column, reason, Joined(row.cells)});
    };
    if (row.cells.size() > columns.size()) {
      reject("", "more cells than the header's " + std::to_string(columns.size()) + " columns");
      continue;
    }
    const std::string group = static_cast<size_t>(group_column) < row.cells.size()
                                  ? Lower(Trim(row.cells[static_cast<size_t>(group_column)]))
                                  : "";
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
      std::string expected;
      for (const std::string& g : groups) expected += (expected.empty() ? "" : ", ") + g;
      reject("group", "unknown group \"" + group + "\": expected one of " + expected);
      continue;
    }
    Answers answers;
    bool bad = false;
    for (size_t c = 0; c < row.cells.size() && !bad; ++c) {
      if (static_cast<int>(c) == group_column || Trim(row.cells[c]).empty()) continue;
      const ResponseOption* option = ReadAnswer(row.cells[c]);
      if (option == nullptr) {
        reject(columns[c], "unknown answer \"" + Trim(row.cells[c]) +
                               "\": expected agree, agree_to_some_extent, disagree, "
                               "need_more_information or 1-4, or blank");
        bad = true;
      } else {
        answers[columns[c]] = option->response;
      }
    }
    if (bad) continue;
    if (answers.empty()) {
      reject("", "no question answered");
      continue;
    }
    good.emplace_back(group, std::move(answers));
  }
  TENLIK_RETURN_IF_ERROR(internal::InTransaction(db, [&]() -> Status {
    return internal::InsertResponses(db, cycle_id, good, internal::DayOf(now));
  }));
  result.imported = static_cast<int64_t>(good.size());
  return result;
}

}  // namespace tenlik::review
