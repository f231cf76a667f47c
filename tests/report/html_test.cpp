// WriteHtml: escaping, accessibility markup, self-containment, well-formedness,
// charts (gaps, intervals, tile map) and errors.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "report/report.h"
#include "sample.h"

namespace tenlik::report {
namespace {

using testing::ReadAll;
using testing::SampleReport;

std::string Render(const Report& r) {
  const std::string path = testing::TempDir() + "/r.html";
  const Status s = WriteHtml(r, path);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return ReadAll(path);
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// Checks that every start tag is closed in order (the writer emits XML-style
// self-closing void elements). Returns "" or the first problem.
std::string TagBalance(const std::string& html) {
  std::vector<std::string> stack;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) return "unclosed comment";
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag";
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '!') continue;
    if (tag == "style") {  // skip CSS text
      i = html.find("</style>", i);
      if (i == std::string::npos) return "unclosed style";
      stack.push_back("style");
      continue;
    }
    const bool closing = tag[0] == '/';
    const bool self = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /\n"));
    if (self) continue;
    if (!closing) {
      stack.push_back(name);
    } else {
      if (stack.empty() || stack.back() != name) {
        return "</" + name + "> does not close <" + (stack.empty() ? "" : stack.back()) + ">";
      }
      stack.pop_back();
    }
  }
  return stack.empty() ? "" : "<" + stack.back() + "> is never closed";
}

TEST(Html, EscapesTitleAndShowsCaveatFirst) {
  Report r = SampleReport();
  r.title = "Access & <script>alert('x')</script> \"quoted\"";
  r.caveat = "Not representative <b>at all</b>.";
  const std::string html = Render(r);
  EXPECT_NE(html.find("<h1>Access &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                      "&quot;quoted&quot;</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Access &amp; &lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  const size_t caveat = html.find("Not representative &lt;b&gt;at all&lt;/b&gt;.");
  ASSERT_NE(caveat, std::string::npos);
  EXPECT_LT(caveat, html.find("<main"));
  EXPECT_LT(caveat, html.find("<nav"));
}

TEST(Html, EscapesEverywhere) {
  Report r = SampleReport();
  Figure& f = *r.sections[1].blocks[0].figure;
  f.title = "Bars <svg onload=x>";
  f.categories[0] = "A&B <i>";
  f.series[0].name = "S\"1'";
  f.note = "note </figure>";
  const std::string html = Render(r);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Bars &lt;svg onload=x&gt;\""), std::string::npos);
  EXPECT_NE(html.find("A&amp;B &lt;i&gt;"), std::string::npos);
  EXPECT_NE(html.find("S&quot;1&#39;"), std::string::npos);
  EXPECT_NE(html.find("note &lt;/figure&gt;"), std::string::npos);
  EXPECT_EQ(TagBalance(html), "");
}

TEST(Html, InvalidUtf8AndControlCharactersAreCleaned) {
  Report r = SampleReport();
  r.subtitle = std::string("bad \xFF\xFE byte and \x01 control");
  const std::string html = Render(r);
  EXPECT_NE(html.find("bad \xEF\xBF\xBD\xEF\xBF\xBD byte and  control"), std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
}

TEST(Html, AccessibleStructure) {
  const std::string html = Render(SampleReport());
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"viewport\""), std::string::npos);
  EXPECT_EQ(Count(html, "<h1>"), 1u);
  EXPECT_LT(html.find("<h1>"), html.find("<h2"));
  EXPECT_LT(html.find("<h2"), html.find("<h3"));
  // Every figure: figure/figcaption, an SVG with role, label, title and desc, the
  // note under it and a data table in <details>.
  for (const Section& s : SampleReport().sections) {
    for (const Block& b : s.blocks) {
      if (!b.figure) continue;
      const Figure& f = *b.figure;
      const size_t at = html.find("<figure id=\"fig-" + f.id + "\">");
      ASSERT_NE(at, std::string::npos) << f.id;
      const size_t end = html.find("</figure>", at);
      const std::string fig = html.substr(at, end - at);
      EXPECT_NE(fig.find("<figcaption>"), std::string::npos) << f.id;
      EXPECT_NE(fig.find("role=\"img\" aria-label=\"" + f.title + "\""), std::string::npos) << f.id;
      EXPECT_NE(fig.find("<title>" + f.title + "</title>"), std::string::npos) << f.id;
      EXPECT_NE(fig.find("<desc id="), std::string::npos) << f.id;
      const std::string note = std::regex_replace(
          std::regex_replace(f.note, std::regex("\""), "&quot;"), std::regex("'"), "&#39;");
      const size_t note_at = fig.find("<p class=\"note\">" + note + "</p>");
      EXPECT_NE(note_at, std::string::npos) << f.id;
      EXPECT_GT(note_at, fig.find("</svg>")) << f.id;
      EXPECT_NE(fig.find("<details>"), std::string::npos) << f.id;
      EXPECT_NE(fig.find("<th scope=\"col\">"), std::string::npos) << f.id;
      EXPECT_NE(fig.find("<th scope=\"row\""), std::string::npos) << f.id;
    }
  }
  // Table of contents links to each section.
  EXPECT_NE(html.find("<a href=\"#sec-overview\">Overview</a>"), std::string::npos);
  EXPECT_NE(html.find("<section id=\"sec-overview\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(Html, SelfContained) {
  Report r = SampleReport();
  r.footer = "Source: https://stat.gov.kz/ (text only)";
  const std::string html = Render(r);
  // No attribute loads or links anything outside the file.
  const std::regex external(
      R"((src|href|xlink:href|action|srcset|poster|data)\s*=\s*["']?\s*(?!#)[^"'\s>]+)",
      std::regex::icase);
  std::smatch m;
  EXPECT_FALSE(std::regex_search(html, m, external)) << m.str();
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("https://stat.gov.kz/ (text only)"), std::string::npos);  // as text
}

