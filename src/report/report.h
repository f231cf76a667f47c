// Public API of report rendering, shared by all modules: a report is built as data
// (sections of text, figures and tables, already in the reader's language) and then
// rendered to one self-contained HTML file, CSV files and one XLSX workbook.
//
// The module knows nothing about listening or reviews: callers translate their
// results into these structures. Every figure and table carries a `note` saying what
// it counts, out of what, and for which period, as DESIGN.md requires.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace tenlik::report {

// One named series of a chart: values aligned with Figure::categories. A missing
// value (nullopt) is drawn as a gap, never as zero.
struct Series {
  std::string name;
  std::vector<std::optional<double>> values;
  // Optional 95 % interval per value (same length as values, or empty).
  std::vector<std::optional<double>> low, high;
};

enum class ChartKind {
  kLine,          // categories are time periods in order
  kBar,           // one bar group per category
  kStackedBar,    // shares that add up per category
  kTileMap,       // Kazakhstan's 20 units as tiles; categories are ISO 3166-2 codes
};

struct Figure {
  std::string id;                       // stable, [a-z0-9_-]; used for file names and anchors
  std::string title;
  ChartKind kind = ChartKind::kBar;
  std::vector<std::string> categories;  // x axis labels, or ISO codes for kTileMap
  std::vector<Series> series;
  std::string value_label;              // e.g. "posts per 100,000 people"
  std::string note;                     // what it counts, out of what, period, caveats
  // For kTileMap: category -> text shown on the tile besides the value (e.g. "thin data").
  std::map<std::string, std::string> flags;
};

struct Table {
  std::string id;                       // stable, [a-z0-9_-]; the CSV file is <id>.csv
  std::string title;
  std::vector<std::string> columns;
  // Cells as text; a cell that parses as a number is written as a number in XLSX.
  std::vector<std::vector<std::string>> rows;
  std::string note;
};

struct Block {
  // Exactly one of these is set.
  std::optional<std::string> paragraph;
  std::optional<Figure> figure;
  std::optional<Table> table;
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Block> blocks;
};

struct Report {
  std::string lang;          // "kk", "ru" or "en": the HTML lang attribute
  std::string title;
  std::string subtitle;      // e.g. study name, period, date of the run
  std::string caveat;        // shown prominently at the top (e.g. not representative)
  std::vector<Section> sections;
  std::string footer;        // sources, licences, citations
};

// Writes `report` as one HTML file that opens offline: styles and charts (SVG) are
// inline, no script or font is fetched, and it prints well. IoError when the file
// cannot be written.
Status WriteHtml(const Report& report, const std::string& path);

// Writes every table of `report` as `<dir>/<table id>.csv` (UTF-8 with BOM so that
// spreadsheet programs read Cyrillic correctly, RFC 4180 quoting), and every figure's
// data as `<dir>/<figure id>.csv`. Creates `dir` if needed.
Status WriteCsv(const Report& report, const std::string& dir);

// Writes one XLSX workbook with a sheet per table and per figure's data, plus a first
// sheet with the report's title, caveat and each sheet's note (libxlsxwriter).
Status WriteXlsx(const Report& report, const std::string& path);

}  // namespace tenlik::report
