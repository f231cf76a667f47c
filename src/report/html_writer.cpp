// WriteHtml: one self-contained, accessible HTML file (inline CSS and SVG, no script,
// no fetched resource), readable on a phone and printable.
//
// The markup is also well-formed XML (every element closed, attributes quoted, only
// numeric or predefined entities), so an XML parser can check it.
#include <cmath>
#include <set>

#include "report/internal.h"
#include "report/report.h"

namespace tenlik::report {
namespace {

using namespace internal;  // NOLINT(build/namespaces): internal helpers of this module

constexpr const char* kCss = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:1rem;line-height:1.5}
.wrap{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;color:#0b4f94;padding:.5rem 1rem;outline:3px solid #0b4f94;z-index:10}
a{color:#0b4f94}
a:focus-visible,summary:focus-visible,.table-wrap:focus-visible{outline:3px solid #0b4f94;outline-offset:2px}
h1{font-size:1.9rem;line-height:1.2;margin:1rem 0 .4rem}
h2{font-size:1.4rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #e3e3e3}
h3{font-size:1.1rem;line-height:1.3;margin:0 0 .3rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
.subtitle{color:#474747;margin:0 0 1rem;font-size:1.05rem}
.caveat{margin:1rem 0 1.5rem;padding:.8rem 1rem;border-left:6px solid #a34e00;background:#fff3e3;font-size:1.05rem}
.caveat strong{display:block;color:#7a3a00}
nav.toc{background:#f6f7f9;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1.25rem .75rem}
nav.toc h2{margin:.5rem 0;font-size:1.15rem;border:0;padding:0}
nav.toc ol{margin:0;padding-left:1.4rem}
nav.toc ol ol{font-size:.92rem;color:#474747}
figure{margin:2rem 0;padding:0}
figcaption{margin-bottom:.3rem}
.units{color:#474747;font-size:.92rem;margin:0 0 .4rem}
.chart{max-width:46rem;overflow-x:auto}
.chart svg{display:block;width:100%;min-width:20rem;height:auto}
svg text{font-family:inherit}
.legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.92rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.legend svg{flex:none}
.note{color:#3b3b3b;font-size:.92rem;margin:.5rem 0;max-width:46rem}
details{margin:.5rem 0}
summary{cursor:pointer;color:#0b4f94;font-weight:600;padding:.2rem 0}
.table-wrap{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.92rem;margin:.25rem 0}
th,td{padding:.35rem .65rem;border-bottom:1px solid #dcdcdc;text-align:left;vertical-align:top}
thead th{background:#f1f2f4;border-bottom:2px solid #8a8a8a}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.missing{color:#595959;font-style:italic}
p{max-width:46rem}
footer{margin-top:3rem;padding-top:1rem;border-top:2px solid #e3e3e3;color:#3b3b3b;font-size:.92rem}
footer h2{font-size:1.1rem;border:0;margin:0 0 .5rem}
@media (max-width:600px){
 .wrap{padding:.75rem .75rem 2rem}
 h1{font-size:1.45rem}
 h2{font-size:1.2rem}
 table{font-size:.85rem}
}
@media print{
 body{font-size:10.5pt}
 .wrap{max-width:none;padding:0}
 .skip{display:none}
 a{color:inherit;text-decoration:none}
 nav.toc{background:none}
 .caveat{background:none;border:2px solid #a34e00}
 figure,.table-wrap,tr{break-inside:avoid}
 h2,h3,figcaption{break-after:avoid}
 .table-wrap{overflow:visible}
 summary{color:inherit}
 .chart{max-width:16cm;overflow:visible}
 .chart svg{min-width:0}
}
@media print{details::details-content{content-visibility:visible;display:block;height:auto}}
)css";

std::string Anchor(std::string_view prefix, std::string_view id, std::set<std::string>& used) {
  std::string a(prefix);
  for (unsigned char c : id) {
    a += (std::isalnum(c) || c == '-' || c == '_') ? static_cast<char>(std::tolower(c)) : '-';
  }
  std::string unique = a;
  for (int k = 2; !used.insert(unique).second; ++k) unique = a + "-" + std::to_string(k);
  return unique;
}

// A paragraph block: blank lines separate paragraphs, single line breaks are kept.
std::string Paragraphs(const std::string& text) {
  std::string out, cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == '\n' || cur.back() == '\r')) cur.pop_back();
    if (cur.empty()) return;
    std::string esc = Escape(cur), html;
    for (char c : esc) {
      if (c == '\r') continue;
      html += c == '\n' ? std::string("<br/>") : std::string(1, c);
    }
    out += "<p>" + html + "</p>\n";
    cur.clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    const size_t nl = text.find('\n', i);
    std::string line = text.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
    } else {
      cur += line + "\n";
    }
    if (nl == std::string::npos) break;
    i = nl + 1;
  }
  flush();
  return out;
}

// A report table cell shown in `lang`: a number is re-formatted with the decimals
// it was written with (a bare four-digit whole number stays as written: a year).
std::pair<std::string, bool> DisplayCell(const std::string& cell, std::string_view lang) {
  const auto v = ParseNumber(cell);
  if (!v) return {Escape(cell), false};
  std::string trimmed = cell;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(0, 1);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
  const bool year_like =
      trimmed.size() == 4 && trimmed.find_first_not_of("0123456789") == std::string::npos;
  if (year_like || trimmed.find_first_of("eE") != std::string::npos) return {Escape(trimmed), true};
  return {Escape(FormatNumber(*v, lang, DecimalsWritten(trimmed))), true};
}

// A short cell without spaces ("2025-01", "KZ-75", "2025-Q1") is never broken at its
// hyphen: a squeezed column would otherwise show "2025-" over "01".
bool ShortToken(std::string_view cell) {
  return !cell.empty() && cell.size() <= 24 &&
         cell.find_first_of(" \t\n") == std::string_view::npos;
}

std::string SeriesSwatch(ChartKind kind, size_t k) {
  const Colour& c = SeriesColour(k);
  std::string s =
      "<svg width=\"24\" height=\"14\" viewBox=\"0 0 24 14\" aria-hidden=\"true\" "
      "focusable=\"false\">";
  if (kind == ChartKind::kLine) {
    s += "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" stroke=\"" + std::string(c.fill) +
         "\" stroke-width=\"2.5\"/>";
    const std::string st =
        "fill=\"" + std::string(c.fill) + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"";
    switch (k % 4) {
      case 0:
        s += "<circle cx=\"12\" cy=\"7\" r=\"4.5\" " + st + "/>";
        break;
      case 1:
        s += "<rect x=\"8\" y=\"3\" width=\"8\" height=\"8\" " + st + "/>";
        break;
      case 2:
        s += "<path d=\"M12 1.5L17 11H7Z\" " + st + "/>";
        break;
      default:
        s += "<path d=\"M12 1.5L17.5 7L12 12.5L6.5 7Z\" " + st + "/>";
        break;
    }
  } else {
    s += "<rect x=\"2\" y=\"1\" width=\"20\" height=\"12\" fill=\"" + std::string(c.fill) + "\"/>";
  }
  return s + "</svg>";
}

std::string FigureLegend(const Figure& f, std::string_view lang) {
  std::string s = "<ul class=\"legend\">\n";
  bool interval = false, missing = false;
  for (const Series& ser : f.series) {
    for (size_t i = 0; i < ser.values.size(); ++i) {
      if (!ser.values[i]) missing = true;
      if (i < ser.low.size() && i < ser.high.size() && ser.low[i] && ser.high[i]) interval = true;
    }
  }
  if (f.kind == ChartKind::kTileMap) {
    const TileScale scale = MakeTileScale(f);
    for (size_t i = 0; i < scale.bounds.size(); ++i) {
      const Colour& c = SequentialColour(i, scale.bounds.size());
      const double from = scale.class_min[i];
      std::string range = FormatNumber(from, lang, scale.decimals);
      if (scale.bounds[i] != from)
        range += "\xE2\x80\x93" + FormatNumber(scale.bounds[i], lang, scale.decimals);
      s += "<li><svg width=\"24\" height=\"14\" viewBox=\"0 0 24 14\" aria-hidden=\"true\" "
           "focusable=\"false\">"
           "<rect x=\"1\" y=\"1\" width=\"22\" height=\"12\" rx=\"2\" fill=\"" +
           std::string(c.fill) + "\" stroke=\"#8a8a8a\" stroke-width=\"0.5\"/></svg>" +
           Escape(range) + "</li>\n";
    }
    s += "<li><svg width=\"24\" height=\"14\" viewBox=\"0 0 24 14\" aria-hidden=\"true\" "
         "focusable=\"false\">"
         "<rect x=\"1\" y=\"1\" width=\"22\" height=\"12\" rx=\"2\" fill=\"" +
         std::string(kMissingFill) + "\" stroke=\"#6b6b6b\" stroke-dasharray=\"3 2\"/></svg>" +
         Escape(Text(Msg::kNoData, lang)) + "</li>\n";
  } else {
    if (f.series.size() > 1 || f.kind == ChartKind::kStackedBar) {
      for (size_t k = 0; k < f.series.size(); ++k) {
        s += "<li>" + SeriesSwatch(f.kind, k) + Escape(f.series[k].name) + "</li>\n";
      }
    }
    if (interval && f.kind != ChartKind::kStackedBar) {
      s += "<li><svg width=\"24\" height=\"14\" viewBox=\"0 0 24 14\" aria-hidden=\"true\" "
           "focusable=\"false\">";
      if (f.kind == ChartKind::kLine) {
        s += "<rect x=\"1\" y=\"2\" width=\"22\" height=\"10\" fill=\"#0072B2\" "
             "fill-opacity=\"0.18\"/>"
             "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" stroke=\"#0072B2\" stroke-width=\"2\"/>";
      } else {
        s += "<path d=\"M3 7H21M3 3V11M21 3V11\" stroke=\"#222222\" stroke-width=\"1.3\" "
             "fill=\"none\"/>";
      }
      s += "</svg>" + Escape(Text(Msg::kInterval, lang)) + "</li>\n";
    }
    if (missing) s += "<li>\xE2\x80\x94 " + Escape(Text(Msg::kMissingGap, lang)) + "</li>\n";
  }
  s += "</ul>\n";
  return s.find("<li>") == std::string::npos ? "" : s;
}

std::string HtmlTableOfFigure(const Figure& f, std::string_view lang, const std::string& label_id) {
  const DataTable data = FigureData(f, lang);
  std::vector<double> values;
  for (const auto& row : data.rows) {
    for (const Cell& c : row) {
      if (c.number) values.push_back(*c.number);
    }
  }
  const int decimals = ChooseDecimals(values);
  const bool flag_column = f.kind == ChartKind::kTileMap && !f.flags.empty();
  std::string s = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" +
                  label_id + "\">\n<table>\n<thead><tr>";
  for (const std::string& c : data.columns) s += "<th scope=\"col\">" + Escape(c) + "</th>";
  s += "</tr></thead>\n<tbody>\n";
  for (const auto& row : data.rows) {
    s += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      const Cell& c = row[i];
      const bool head = i == 0;
      const std::string open = head ? "<th scope=\"row\"" : "<td";
      const std::string close = head ? "</th>" : "</td>";
      if (c.number) {
        s += open + " class=\"num\">" + Escape(FormatNumber(*c.number, lang, decimals)) + close;
      } else if (c.text) {
        s += open + (ShortToken(*c.text) ? " class=\"nowrap\">" : ">") + Escape(*c.text) + close;
      } else if (static_cast<int>(i) < data.label_columns || (flag_column && i + 1 == row.size())) {
        s += open + ">" + close;
      } else {
        s += open + " class=\"missing\">" + Escape(Text(Msg::kNoData, lang)) + close;
      }
    }
    s += "</tr>\n";
  }
  s += "</tbody>\n</table>\n</div>\n";
  return s;
}

std::string RenderFigure(const Figure& f, std::string_view lang, const std::string& anchor) {
  std::string s = "<figure id=\"" + anchor + "\">\n<figcaption><h3 id=\"" + anchor + "-h\">" +
                  Escape(f.title) + "</h3></figcaption>\n";
  if (!f.value_label.empty()) s += "<p class=\"units\">" + Escape(f.value_label) + "</p>\n";
  if (f.kind == ChartKind::kTileMap && f.series.size() > 1) {
    for (size_t k = 0; k < f.series.size(); ++k) {
      s += "<h4>" + Escape(f.series[k].name) + "</h4>\n";
      s += "<div class=\"chart\">" +
           RenderSvg(f, lang, anchor + "-svg" + std::to_string(k + 1), k) + "</div>\n";
    }
  } else {
    s += "<div class=\"chart\">" + RenderSvg(f, lang, anchor + "-svg", 0) + "</div>\n";
  }
  s += FigureLegend(f, lang);
  if (!f.note.empty()) s += "<p class=\"note\">" + Escape(f.note) + "</p>\n";
  s += "<details>\n<summary id=\"" + anchor + "-data\">" + Escape(Text(Msg::kDataTable, lang)) +
       ": " + Escape(f.title) + "</summary>\n";
  s += HtmlTableOfFigure(f, lang, anchor + "-data");
  s += "</details>\n</figure>\n";
  return s;
}

std::string RenderTable(const Table& t, std::string_view lang, const std::string& anchor) {
  std::string s = "<figure id=\"" + anchor + "\">\n<figcaption><h3 id=\"" + anchor + "-h\">" +
                  Escape(t.title) + "</h3></figcaption>\n";
  s += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + anchor +
       "-h\">\n<table>\n";
  s += "<thead><tr>";
  for (const std::string& c : t.columns) s += "<th scope=\"col\">" + Escape(c) + "</th>";
  s += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    s += "<tr>";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      const auto [html, num] = DisplayCell(cell, lang);
      const std::string cls = num ? " class=\"num\"" : ShortToken(cell) ? " class=\"nowrap\"" : "";
      if (i == 0) {
        s += "<th scope=\"row\"" + cls + ">" + html + "</th>";
      } else {
        s += "<td" + cls + ">" + html + "</td>";
      }
    }
    s += "</tr>\n";
  }
  s += "</tbody>\n</table>\n</div>\n";
  if (!t.note.empty()) s += "<p class=\"note\">" + Escape(t.note) + "</p>\n";
  s += "</figure>\n";
  return s;
}

std::string RenderHtml(const Report& r) {
  const std::string lang = (r.lang == "kk" || r.lang == "ru") ? r.lang : "en";
  std::set<std::string> used = {"main", "toc-h", "caveat"};
  std::vector<std::string> section_anchor;
  std::vector<std::vector<std::string>> block_anchor;
  std::string toc;
  for (const Section& sec : r.sections) {
    section_anchor.push_back(Anchor("sec-", sec.id.empty() ? "section" : sec.id, used));
    block_anchor.emplace_back();
    std::string sub;
    std::string last_figure_title;
    for (const Block& b : sec.blocks) {
      std::string a;
      if (b.figure) {
        a = Anchor("fig-", b.figure->id, used);
        sub += "<li><a href=\"#" + a + "\">" + Escape(b.figure->title) + "</a></li>\n";
        last_figure_title = b.figure->title;
      } else if (b.table) {
        a = Anchor("tab-", b.table->id, used);
        // A figure's own data table has its title: one entry in the contents.
        if (b.table->title != last_figure_title) {
          sub += "<li><a href=\"#" + a + "\">" + Escape(b.table->title) + "</a></li>\n";
        }
      }
      block_anchor.back().push_back(a);
    }
    toc += "<li><a href=\"#" + section_anchor.back() + "\">" + Escape(sec.title) + "</a>";
    if (!sub.empty()) toc += "\n<ol>\n" + sub + "</ol>";
    toc += "</li>\n";
  }

  std::string h;
  h.reserve(64 * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\"/>\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  h += "<meta name=\"generator\" content=\"Tenlik\"/>\n";
  h += "<title>" + Escape(r.title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  h += "<a class=\"skip\" href=\"#main\">" + Escape(Text(Msg::kSkip, lang)) +
       "</a>\n<div class=\"wrap\">\n";
  h += "<header>\n<h1>" + Escape(r.title) + "</h1>\n";
  if (!r.subtitle.empty()) h += "<p class=\"subtitle\">" + Escape(r.subtitle) + "</p>\n";
  if (!r.caveat.empty()) {
    h += "<div class=\"caveat\" id=\"caveat\" role=\"note\"><strong>" +
         Escape(Text(Msg::kCaveat, lang)) + "</strong>" + Escape(r.caveat) + "</div>\n";
  }
  h += "</header>\n";
  if (!r.sections.empty()) {
    h += "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">" +
         Escape(Text(Msg::kContents, lang)) + "</h2>\n<ol>\n" + toc + "</ol>\n</nav>\n";
  }
  h += "<main id=\"main\">\n";
  for (size_t i = 0; i < r.sections.size(); ++i) {
    const Section& sec = r.sections[i];
    h += "<section id=\"" + section_anchor[i] + "\" aria-labelledby=\"" + section_anchor[i] +
         "-h\">\n<h2 id=\"" + section_anchor[i] + "-h\">" + Escape(sec.title) + "</h2>\n";
    for (size_t b = 0; b < sec.blocks.size(); ++b) {
      const Block& block = sec.blocks[b];
      if (block.paragraph) h += Paragraphs(*block.paragraph);
      if (block.figure) h += RenderFigure(*block.figure, lang, block_anchor[i][b]);
      if (block.table) h += RenderTable(*block.table, lang, block_anchor[i][b]);
    }
    h += "</section>\n";
  }
  h += "</main>\n<footer>\n";
  if (!r.footer.empty()) {
    h += "<h2>" + Escape(Text(Msg::kFooter, lang)) + "</h2>\n" + Paragraphs(r.footer);
  }
  h += "<p>" + Escape(Text(Msg::kGenerated, lang)) + "</p>\n</footer>\n</div>\n</body>\n</html>\n";
  return h;
}

}  // namespace

Status WriteHtml(const Report& report, const std::string& path) {
  Status valid = internal::Validate(report);
  if (!valid.ok()) return Status(valid.code(), path + ": " + valid.message());
  return internal::WriteFileAtomically(path, RenderHtml(report));
}

}  // namespace tenlik::report
