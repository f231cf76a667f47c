// SVG charts: line (with interval ribbons), horizontal bars (with error bars),
// stacked horizontal bars, and the tile map of Kazakhstan. Every chart scales with
// its viewBox; text is escaped; missing values are gaps, never zero.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/internal.h"

namespace tenlik::report::internal {
namespace {

constexpr double kWidth = 640;
constexpr const char* kInk = "#222222";
constexpr const char* kMuted = "#595959";  // 7:1 on white
constexpr const char* kGrid = "#dddddd";

// A coordinate: at most one decimal, no trailing zeros.
std::string N(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

// Estimated width in px of `s` at `font_px` (average glyph ~0.58 em).
double TextWidth(std::string_view s, double font_px) {
  return static_cast<double>(CodePoints(s)) * font_px * 0.62;
}

constexpr double kLabelMax = 190;

// A category label of a bar chart, cut to fit kLabelMax at 14 px.
std::string FitLabel(std::string_view s) {
  return Ellipsize(s, static_cast<size_t>(kLabelMax / (14 * 0.62)));
}

struct Axis {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;
  std::vector<double> ticks;
};

// "Nice" ticks (1, 2, 5 x 10^k) covering [lo, hi], which always includes 0.
Axis NiceAxis(double lo, double hi, int target = 5) {
  Axis a;
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo < 1e-12) hi = lo + 1;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  a.step = step;
  a.lo = std::floor(lo / step + 1e-9) * step;
  a.hi = std::ceil(hi / step - 1e-9) * step;
  for (double t = a.lo; t <= a.hi + step * 1e-6; t += step) a.ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
  a.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  return a;
}

struct Range {
  double lo = 0, hi = 0;
  bool any = false;
  void Add(const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return;
    lo = any ? std::min(lo, *v) : *v;
    hi = any ? std::max(hi, *v) : *v;
    any = true;
  }
};

std::optional<double> At(const std::vector<std::optional<double>>& v, size_t i) {
  return i < v.size() ? v[i] : std::nullopt;
}

std::vector<double> AllValues(const Figure& f, bool with_intervals) {
  std::vector<double> out;
  for (const Series& s : f.series) {
    for (size_t i = 0; i < f.categories.size(); ++i) {
      for (auto v : {At(s.values, i), with_intervals ? At(s.low, i) : std::nullopt,
                     with_intervals ? At(s.high, i) : std::nullopt}) {
        if (v && std::isfinite(*v)) out.push_back(*v);
      }
    }
  }
  return out;
}

std::string KindName(ChartKind k, std::string_view lang) {
  switch (k) {
    case ChartKind::kLine: return Text(Msg::kLine, lang);
    case ChartKind::kBar: return Text(Msg::kBar, lang);
    case ChartKind::kStackedBar: return Text(Msg::kStacked, lang);
    case ChartKind::kTileMap: return Text(Msg::kTileMap, lang);
  }
  return "";
}

std::string Open(const Figure& f, std::string_view lang, const std::string& id, double height,
                 const std::string& title) {
  std::string desc = KindName(f.kind, lang) + ". " +
                     Format(Msg::kDescCounts, lang,
                            {std::to_string(f.series.size()), std::to_string(f.categories.size())});
  if (!f.value_label.empty()) desc += " " + f.value_label + ".";
  desc += std::string(" ") + Text(Msg::kDescTail, lang);
  std::string s = "<svg viewBox=\"0 0 " + N(kWidth) + " " + N(height) + "\" width=\"" + N(kWidth) +
                  "\" height=\"" + N(height) + "\" role=\"img\" aria-label=\"" + Escape(title) +
                  "\" aria-describedby=\"" + id + "-desc\" font-size=\"14\" fill=\"" + kInk + "\">\n";
  s += "<title>" + Escape(title) + "</title>\n";
  s += "<desc id=\"" + id + "-desc\">" + Escape(desc) + "</desc>\n";
  return s;
}

std::string SvgText(double x, double y, std::string_view text, const char* anchor,
                 const std::string& extra = "") {
  return "<text x=\"" + N(x) + "\" y=\"" + N(y) + "\" text-anchor=\"" + anchor + "\"" +
         (extra.empty() ? "" : " " + extra) + ">" + Escape(text) + "</text>\n";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& stroke,
                 double width = 1, const std::string& extra = "") {
  return "<line x1=\"" + N(x1) + "\" y1=\"" + N(y1) + "\" x2=\"" + N(x2) + "\" y2=\"" + N(y2) +
         "\" stroke=\"" + stroke + "\" stroke-width=\"" + N(width) + "\"" +
         (extra.empty() ? "" : " " + extra) + "/>\n";
}

// A marker of series `k`: circle, square, triangle, diamond, repeating.
std::string Marker(size_t k, double x, double y, const char* fill, const std::string& tip) {
  const std::string t = "<title>" + Escape(tip) + "</title>";
  const std::string style = "fill=\"" + std::string(fill) + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"";
  switch (k % 4) {
    case 0:
      return "<circle cx=\"" + N(x) + "\" cy=\"" + N(y) + "\" r=\"4.5\" " + style + ">" + t + "</circle>\n";
    case 1:
      return "<rect x=\"" + N(x - 4) + "\" y=\"" + N(y - 4) + "\" width=\"8\" height=\"8\" " + style +
             ">" + t + "</rect>\n";
    case 2:
      return "<path d=\"M" + N(x) + " " + N(y - 5.5) + "L" + N(x + 5) + " " + N(y + 4) + "L" + N(x - 5) +
             " " + N(y + 4) + "Z\" " + style + ">" + t + "</path>\n";
    default:
      return "<path d=\"M" + N(x) + " " + N(y - 5.5) + "L" + N(x + 5.5) + " " + N(y) + "L" + N(x) + " " +
             N(y + 5.5) + "L" + N(x - 5.5) + " " + N(y) + "Z\" " + style + ">" + t + "</path>\n";
  }
}

std::string Tip(const Series& s, const std::string& category, size_t i, std::string_view lang,
                int decimals) {
  std::string tip = s.name + ", " + category + ": ";
  const auto v = At(s.values, i);
  tip += v ? FormatNumber(*v, lang, decimals) : Text(Msg::kNoData, lang);
  const auto lo = At(s.low, i), hi = At(s.high, i);
  if (v && lo && hi) {
    tip += " (" + FormatNumber(*lo, lang, decimals) + "\xE2\x80\x93" + FormatNumber(*hi, lang, decimals) + ")";
  }
  return tip;
}

// ---------------------------------------------------------------- line chart

std::string LineChart(const Figure& f, std::string_view lang, const std::string& id) {
  const double height = 340;
  Range r;
  for (const Series& s : f.series) {
    for (size_t i = 0; i < f.categories.size(); ++i) {
      r.Add(At(s.values, i));
      r.Add(At(s.low, i));
      r.Add(At(s.high, i));
    }
  }
  const Axis axis = NiceAxis(r.any ? r.lo : 0, r.any ? r.hi : 1);
  const int decimals = ChooseDecimals(AllValues(f, false));
  double label_w = 0;
  for (double t : axis.ticks) label_w = std::max(label_w, TextWidth(FormatNumber(t, lang, axis.decimals), 14));
  const double left = label_w + 14, right = 16, top = 14, bottom = 40;
  const double x0 = left + 18, x1 = kWidth - right - 18;
  const double y0 = height - bottom, y1 = top;
  const size_t n = f.categories.size();
  auto X = [&](size_t i) { return n <= 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * static_cast<double>(i) / static_cast<double>(n - 1); };
  auto Y = [&](double v) { return y0 - (v - axis.lo) / (axis.hi - axis.lo) * (y0 - y1); };

  std::string s = Open(f, lang, id, height, f.title);
  s += "<g aria-hidden=\"true\">\n";
  for (double t : axis.ticks) {
    s += Line(left, Y(t), kWidth - right, Y(t), t == 0 ? "#888888" : kGrid);
    s += SvgText(left - 6, Y(t) + 4, FormatNumber(t, lang, axis.decimals), "end", std::string("fill=\"") + kMuted + "\"");
  }
  // x labels: thinned so they do not overlap.
  double widest = 0;
  for (const std::string& c : f.categories) widest = std::max(widest, TextWidth(Ellipsize(c, 14), 13));
  const double slot = n <= 1 ? kWidth : (x1 - x0) / static_cast<double>(n - 1);
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + 8) / slot)));
  for (size_t i = 0; i < n; i += every) {
    s += Line(X(i), y0, X(i), y0 + 4, "#888888");
    s += SvgText(X(i), y0 + 18, Ellipsize(f.categories[i], 14), "middle", "font-size=\"13\"");
  }
  s += "</g>\n";

  for (size_t k = 0; k < f.series.size(); ++k) {
    const Series& ser = f.series[k];
    const Colour& c = SeriesColour(k);
    s += "<g>\n";
    // Interval ribbons over runs where both bounds are known; lone points get bars.
    for (size_t i = 0; i < n;) {
      if (!(At(ser.low, i) && At(ser.high, i))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n && At(ser.low, j) && At(ser.high, j)) ++j;
      if (j - i == 1) {
        const double x = X(i);
        s += Line(x, Y(*At(ser.low, i)), x, Y(*At(ser.high, i)), c.fill, 1.5);
        s += Line(x - 4, Y(*At(ser.low, i)), x + 4, Y(*At(ser.low, i)), c.fill, 1.5);
        s += Line(x - 4, Y(*At(ser.high, i)), x + 4, Y(*At(ser.high, i)), c.fill, 1.5);
      } else {
        std::string d = "M";
        for (size_t p = i; p < j; ++p) d += N(X(p)) + " " + N(Y(*At(ser.high, p))) + (p + 1 < j ? "L" : "");
        for (size_t p = j; p-- > i;) d += "L" + N(X(p)) + " " + N(Y(*At(ser.low, p)));
        s += "<path d=\"" + d + "Z\" fill=\"" + c.fill + "\" fill-opacity=\"0.18\" stroke=\"none\"/>\n";
      }
      i = j;
    }
    // The line, broken at missing values.
    std::string d;
    bool pen = false;
    for (size_t i = 0; i < n; ++i) {
      const auto v = At(ser.values, i);
      if (!v) {
        pen = false;
        continue;
      }
      d += (pen ? "L" : "M") + N(X(i)) + " " + N(Y(*v));
      pen = true;
    }
    if (!d.empty()) {
      s += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + c.fill +
           "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n";
    }
    for (size_t i = 0; i < n; ++i) {
      const auto v = At(ser.values, i);
      if (v) s += Marker(k, X(i), Y(*v), c.fill, Tip(ser, f.categories[i], i, lang, decimals));
    }
    s += "</g>\n";
  }
  s += "</svg>";
  return s;
}

