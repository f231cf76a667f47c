// Internal to src/report: helpers shared by the HTML, CSV and XLSX writers.
// Nothing here is part of the module's contract (see report.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/report.h"

namespace tenlik::report::internal {

// ---- text (text_util.cpp) ----

// Valid UTF-8 for `s`: invalid sequences become U+FFFD and C0 control characters
// other than TAB, LF and CR are dropped (they are not allowed in HTML, XML or XLSX).
std::string CleanUtf8(std::string_view s);

// Escapes & < > " ' for HTML text, HTML attribute values and SVG/XML (the same
// escaping is right in all three contexts); also applies CleanUtf8.
std::string Escape(std::string_view s);

// Number of Unicode code points of valid UTF-8 `s`.
size_t CodePoints(std::string_view s);

// The first `max` code points of `s`, with "…" appended when it was cut.
std::string Ellipsize(std::string_view s, size_t max);

// Display number for `lang` ("en": "12,345.6"; "ru"/"kk": "12 345,6" with U+202F
// between groups and a decimal comma); a negative number gets U+2212.
std::string FormatNumber(double v, std::string_view lang, int decimals);

// A sensible number of decimals to show all of `values` (0 when all are whole).
int ChooseDecimals(const std::vector<double>& values);

// The shortest text that reads back as `v` ("0.1", "12345"): for CSV.
std::string PlainNumber(double v);

// Parses a whole cell as a number ("12", "-3.5", "1e3", surrounding spaces allowed).
// Not a number: empty text, "inf"/"nan", a leading '+', or a leading zero before a
// digit ("007", an identifier).
std::optional<double> ParseNumber(std::string_view cell);

// Decimals written in a numeric cell ("3.50" -> 2).
int DecimalsWritten(std::string_view cell);

// ---- interface texts (strings.cpp) ----

enum class Msg {
  kContents, kCaveat, kSkip, kDataTable, kNoData, kCategory, kCode, kRegion, kRemark,
  kLow, kHigh, kInterval, kLine, kBar, kStacked, kTileMap, kDescCounts, kDescTail,
  kAbout, kSheet, kTitle, kNote, kSheets, kFooter, kMissingGap, kSeries, kGenerated,
};

// The text of `m` in `lang` (kk, ru; anything else is English).
const char* Text(Msg m, std::string_view lang);

// `Text(m, lang)` with every "{}" replaced in order by `args`.
std::string Format(Msg m, std::string_view lang, const std::vector<std::string>& args);

// ---- tile map (tile_map.cpp) ----

struct Tile {
  const char* iso;            // "KZ-75"
  int col, row;               // position in the grid, 0-based, west->east, north->south
  const char* short_en;
  const char* short_ru;
  const char* short_kk;
  const char* name_en;
  const char* name_ru;
  const char* name_kk;
};

// The 20 units of Kazakhstan (borders of June 2022), in ISO code order.
const std::vector<Tile>& KazakhstanTiles();
inline constexpr int kTileCols = 7;
inline constexpr int kTileRows = 5;

// The tile of `iso`, or nullptr.
const Tile* FindTile(std::string_view iso);
std::string ShortName(const Tile& t, std::string_view lang);
std::string FullName(const Tile& t, std::string_view lang);

// ---- figure data (figure_data.cpp) ----

// One cell of a figure's data table: text, a number, or missing (neither).
struct Cell {
  std::optional<std::string> text;
  std::optional<double> number;
};

// A figure's data as a table: category column(s), one column per series and, for a
// series with an interval, its low and high columns.
struct DataTable {
  std::vector<std::string> columns;
  int label_columns = 1;      // leading columns that label the row (text)
  std::vector<std::vector<Cell>> rows;
};
DataTable FigureData(const Figure& figure, std::string_view lang);

// InvalidArgument when an id is not [a-z0-9_-]+ or is used twice among figures and
// tables, or when a series does not line up with its figure's categories.
Status Validate(const Report& report);

// Chart colours (Okabe–Ito, colour-blind safe, then grey and two of Tol's: 11 before
// they repeat) and the text colour readable on each.
struct Colour {
  const char* fill;
  const char* text;
};
const Colour& SeriesColour(size_t i);

// ---- charts (svg_charts.cpp) ----

// The SVG of one chart of `figure` (for kTileMap: of series `series_index`),
// with role="img", aria-label, <title> and <desc>. `dom_id` is unique in the page.
std::string RenderSvg(const Figure& figure, std::string_view lang, const std::string& dom_id,
                      size_t series_index = 0);

// Tile map classes: the upper bounds of each colour class over all series.
struct TileScale {
  std::vector<double> bounds;     // bounds[i] = largest value in class i (ascending)
  std::vector<double> class_min;  // smallest value in class i
  double min = 0;
  int decimals = 0;
  int ClassOf(double v) const;
};
TileScale MakeTileScale(const Figure& figure);
const Colour& SequentialColour(size_t cls, size_t classes);
inline constexpr const char* kMissingFill = "#d9d9d9";

// ---- files ----

// Writes `data` to `path` through a temporary file in the same folder, then renames
// it. IoError naming `path`.
Status WriteFileAtomically(const std::string& path, std::string_view data);

}  // namespace tenlik::report::internal
