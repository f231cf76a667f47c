// WriteXlsx: one workbook (libxlsxwriter). The first sheet is "About" (in the
// report's language): title, subtitle, caveat and a linked list of the other sheets
// with their notes; then one sheet per table and per figure's data, with a bold
// frozen header row, numbers as numbers and fitted column widths.
//
// The workbook is written to "<path>.tmp" and renamed on success, so a failure never
// leaves a half-written file at `path`. Every libxlsxwriter error becomes a Status.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "report/internal.h"
#include "report/report.h"

namespace tenlik::report {
namespace {

using internal::CleanUtf8;
using internal::CodePoints;
using internal::Msg;

constexpr size_t kMaxSheetName = 31;  // UTF-16 units, Excel's limit
constexpr size_t kMaxCellBytes = 32767;

// Lower-cases ASCII and Cyrillic (incl. Kazakh letters) for Excel's case-insensitive
// comparison of sheet names.
std::string Fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
      else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
      else if (cp >= 0x460 && cp <= 0x4BF && cp % 2 == 0) cp += 1;
      else if (cp >= 0x4D0 && cp <= 0x4FF && cp % 2 == 0) cp += 1;
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

// The longest prefix of `s` (whole code points) of at most `units` UTF-16 units.
std::string CutUnits(std::string_view s, size_t units) {
  size_t n = 0, i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    const size_t u = c >= 0xF0 ? 2 : 1;
    if (n + u > units) break;
    n += u;
    i += len;
  }
  return std::string(s.substr(0, i));
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\'')) ++b;
  return s.substr(b);
}

// A valid, unique sheet name from `title` (or `fallback` when nothing is left).
std::string SheetName(const std::string& title, const std::string& fallback, std::set<std::string>& used) {
  std::string clean;
  for (char c : CleanUtf8(title)) {
    const bool bad = std::string_view("[]:*?/\\").find(c) != std::string_view::npos || c == '\n' ||
                     c == '\r' || c == '\t';
    const char put = bad ? ' ' : c;
    if (put == ' ' && !clean.empty() && clean.back() == ' ') continue;
    clean += put;
  }
  clean = Trim(CutUnits(Trim(clean), kMaxSheetName));
  if (clean.empty()) clean = CutUnits(fallback, kMaxSheetName);
  if (clean.empty()) clean = "Sheet";
  std::string name = clean;
  for (int k = 2; used.count(Fold(name)) > 0; ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    name = Trim(CutUnits(clean, kMaxSheetName - suffix.size())) + suffix;
  }
  used.insert(Fold(name));
  return name;
}

std::string CellText(std::string_view s) {
  std::string t = CleanUtf8(s);
  if (t.size() <= kMaxCellBytes) return t;
  size_t cut = kMaxCellBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return t.substr(0, cut) + "\xE2\x80\xA6";
}

class Writer {
 public:
  Writer(std::string path, std::string lang) : path_(std::move(path)), lang_(std::move(lang)) {}
  ~Writer() {
    if (wb_ != nullptr) {
      workbook_close(wb_);  // frees it; the temporary file is removed below
      std::error_code ignored;
      std::filesystem::remove(tmp_, ignored);
    }
  }

  Status Run(const Report& r);

 private:
  Status Check(lxw_error err, const std::string& what) const {
    if (err == LXW_NO_ERROR) return Status::Ok();
    return IoError("cannot write " + path_ + " (" + what + "): " + lxw_strerror(err));
  }
  Status Str(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* f,
             const std::string& sheet) {
    if (s.empty()) return Status::Ok();
    return Check(worksheet_write_string(ws, row, col, CellText(s).c_str(), f), "sheet " + sheet);
  }
  Status Num(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, const std::string& sheet) {
    return Check(worksheet_write_number(ws, row, col, v, nullptr), "sheet " + sheet);
  }
  Result<lxw_worksheet*> AddSheet(const std::string& name) {
    const lxw_error err = workbook_validate_sheet_name(wb_, name.c_str());
    TENLIK_RETURN_IF_ERROR(Check(err, "sheet name \"" + name + "\""));
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (ws == nullptr) return Internal("cannot write " + path_ + ": cannot add sheet \"" + name + "\"");
    return ws;
  }
  // Header, rows, widths, frozen header and the note below the data.
  Status DataSheet(lxw_worksheet* ws, const std::string& sheet, const std::vector<std::string>& columns,
                   const std::vector<std::vector<internal::Cell>>& rows, const std::string& note);