// ------------------------------------------------------ bars (horizontal, grouped)

// Width of the widest category label of a horizontal bar chart, at most kLabelMax.
double CategoryLabelWidth(const Figure& f) {
  double label_w = 0;
  for (const std::string& c : f.categories) label_w = std::max(label_w, TextWidth(FitLabel(c), 14));
  return std::min(label_w, kLabelMax);
}

// The value axis of a horizontal bar chart: a vertical gridline at each tick, from
// `top` to `plot_bottom`, with its number below; X maps a value to x.
template <typename ToX>
std::string ValueGridlines(const Axis& axis, const ToX& X, double top, double plot_bottom,
                           std::string_view lang) {
  std::string s;
  for (double t : axis.ticks) {
    s += Line(X(t), top, X(t), plot_bottom, t == 0 ? "#888888" : kGrid);
    s += SvgText(X(t), plot_bottom + 18, FormatNumber(t, lang, axis.decimals), "middle",
                 std::string("fill=\"") + kMuted + "\" font-size=\"13\"");
  }
  return s;
}

std::string BarChart(const Figure& f, std::string_view lang, const std::string& id) {
  const size_t n = f.categories.size(), m = std::max<size_t>(1, f.series.size());
  const double bar = m == 1 ? 20 : 15, gap = 12, top = 8, bottom = 30;
  Range r;
  for (const Series& s : f.series) {
    for (size_t i = 0; i < n; ++i) {
      r.Add(At(s.values, i));
      r.Add(At(s.low, i));
      r.Add(At(s.high, i));
    }
  }
  const Axis axis = NiceAxis(r.any ? r.lo : 0, r.any ? r.hi : 1);
  const int decimals = ChooseDecimals(AllValues(f, false));
  const double label_w = CategoryLabelWidth(f);
  const double left = label_w + 12, right = 64;
  const double group = bar * static_cast<double>(m) + gap;
  const double height = top + group * static_cast<double>(n) + bottom;
  auto X = [&](double v) { return left + (v - axis.lo) / (axis.hi - axis.lo) * (kWidth - right - left); };
  const double plot_bottom = height - bottom;

  std::string s = Open(f, lang, id, height, f.title);
  s += "<g aria-hidden=\"true\">\n";
  s += ValueGridlines(axis, X, top, plot_bottom, lang);
  for (size_t i = 0; i < n; ++i) {
    const double gy = top + group * static_cast<double>(i) + gap / 2;
    const std::string label = FitLabel(f.categories[i]);
    s += "<text x=\"" + N(left - 8) + "\" y=\"" + N(gy + bar * static_cast<double>(m) / 2 + 4.5) +
         "\" text-anchor=\"end\"><title>" + Escape(f.categories[i]) + "</title>" + Escape(label) + "</text>\n";
  }
  s += "</g>\n";
  for (size_t k = 0; k < f.series.size(); ++k) {
    const Series& ser = f.series[k];
    const Colour& c = SeriesColour(k);
    s += "<g>\n";
    for (size_t i = 0; i < n; ++i) {
      const double y = top + group * static_cast<double>(i) + gap / 2 + bar * static_cast<double>(k);
      const auto v = At(ser.values, i);
      if (!v) {
        s += SvgText(X(0) + 4, y + bar / 2 + 4, "\xE2\x80\x94", "start", std::string("fill=\"") + kMuted + "\"");
        continue;
      }
      const double xa = X(std::min(0.0, *v)), xb = X(std::max(0.0, *v));
      s += "<rect x=\"" + N(xa) + "\" y=\"" + N(y + 1) + "\" width=\"" + N(std::max(xb - xa, 0.5)) +
           "\" height=\"" + N(bar - 2) + "\" fill=\"" + c.fill + "\"><title>" +
           Escape(Tip(ser, f.categories[i], i, lang, decimals)) + "</title></rect>\n";
      double end = *v;
      const auto lo = At(ser.low, i), hi = At(ser.high, i);
      if (lo && hi) {
        const double ym = y + bar / 2;
        s += Line(X(*lo), ym, X(*hi), ym, kInk, 1.3);
        s += Line(X(*lo), ym - 4, X(*lo), ym + 4, kInk, 1.3);
        s += Line(X(*hi), ym - 4, X(*hi), ym + 4, kInk, 1.3);
        end = *v < 0 ? std::min(*v, *lo) : std::max(*v, *hi);
      }
      const bool neg = *v < 0;
      s += SvgText(X(end) + (neg ? -4 : 4), y + bar / 2 + 4.5, FormatNumber(*v, lang, decimals),
                neg ? "end" : "start", "font-size=\"13\" aria-hidden=\"true\"");
    }
    s += "</g>\n";
  }
  s += "</svg>";
  return s;
}

