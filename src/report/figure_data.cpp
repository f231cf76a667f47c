// A figure's data as a table (for the HTML data table, CSV and XLSX), validation of
// a report, and the chart colours.
#include <array>
#include <set>

#include "report/internal.h"

namespace tenlik::report::internal {
namespace {

bool HasInterval(const Series& s) {
  for (size_t i = 0; i < s.low.size() && i < s.high.size(); ++i) {
    if (s.low[i] || s.high[i]) return true;
  }
  return false;
}

Cell NumberCell(const std::vector<std::optional<double>>& v, size_t i) {
  Cell c;
  if (i < v.size() && v[i]) c.number = *v[i];
  return c;
}

Cell TextCell(std::string s) {
  Cell c;
  c.text = std::move(s);
  return c;
}

bool ValidId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

}  // namespace

DataTable FigureData(const Figure& f, std::string_view lang) {
  DataTable t;
  const bool map = f.kind == ChartKind::kTileMap;
  if (map) {
    t.columns = {Text(Msg::kCode, lang), Text(Msg::kRegion, lang)};
    t.label_columns = 2;
  } else {
    t.columns = {Text(Msg::kCategory, lang)};
  }
  std::vector<bool> interval;
  for (const Series& s : f.series) {
    t.columns.push_back(s.name);
    interval.push_back(HasInterval(s));
    if (interval.back()) {
      t.columns.push_back(Format(Msg::kLow, lang, {s.name}));
      t.columns.push_back(Format(Msg::kHigh, lang, {s.name}));
    }
  }
  const bool flags = map && !f.flags.empty();
  if (flags) t.columns.push_back(Text(Msg::kRemark, lang));

  // A tile map lists every unit, in grid order of the codes given, then the rest.
  std::vector<std::pair<std::string, std::optional<size_t>>> order;  // label, index
  for (size_t i = 0; i < f.categories.size(); ++i) order.emplace_back(f.categories[i], i);
  if (map) {
    for (const Tile& tile : KazakhstanTiles()) {
      bool present = false;
      for (const std::string& c : f.categories) present = present || c == tile.iso;
      if (!present) order.emplace_back(tile.iso, std::nullopt);
    }
  }
  for (const auto& [label, index] : order) {
    std::vector<Cell> row;
    row.push_back(TextCell(label));
    if (map) {
      const Tile* tile = FindTile(label);
      row.push_back(TextCell(tile ? FullName(*tile, lang) : ""));
    }
    for (size_t s = 0; s < f.series.size(); ++s) {
      const Series& series = f.series[s];
      const size_t i = index.value_or(SIZE_MAX);
      row.push_back(NumberCell(series.values, i));
      if (interval[s]) {
        row.push_back(NumberCell(series.low, i));
        row.push_back(NumberCell(series.high, i));
      }
    }
    if (flags) {
      auto it = f.flags.find(label);
      row.push_back(it == f.flags.end() ? Cell{} : TextCell(it->second));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Status Validate(const Report& report) {
  std::set<std::string> ids;
  auto check_id = [&](const std::string& id, const std::string& what) -> Status {
    if (!ValidId(id)) {
      return InvalidArgument(what + " id \"" + id + "\" must be non-empty [a-z0-9_-]");
    }
    if (!ids.insert(id).second) {
      return InvalidArgument(what + " id \"" + id + "\" is used twice (file names would clash)");
    }
    return Status::Ok();
  };
  for (const Section& section : report.sections) {
    for (const Block& block : section.blocks) {
      const int set = block.paragraph.has_value() + block.figure.has_value() + block.table.has_value();
      if (set != 1) {
        return InvalidArgument("a block of section \"" + section.id +
                               "\" must hold exactly one of paragraph, figure, table");
      }
      if (block.figure) {
        const Figure& f = *block.figure;
        TENLIK_RETURN_IF_ERROR(check_id(f.id, "figure"));
        for (const Series& s : f.series) {
          const size_t n = f.categories.size();
          if (s.values.size() != n || (!s.low.empty() && s.low.size() != n) ||
              (!s.high.empty() && s.high.size() != n)) {
            return InvalidArgument("figure \"" + f.id + "\": series \"" + s.name + "\" has " +
                                   std::to_string(s.values.size()) + " values for " +
                                   std::to_string(n) + " categories (low/high: same or none)");
          }
        }
      }
      if (block.table) {
        const Table& t = *block.table;
        TENLIK_RETURN_IF_ERROR(check_id(t.id, "table"));
        for (const auto& row : t.rows) {
          if (row.size() > t.columns.size()) {
            return InvalidArgument("table \"" + t.id + "\": a row has more cells than columns");
          }
        }
      }
    }
  }
  return Status::Ok();
}

const Colour& SeriesColour(size_t i) {
  // Okabe & Ito (2008), ordered so that neighbours differ in lightness too, then
  // grey and two of Paul Tol's muted colours, so that a chart with up to 11 series
  // (e.g. nine platforms) never shows two series in the same colour.
  static constexpr std::array<Colour, 11> kPalette = {{
      {"#0072B2", "#ffffff"},  // blue
      {"#E69F00", "#000000"},  // orange
      {"#009E73", "#000000"},  // bluish green
      {"#CC79A7", "#000000"},  // reddish purple
      {"#56B4E9", "#000000"},  // sky blue
      {"#D55E00", "#000000"},  // vermillion
      {"#000000", "#ffffff"},  // black
      {"#F0E442", "#000000"},  // yellow
      {"#999999", "#000000"},  // grey
      {"#882255", "#ffffff"},  // wine
      {"#332288", "#ffffff"},  // indigo
  }};
  return kPalette[i % kPalette.size()];
}

const Colour& SequentialColour(size_t cls, size_t classes) {
  // ColorBrewer YlGnBu, 5 classes (colour-blind safe, prints in grey).
  static constexpr std::array<Colour, 5> kRamp = {{
      {"#ffffcc", "#000000"},
      {"#a1dab4", "#000000"},
      {"#41b6c4", "#000000"},
      {"#2c7fb8", "#ffffff"},
      {"#253494", "#ffffff"},
  }};
  if (classes <= 1) return kRamp[2];
  const size_t idx = cls * (kRamp.size() - 1) / (classes - 1);
  return kRamp[std::min(idx, kRamp.size() - 1)];
}

}  // namespace tenlik::report::internal