  std::string path_, lang_, tmp_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* note_ = nullptr;
  lxw_format* link_ = nullptr;
};

Status Writer::DataSheet(lxw_worksheet* ws, const std::string& sheet, const std::vector<std::string>& columns,
                         const std::vector<std::vector<internal::Cell>>& rows, const std::string& note) {
  std::vector<size_t> width(std::max<size_t>(columns.size(), 1), 8);
  for (size_t c = 0; c < columns.size(); ++c) {
    TENLIK_RETURN_IF_ERROR(Str(ws, 0, static_cast<lxw_col_t>(c), columns[c], bold_, sheet));
    width[c] = std::max(width[c], CodePoints(columns[c]) + 2);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r + 1 >= LXW_ROW_MAX) return InvalidArgument("cannot write " + path_ + ": sheet " + sheet + " has too many rows");
    for (size_t c = 0; c < rows[r].size() && c < LXW_COL_MAX; ++c) {
      const internal::Cell& cell = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      size_t shown = 0;
      if (cell.number) {
        TENLIK_RETURN_IF_ERROR(Num(ws, row, col, *cell.number, sheet));
        shown = internal::PlainNumber(*cell.number).size();
      } else if (cell.text) {
        TENLIK_RETURN_IF_ERROR(Str(ws, row, col, *cell.text, nullptr, sheet));
        shown = CodePoints(*cell.text);
      }
      if (c >= width.size()) width.resize(c + 1, 8);
      width[c] = std::max(width[c], shown + 2);
    }
  }
  for (size_t c = 0; c < width.size() && c < LXW_COL_MAX; ++c) {
    const double w = static_cast<double>(std::min<size_t>(width[c], 60));
    TENLIK_RETURN_IF_ERROR(Check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr),
                                 "sheet " + sheet));
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!columns.empty() && !rows.empty()) {
    TENLIK_RETURN_IF_ERROR(Check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()),
                                                      static_cast<lxw_col_t>(columns.size() - 1)),
                                 "sheet " + sheet));
  }
  if (!note.empty()) {
    TENLIK_RETURN_IF_ERROR(Str(ws, static_cast<lxw_row_t>(rows.size() + 2), 0, note, note_, sheet));
  }
  return Status::Ok();
}