TEST(Html, WellFormed) {
  const std::string dir = testing::TempDir();
  ASSERT_TRUE(WriteHtml(SampleReport("kk"), dir + "/r.html").ok());
  const std::string html = ReadAll(dir + "/r.html");
  EXPECT_EQ(TagBalance(html), "");
  // The markup is also XML: a real parser checks it when xmllint is installed.
  if (testing::HaveTool("xmllint")) {
    EXPECT_TRUE(testing::Run("xmllint --noout --nonet " + dir + "/r.html 2>&1").has_value());
  }
}

TEST(Html, TagBalanceCheckerCatchesErrors) {
  EXPECT_NE(TagBalance("<div><p></div></p>"), "");
  EXPECT_NE(TagBalance("<div>"), "");
  EXPECT_EQ(TagBalance("<div><br/><p>x</p></div>"), "");
}

TEST(Html, LineGapsAndRibbons) {
  const std::string html = Render(SampleReport());
  const size_t at = html.find("<figure id=\"fig-posts-per-month\">");
  const std::string fig = html.substr(at, html.find("</figure>", at) - at);
  // The Russian series (first) misses July: its line is drawn in two pieces.
  const std::regex path("<path d=\"(M[^\"]*)\" fill=\"none\" stroke=\"#0072B2\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(fig, m, path));
  EXPECT_EQ(Count(m[1].str(), "M"), 2u) << m[1];
  // The Kazakh series has an interval: a ribbon.
  EXPECT_NE(fig.find("fill=\"#E69F00\" fill-opacity=\"0.18\""), std::string::npos);
  // The data table says "no data" rather than 0.
  EXPECT_NE(fig.find("class=\"missing\">no data<"), std::string::npos);
}

TEST(Html, BarsHaveErrorBarsAndGaps) {
  const std::string html = Render(SampleReport());
  const size_t at = html.find("<figure id=\"fig-barriers\">");
  const std::string fig = html.substr(at, html.find("</figure>", at) - at);
  EXPECT_EQ(Count(fig, "<rect"), 11u + 2u);  // 12 values, one missing; 2 legend swatches
  EXPECT_GE(Count(fig, "stroke=\"#222222\" stroke-width=\"1.3\""), 3u * 11u);
}

TEST(Html, TileMapHasAllTwentyUnits) {
  Report r = SampleReport("ru");
  const std::string html = Render(r);
  const std::vector<std::string> codes = {
      "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39",
      "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"};
  for (const std::string& c : codes) EXPECT_EQ(Count(html, "data-iso=\"" + c + "\""), 1u) << c;
  EXPECT_EQ(Count(html, "data-iso=\""), 20u);
  // Russian short labels, values with a decimal comma, flags, grey for missing.
  EXPECT_NE(html.find(">Астана</text>"), std::string::npos);
  EXPECT_NE(html.find(">ВКО</text>"), std::string::npos);
  EXPECT_NE(html.find(">412,5</text>"), std::string::npos);
  EXPECT_NE(html.find(">thin data</text>"), std::string::npos);
  EXPECT_NE(html.find("fill=\"#d9d9d9\""), std::string::npos);
  EXPECT_NE(html.find("нет данных"), std::string::npos);
}

// A long remark is cut to the tile's width (the browser test showed neighbouring
// remarks running into each other); the tooltip keeps all of it.
TEST(Html, TileMapRemarkFitsTheTile) {
  Report r = SampleReport("kk");
  for (Section& sec : r.sections) {
    for (Block& b : sec.blocks) {
      if (b.figure && b.figure->kind == ChartKind::kTileMap)
        b.figure->flags["KZ-10"] = "халық саны туралы дерек жоқ";
    }
  }
  const std::string html = Render(r);
  EXPECT_NE(html.find(">халық саны\xE2\x80\xA6</text>"), std::string::npos);
  EXPECT_NE(html.find("; халық саны туралы дерек жоқ</title>"), std::string::npos);
}

TEST(Html, TileMapEnglishAndKazakhLabels) {
  EXPECT_NE(Render(SampleReport("en")).find(">North Kaz.</text>"), std::string::npos);
  EXPECT_NE(Render(SampleReport("kk")).find(">Қарағанды</text>"), std::string::npos);
}

TEST(Html, NumbersFollowLanguage) {
  const std::string en = Render(SampleReport("en"));
  const std::string ru = Render(SampleReport("ru"));
  // Table cells: 1430105 people; the year 2024 is left alone.
  EXPECT_NE(en.find(">1,430,105</td>"), std::string::npos);
  EXPECT_NE(ru.find(">1\xE2\x80\xAF"
                    "430\xE2\x80\xAF"
                    "105</td>"),
            std::string::npos);
  EXPECT_NE(en.find(">2024</td>"), std::string::npos);
  EXPECT_NE(ru.find(">412,5</td>"), std::string::npos);
  // Axis ticks.
  EXPECT_NE(en.find(">3,000</text>"), std::string::npos);
  EXPECT_NE(ru.find(">3\xE2\x80\xAF"
                    "000</text>"),
            std::string::npos);
}

// A month in a squeezed column must not break at its hyphen ("2024-" over "01"),
// which the browser test showed; longer labels still wrap.
TEST(Html, ShortLabelsDoNotWrap) {
  const std::string html = Render(SampleReport("en"));
  EXPECT_NE(html.find("<th scope=\"row\" class=\"nowrap\">2024-01</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">Physical access to school buildings</th>"),
            std::string::npos);
  EXPECT_NE(html.find(".nowrap{white-space:nowrap}"), std::string::npos);
}

TEST(Html, AFiguresDataTableIsListedOnceInTheContents) {
  Report r;
  r.lang = "en";
  r.title = "T";
  Section sec;
  sec.id = "volume";
  sec.title = "Volume";
  Figure f;
  f.id = "by-month";
  f.title = "Posts by month";
  f.categories = {"2025-01"};
  Series posts;
  posts.name = "posts";
  posts.values = {1.0};
  f.series = {posts};
  Table same;
  same.id = "by-month-data";
  same.title = "Posts by month";
  same.columns = {"month", "posts"};
  same.rows = {{"2025-01", "1"}};
  Table other = same;
  other.id = "by-platform";
  other.title = "Posts by platform";
  sec.blocks.resize(3);
  sec.blocks[0].figure = f;
  sec.blocks[1].table = same;
  sec.blocks[2].table = other;
  r.sections = {sec};
  const std::string html = Render(r);
  const std::string toc = html.substr(html.find("<nav class=\"toc\""),
                                      html.find("</nav>") - html.find("<nav class=\"toc\""));
  EXPECT_EQ(Count(toc, "Posts by month"), 1u) << toc;
  EXPECT_EQ(Count(toc, "Posts by platform"), 1u) << toc;
  EXPECT_NE(html.find("id=\"tab-by-month-data\""), std::string::npos);  // the table itself stays
}

TEST(Html, RejectsBadIdsAndNamesThePath) {
  Report r = SampleReport();
  r.sections[0].blocks[1].figure->id = "Bad Id";
  Status s = WriteHtml(r, "/tmp/never.html");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("Bad Id"), std::string::npos);

  Report dup = SampleReport();
  dup.sections[2].blocks[1].table->id = "barriers";
  EXPECT_EQ(WriteHtml(dup, "/tmp/never.html").code(), StatusCode::kInvalidArgument);

  Report misaligned = SampleReport();
  misaligned.sections[0].blocks[1].figure->series[0].values.pop_back();
  EXPECT_EQ(WriteHtml(misaligned, "/tmp/never.html").code(), StatusCode::kInvalidArgument);

  s = WriteHtml(SampleReport(), "/nonexistent-dir/x/report.html");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("/nonexistent-dir/x/report.html"), std::string::npos);
}

TEST(Html, EmptyReport) {
  Report r;
  r.lang = "xx";
  const std::string html = Render(r);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(TagBalance(html), "");
}

}  // namespace
}  // namespace tenlik::report
