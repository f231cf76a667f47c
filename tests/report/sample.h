// A sample report with every chart kind, shared by the report tests (and rendered
// to a file by Demo.WritesSampleReport when TENLIK_REPORT_DEMO_DIR is set).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "report/report.h"

namespace tenlik::report::testing {

inline std::optional<double> V(double v) { return v; }
inline constexpr std::nullopt_t kGap = std::nullopt;

inline Report SampleReport(const std::string& lang = "en") {
  Report r;
  r.lang = lang;
  r.title = "Inclusive education in social media, 2024";
  r.subtitle = "Study \"inclusion-2024\" \xC2\xB7 posts from 1 January to 31 December 2024 \xC2\xB7 run 2025-01-15";
  r.caveat =
      "These posts are not a representative sample of people in Kazakhstan: they show what was "
      "written in public channels that we could collect. Regions with few posts are marked \"thin data\".";
  r.footer = "Sources: public posts collected by the study team. Population: Bureau of National Statistics, 2024.\n"
             "Licence: CC BY 4.0.";

  Section overview{"overview", "Overview", {}};
  overview.blocks.push_back({std::string("Posts about inclusive education rose through the school year. "
                                         "Shaded bands show 95% intervals."),
                             std::nullopt, std::nullopt});
  Figure line;
  line.id = "posts-per-month";
  line.title = "Posts per month about inclusive education";
  line.kind = ChartKind::kLine;
  line.categories = {"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
                     "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"};
  Series ru{"Russian", {V(1210), V(1340), V(1500), V(1420), V(1610), V(900), kGap, V(870), V(2350), V(2610), V(2480), V(2290)}, {}, {}};
  Series kk{"Kazakh", {V(640), V(700), V(820), V(760), V(905), V(450), V(380), V(520), V(1320), V(1450), V(1390), V(1250)}, {}, {}};
  for (const auto& v : kk.values) {
    kk.low.push_back(v ? std::optional<double>(*v * 0.85) : kGap);
    kk.high.push_back(v ? std::optional<double>(*v * 1.15) : kGap);
  }
  Series en{"English", {V(120), V(95), V(130), V(110), V(150), V(60), V(40), V(55), V(210), V(190), V(205), V(180)}, {}, {}};
  line.series = {ru, kk, en};
  line.value_label = "posts per month";
  line.note = "Counts all posts that match the topic query \"inclusive education\", by month of publication; "
              "out of 41,230 posts collected in 2024. July has no Russian-language data (collection outage).";
  overview.blocks.push_back({std::nullopt, line, std::nullopt});

  Section barriers{"barriers", "Barriers named in posts", {}};
  Figure bar;
  bar.id = "barriers";
  bar.title = "Share of posts naming each barrier, by author";
  bar.kind = ChartKind::kBar;
  bar.categories = {"Physical access to school buildings", "Teacher preparation", "Attitudes and stigma",
                    "Transport", "Assistive technology", "Psychological-medical-pedagogical consultation"};
  bar.series = {
      {"Parents", {V(31.2), V(24.5), V(18.9), V(12.1), V(7.4), V(5.9)},
                  {V(28.0), V(21.6), V(16.2), V(9.9), V(5.6), V(4.3)},
                  {V(34.5), V(27.5), V(21.8), V(14.6), V(9.5), V(7.9)}},
      {"Teachers", {V(22.8), V(35.1), V(12.4), V(6.2), kGap, V(9.7)},
                   {V(18.9), V(30.6), V(9.4), V(4.1), kGap, V(7.0)},
                   {V(27.1), V(39.8), V(16.0), V(9.1), kGap, V(13.1)}},
  };
  bar.value_label = "% of posts that name any barrier";
  bar.note = "Out of 6,912 posts that name at least one barrier; a post may name several. "
             "Teachers' posts on assistive technology are too few to show (fewer than 20).";
  barriers.blocks.push_back({std::nullopt, bar, std::nullopt});

  Figure stacked;
  stacked.id = "sentiment";
  stacked.title = "Tone of posts by platform";
  stacked.kind = ChartKind::kStackedBar;
  stacked.categories = {"Telegram", "Instagram", "Facebook", "VK", "News sites"};
  stacked.series = {
      {"Negative", {V(28), V(19), V(33), V(25), V(12)}, {}, {}},
      {"Neutral", {V(51), V(44), V(45), V(50), V(71)}, {}, {}},
      {"Positive", {V(21), V(37), V(22), V(25), V(17)}, {}, {}},
  };
  stacked.value_label = "% of rated posts";
  stacked.note = "Sentiment model v3 on posts it could rate (84% of posts); the rest are \"not rated\".";
  barriers.blocks.push_back({std::nullopt, stacked, std::nullopt});

  Section regions{"regions", "Regions", {}};
  Figure map;
  map.id = "posts-by-region";
  map.title = "Posts per 100,000 people by region";
  map.kind = ChartKind::kTileMap;
  const std::vector<std::pair<std::string, std::optional<double>>> values = {
      {"KZ-71", 412.5}, {"KZ-75", 388.1}, {"KZ-79", 201.7}, {"KZ-11", 95.2}, {"KZ-15", 88.4},
      {"KZ-19", 76.9}, {"KZ-23", 64.0}, {"KZ-27", 71.3}, {"KZ-31", 58.8}, {"KZ-35", 120.6},
      {"KZ-39", 66.1}, {"KZ-43", 49.5}, {"KZ-47", 83.2}, {"KZ-55", 91.7}, {"KZ-59", 54.3},
      {"KZ-61", 44.9}, {"KZ-63", 102.4}, {"KZ-10", 35.6}, {"KZ-33", 29.8}, {"KZ-62", kGap}};
  Series s{"Posts per 100,000 people", {}, {}, {}};
  for (const auto& [code, v] : values) {
    map.categories.push_back(code);
    s.values.push_back(v);
  }
  map.series = {s};
  map.value_label = "posts per 100,000 people";
  map.flags = {{"KZ-10", "thin data"}, {"KZ-33", "thin data"}, {"KZ-62", "no posts"}};
  map.note = "Posts with a detected place, per 100,000 residents (BNS, 1 January 2024); "
             "out of 18,407 posts with a place. Ulytau: no posts found.";
  regions.blocks.push_back({std::nullopt, map, std::nullopt});

  Table t;
  t.id = "regions-table";
  t.title = "Posts and population by region";
  t.columns = {"Region", "Posts", "Population", "Per 100,000", "Year"};
  t.rows = {{"Astana", "5899", "1430105", "412.5", "2024"},
            {"Almaty", "8650", "2228675", "388.1", "2024"},
            {"Shymkent", "2465", "1222066", "201.7", "2024"},
            {"Ulytau", "0", "221317", "0.0", "2024"}};
  t.note = "Population: Bureau of National Statistics, 1 January 2024 (Ulytau: 1 January 2025).";
  regions.blocks.push_back({std::nullopt, std::nullopt, t});

  r.sections = {overview, barriers, regions};
  return r;
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a shell command; its stdout, or nullopt when it failed.
inline std::optional<std::string> Run(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = pclose(p);
  if (rc != 0) return std::nullopt;
  return out;
}

inline bool HaveTool(const std::string& name) {
  return Run("command -v " + name + " >/dev/null 2>&1").has_value();
}

// A fresh temporary folder.
inline std::string TempDir() {
  char tmpl[] = "/tmp/tenlik_report_XXXXXX";
  const char* d = mkdtemp(tmpl);
  return d ? std::string(d) : std::string("/tmp");
}

}  // namespace tenlik::report::testing