Status Writer::Run(const Report& r) {
  tmp_ = path_ + ".tmp";
  wb_ = workbook_new(tmp_.c_str());
  if (wb_ == nullptr) return Internal("cannot write " + path_ + ": libxlsxwriter could not create a workbook");
  bold_ = workbook_add_format(wb_);
  title_ = workbook_add_format(wb_);
  wrap_ = workbook_add_format(wb_);
  note_ = workbook_add_format(wb_);
  link_ = workbook_add_format(wb_);
  if (!bold_ || !title_ || !wrap_ || !note_ || !link_) return Internal("cannot write " + path_ + ": out of memory");
  format_set_bold(bold_);
  format_set_bold(title_);
  format_set_font_size(title_, 14);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  format_set_italic(note_);
  format_set_underline(link_, LXW_UNDERLINE_SINGLE);
  format_set_font_color(link_, LXW_COLOR_BLUE);
  format_set_align(link_, LXW_ALIGN_VERTICAL_TOP);

  std::string doc_title = CellText(r.title);
  lxw_doc_properties props{};
  props.title = doc_title.data();
  static char creator[] = "Tenlik";
  props.author = creator;
  TENLIK_RETURN_IF_ERROR(Check(workbook_set_properties(wb_, &props), "properties"));

  std::set<std::string> used = {"history"};
  const std::string about = SheetName(internal::Text(Msg::kAbout, lang_), "About", used);
  TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * about_ws, AddSheet(about));

  struct Entry {
    std::string sheet, title, note;
  };
  std::vector<Entry> entries;
  for (const Section& section : r.sections) {
    for (const Block& block : section.blocks) {
      if (block.table) {
        const Table& t = *block.table;
        const std::string name = SheetName(t.title, t.id, used);
        TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * ws, AddSheet(name));
        std::vector<std::vector<internal::Cell>> rows;
        for (const auto& row : t.rows) {
          std::vector<internal::Cell> cells;
          for (const std::string& text : row) {
            internal::Cell c;
            if (auto v = internal::ParseNumber(text)) {
              c.number = v;
            } else if (!text.empty()) {
              c.text = text;
            }
            cells.push_back(std::move(c));
          }
          rows.push_back(std::move(cells));
        }
        TENLIK_RETURN_IF_ERROR(DataSheet(ws, name, t.columns, rows, t.note));
        entries.push_back({name, t.title, t.note});
      }
      if (block.figure) {
        const Figure& f = *block.figure;
        const std::string name = SheetName(f.title, f.id, used);
        TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * ws, AddSheet(name));
        const internal::DataTable data = internal::FigureData(f, lang_);
        std::string note = f.note;
        if (!f.value_label.empty()) note = f.value_label + (note.empty() ? "" : ". " + note);
        TENLIK_RETURN_IF_ERROR(DataSheet(ws, name, data.columns, data.rows, note));
        entries.push_back({name, f.title, note});
      }
    }
  }

  // The About sheet.
  TENLIK_RETURN_IF_ERROR(Check(worksheet_set_column(about_ws, 0, 0, 34, wrap_), about));
  TENLIK_RETURN_IF_ERROR(Check(worksheet_set_column(about_ws, 1, 1, 50, wrap_), about));
  TENLIK_RETURN_IF_ERROR(Check(worksheet_set_column(about_ws, 2, 2, 90, wrap_), about));
  lxw_row_t row = 0;
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 0, r.title, title_, about));
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 0, r.subtitle, nullptr, about));
  ++row;
  if (!r.caveat.empty()) {
    TENLIK_RETURN_IF_ERROR(Str(about_ws, row, 0, internal::Text(Msg::kCaveat, lang_), bold_, about));
    const std::string caveat = CellText(r.caveat);
    TENLIK_RETURN_IF_ERROR(
        Check(worksheet_merge_range(about_ws, row, 1, row, 2, caveat.c_str(), wrap_), about));
    const double lines = std::ceil(static_cast<double>(CodePoints(caveat)) / 140.0);
    TENLIK_RETURN_IF_ERROR(Check(worksheet_set_row(about_ws, row, 15.0 * std::max(1.0, lines) + 3, nullptr), about));
    row += 2;
  }
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 0, internal::Text(Msg::kSheets, lang_), bold_, about));
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row, 0, internal::Text(Msg::kSheet, lang_), bold_, about));
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row, 1, internal::Text(Msg::kTitle, lang_), bold_, about));
  TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 2, internal::Text(Msg::kNote, lang_), bold_, about));
  for (const Entry& e : entries) {
    std::string quoted;
    for (char c : e.sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    const std::string url = "internal:'" + quoted + "'!A1";
    TENLIK_RETURN_IF_ERROR(Check(worksheet_write_url_opt(about_ws, row, 0, url.c_str(), link_, e.sheet.c_str(), nullptr),
                                 about));
    TENLIK_RETURN_IF_ERROR(Str(about_ws, row, 1, e.title, wrap_, about));
    TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 2, e.note, wrap_, about));
  }
  if (!r.footer.empty()) {
    ++row;
    TENLIK_RETURN_IF_ERROR(Str(about_ws, row++, 0, internal::Text(Msg::kFooter, lang_), bold_, about));
    const std::string footer = CellText(r.footer);
    TENLIK_RETURN_IF_ERROR(Check(worksheet_merge_range(about_ws, row, 0, row, 2, footer.c_str(), wrap_), about));
  }
  worksheet_activate(about_ws);

  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::error_code ignored;
    std::filesystem::remove(tmp_, ignored);
    return IoError("cannot write " + path_ + ": " + lxw_strerror(err));
  }
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp_, ignored);
    return IoError("cannot write " + path_ + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

Status WriteXlsx(const Report& report, const std::string& path) {
  Status valid = internal::Validate(report);
  if (!valid.ok()) return Status(valid.code(), path + ": " + valid.message());
  // libxlsxwriter only finds out at the end, and prints to stderr: check first.
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(parent.empty() ? "." : parent, ec)) {
    return IoError("cannot write " + path + ": folder " + parent.string() + " does not exist");
  }
  Writer w(path, report.lang);
  return w.Run(report);
}

}  // namespace tenlik::report