// ----------------------------------------------------- stacked horizontal bars

std::string StackedChart(const Figure& f, std::string_view lang, const std::string& id) {
  const size_t n = f.categories.size();
  const double bar = 24, gap = 10, top = 8, bottom = 30;
  double max_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (const Series& s : f.series) sum += std::max(0.0, At(s.values, i).value_or(0));
    max_sum = std::max(max_sum, sum);
  }
  const Axis axis = NiceAxis(0, max_sum > 0 ? max_sum : 1);
  const int decimals = ChooseDecimals(AllValues(f, false));
  const double label_w = CategoryLabelWidth(f);
  const double left = label_w + 12, right = 20;
  const double height = top + (bar + gap) * static_cast<double>(n) + bottom;
  auto X = [&](double v) { return left + v / axis.hi * (kWidth - right - left); };
  const double plot_bottom = height - bottom;

  std::string s = Open(f, lang, id, height, f.title);
  s += "<g aria-hidden=\"true\">\n";
  s += ValueGridlines(axis, X, top, plot_bottom, lang);
  for (size_t i = 0; i < n; ++i) {
    const double y = top + (bar + gap) * static_cast<double>(i) + gap / 2;
    s += "<text x=\"" + N(left - 8) + "\" y=\"" + N(y + bar / 2 + 4.5) + "\" text-anchor=\"end\"><title>" +
         Escape(f.categories[i]) + "</title>" + Escape(FitLabel(f.categories[i])) + "</text>\n";
  }
  s += "</g>\n";
  for (size_t i = 0; i < n; ++i) {
    const double y = top + (bar + gap) * static_cast<double>(i) + gap / 2;
    double acc = 0;
    bool any = false;
    for (size_t k = 0; k < f.series.size(); ++k) {
      const auto v = At(f.series[k].values, i);
      if (!v || *v <= 0) continue;
      any = true;
      const Colour& c = SeriesColour(k);
      const double xa = X(acc), xb = X(acc + *v);
      s += "<rect x=\"" + N(xa) + "\" y=\"" + N(y) + "\" width=\"" + N(xb - xa) + "\" height=\"" + N(bar) +
           "\" fill=\"" + c.fill + "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" +
           Escape(Tip(f.series[k], f.categories[i], i, lang, decimals)) + "</title></rect>\n";
      const std::string label = FormatNumber(*v, lang, decimals);
      if (TextWidth(label, 13) + 6 < xb - xa) {
        s += SvgText((xa + xb) / 2, y + bar / 2 + 4.5, label, "middle",
                  std::string("font-size=\"13\" fill=\"") + c.text + "\" aria-hidden=\"true\"");
      }
      acc += *v;
    }
    if (!any) s += SvgText(X(0) + 4, y + bar / 2 + 4.5, "\xE2\x80\x94", "start", std::string("fill=\"") + kMuted + "\"");
  }
  s += "</svg>";
  return s;
}

// ------------------------------------------------------------------ tile map

constexpr double kTileW = 86, kTileH = 66, kTileGap = 4;

std::string TileMapChart(const Figure& f, std::string_view lang, const std::string& id, size_t series_index) {
  const double height = kTileRows * (kTileH + kTileGap) + kTileGap;
  const TileScale scale = MakeTileScale(f);
  const Series* ser = series_index < f.series.size() ? &f.series[series_index] : nullptr;
  std::string title = f.title;
  if (ser && f.series.size() > 1) title += ": " + ser->name;
  std::string s = Open(f, lang, id, height, title);
  const double x_off = (kWidth - kTileCols * (kTileW + kTileGap) + kTileGap) / 2;
  for (const Tile& tile : KazakhstanTiles()) {
    std::optional<double> v, lo, hi;
    for (size_t i = 0; i < f.categories.size(); ++i) {
      if (f.categories[i] != tile.iso || !ser) continue;
      v = At(ser->values, i);
      lo = At(ser->low, i);
      hi = At(ser->high, i);
    }
    const auto flag_it = f.flags.find(tile.iso);
    const std::string flag = flag_it == f.flags.end() ? "" : flag_it->second;
    const double x = x_off + tile.col * (kTileW + kTileGap), y = kTileGap + tile.row * (kTileH + kTileGap);
    const Colour missing{kMissingFill, "#000000"};
    const Colour& c = v ? SequentialColour(static_cast<size_t>(scale.ClassOf(*v)), scale.bounds.size()) : missing;
    std::string tip = FullName(tile, lang) + " (" + tile.iso + "): " +
                      (v ? FormatNumber(*v, lang, scale.decimals) : std::string(Text(Msg::kNoData, lang)));
    if (v && lo && hi) {
      tip += " (" + FormatNumber(*lo, lang, scale.decimals) + "\xE2\x80\x93" + FormatNumber(*hi, lang, scale.decimals) + ")";
    }
    if (!flag.empty()) tip += "; " + flag;
    s += "<g data-iso=\"" + std::string(tile.iso) + "\"><title>" + Escape(tip) + "</title>\n";
    s += "<rect x=\"" + N(x) + "\" y=\"" + N(y) + "\" width=\"" + N(kTileW) + "\" height=\"" + N(kTileH) +
         "\" rx=\"4\" fill=\"" + c.fill + "\"" +
         (v ? std::string(" stroke=\"#ffffff\"") : std::string(" stroke=\"#6b6b6b\" stroke-dasharray=\"4 3\"")) + "/>\n";
    const std::string ink = std::string("fill=\"") + c.text + "\"";
    s += SvgText(x + kTileW / 2, y + 16, Ellipsize(ShortName(tile, lang), 13), "middle", ink + " font-size=\"12\" font-weight=\"600\"");
    s += SvgText(x + kTileW / 2, y + 38, v ? FormatNumber(*v, lang, scale.decimals) : "\xE2\x80\x94", "middle",
              ink + " font-size=\"17\" font-weight=\"700\"");
    const std::string bottom = !flag.empty() ? flag : (v ? "" : Text(Msg::kNoData, lang));
    if (!bottom.empty()) {
      // Cut to the tile's width, or neighbouring remarks run into each other; the
      // whole remark is in the tooltip and the data table.
      const auto fit = static_cast<size_t>((kTileW - 6) / (11 * 0.62));
      s += SvgText(x + kTileW / 2, y + 56, Ellipsize(bottom, fit), "middle", ink + " font-size=\"11\" font-style=\"italic\"");
    }
    s += "</g>\n";
  }
  s += "</svg>";
  return s;
}

}  // namespace

int TileScale::ClassOf(double v) const {
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (v <= bounds[i] + 1e-12 * std::max(1.0, std::fabs(bounds[i]))) return static_cast<int>(i);
  }
  return bounds.empty() ? 0 : static_cast<int>(bounds.size()) - 1;
}

TileScale MakeTileScale(const Figure& f) {
  // Quantile classes (up to five, about four units each): with 20 units and three
  // large cities, equal intervals would paint almost every region the same colour.
  TileScale scale;
  std::vector<double> values;
  for (const Series& s : f.series) {
    for (const auto& v : s.values) {
      if (v && std::isfinite(*v)) values.push_back(*v);
    }
  }
  scale.decimals = ChooseDecimals(values);
  if (values.empty()) return scale;
  std::sort(values.begin(), values.end());
  scale.min = values.front();
  const size_t classes = std::min<size_t>(5, values.size());
  size_t start = 0;
  for (size_t i = 1; i <= classes && start < values.size(); ++i) {
    size_t end = (values.size() * i + classes - 1) / classes;  // one past the last of class i
    end = std::max(end, start + 1);
    // Equal values stay in one class.
    while (end < values.size() && values[end] == values[end - 1]) ++end;
    scale.class_min.push_back(values[start]);
    scale.bounds.push_back(values[end - 1]);
    start = end;
  }
  return scale;
}

std::string RenderSvg(const Figure& figure, std::string_view lang, const std::string& dom_id,
                      size_t series_index) {
  switch (figure.kind) {
    case ChartKind::kLine: return LineChart(figure, lang, dom_id);
    case ChartKind::kBar: return BarChart(figure, lang, dom_id);
    case ChartKind::kStackedBar: return StackedChart(figure, lang, dom_id);
    case ChartKind::kTileMap: return TileMapChart(figure, lang, dom_id, series_index);
  }
  return "";
}

}  // namespace tenlik::report::internal
