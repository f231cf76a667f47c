// Gazetteer loading and place detection, mostly from tests/data/geo/places_cases.tsv.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "geo/geo.h"

namespace tenlik::geo {
namespace {

const std::string kDataDir = std::string(TENLIK_SOURCE_DIR) + "/data/gazetteer";

const Gazetteer& Shipped() {
  static const Gazetteer* g = [] {
    Result<Gazetteer> loaded = Gazetteer::Load(kDataDir);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return new Gazetteer(std::move(loaded).value());
  }();
  return *g;
}

std::string Join(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : ",") + c;
  return out.empty() ? "-" : out;
}

TEST(Gazetteer, LoadsTwentyUnits) {
  const Gazetteer& g = Shipped();
  ASSERT_EQ(g.regions().size(), 20u);
  std::set<std::string> codes;
  for (const Region& r : g.regions()) {
    codes.insert(r.iso);
    EXPECT_FALSE(r.name_kk.empty());
    EXPECT_FALSE(r.name_ru.empty());
    EXPECT_FALSE(r.name_en.empty());
    EXPECT_EQ(r.population.has_value(), !r.population_date.empty()) << r.iso;
  }
  EXPECT_EQ(codes.size(), 20u);
  EXPECT_EQ(g.places().size(), 90u);
  EXPECT_FALSE(g.version().empty());
  EXPECT_GT(g.pattern_count(), 300u);
  const Region* almaty = g.FindRegion("KZ-75");
  ASSERT_NE(almaty, nullptr);
  EXPECT_EQ(almaty->name_en, "Almaty");
  ASSERT_TRUE(almaty->population.has_value());
  EXPECT_EQ(*almaty->population, 2228675);
  EXPECT_EQ(g.FindRegion("kz-ala"), almaty);
  EXPECT_EQ(g.FindRegion("KZ-19")->name_en, "Almaty Region");
  EXPECT_EQ(g.FindRegion("KZ-33")->name_en, "Jetisu Region");
  EXPECT_EQ(g.FindRegion("KZ-99"), nullptr);
  // Akmola with no verified population stays empty.
  EXPECT_FALSE(g.FindRegion("KZ-11")->population.has_value());
}

TEST(Gazetteer, MissingDirectoryIsNotFound) {
  Result<Gazetteer> g = Gazetteer::Load("/nonexistent/gazetteer");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
}

TEST(Gazetteer, BadRowIsDataLoss) {
  std::string dir = ::testing::TempDir() + "/geo_bad";
  std::string cmd = "mkdir -p " + dir + " && cp " + kDataDir + "/*.csv " + kDataDir +
                    "/name_rules.tsv " + dir;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  {
    std::ofstream out(dir + "/places.csv", std::ios::app);
    out << "Nowhere,Ешқайда,Нигде,KZ-98,city,,,\n";
  }
  Result<Gazetteer> g = Gazetteer::Load(dir);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(g.status().message().find("places.csv:92"), std::string::npos)
      << g.status().message();
}

TEST(Gazetteer, ConflictsAreOnlyTheKnownOnes) {
  // Names given to two units are settled by precedence; every such name must be
  // one we know about, so that a new data row cannot silently move a city.
  std::set<std::string> known = {"akmola", "акмола", "aqmola",      "акмолинск",
                                 "almaty", "алматы", "алматинская"};
  for (const std::string& c : Shipped().conflicts()) {
    std::string key = c.substr(0, c.find(':'));
    EXPECT_TRUE(known.count(key) > 0) << c;
  }
}

struct Case {
  int line;
  std::string expected;
  std::string text;
};

std::vector<Case> ReadCases() {
  std::ifstream in(std::string(TENLIK_SOURCE_DIR) + "/tests/data/geo/places_cases.tsv");
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << "places_cases.tsv:" << number << ": no TAB";
      continue;
    }
    cases.push_back({number, line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

TEST(FindPlaces, Cases) {
  std::vector<Case> cases = ReadCases();
  ASSERT_GE(cases.size(), 50u);
  int negatives = 0;
  for (const Case& c : cases) {
    if (c.expected == "-") ++negatives;
    EXPECT_EQ(Join(Shipped().FindPlaces(c.text)), c.expected)
        << "places_cases.tsv:" << c.line << ": " << c.text;
  }
  EXPECT_GE(negatives, 10);
}

TEST(FindPlaces, MentionsCarrySpans) {
  std::string text = "Мы из Усть-Каменогорска, а учимся в Алматы облысы.";
  std::vector<Mention> m = Shipped().FindMentions(text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].iso, "KZ-63");
  EXPECT_EQ(text.substr(m[0].text_begin, m[0].text_end - m[0].text_begin),
            "Усть-Каменогорска");
  EXPECT_EQ(m[1].iso, "KZ-19");
  EXPECT_EQ(text.substr(m[1].text_begin, m[1].text_end - m[1].text_begin), "Алматы облысы");
  EXPECT_EQ(m[1].last_word - m[1].first_word, 1u);
}

TEST(FindPlaces, EmptyAndInvalidInput) {
  EXPECT_TRUE(Shipped().FindPlaces("").empty());
  EXPECT_TRUE(Shipped().FindPlaces("   ").empty());
  EXPECT_TRUE(Shipped().FindPlaces(std::string("\xFF\xFE Алм\xD0", 8)).empty());
  EXPECT_EQ(Join(Shipped().FindPlaces("\xFF Алматы \xC3")), "KZ-75");
}

TEST(FindPlaces, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 200; ++i) {
        ok[t] += Join(Shipped().FindPlaces("Шымкентте және Астанада")) == "KZ-79,KZ-71";
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 200);
}

TEST(ResolvePlaceHint, ExportFields) {
  const Gazetteer& g = Shipped();
  auto r = [&g](std::string_view hint) { return g.ResolvePlaceHint(hint).value_or("-"); };
  EXPECT_EQ(r("Almaty"), "KZ-75");
  EXPECT_EQ(r("Караганда"), "KZ-35");
  EXPECT_EQ(r("Astana, Kazakhstan"), "KZ-71");
  EXPECT_EQ(r("Алматы облысы"), "KZ-19");
  EXPECT_EQ(r("Алматинская обл."), "KZ-19");
  EXPECT_EQ(r("Semey"), "KZ-10");
  EXPECT_EQ(r("Семей"), "KZ-10");  // a place field: "семей" is not "families" here
  EXPECT_EQ(r("Kazakhstan, Shymkent"), "KZ-79");
  EXPECT_EQ(r("  Öskemen "), "KZ-63");
  EXPECT_EQ(r("KZ-75"), "KZ-75");
  EXPECT_EQ(r("kz-ala"), "KZ-75");
  EXPECT_EQ(r("Kazakhstan"), "-");
  EXPECT_EQ(r(""), "-");
  EXPECT_EQ(r("Бишкек"), "-");
}

TEST(DefaultGazetteerDir, FollowsTenlikData) {
  std::string data = std::string(TENLIK_SOURCE_DIR) + "/data";
  setenv("TENLIK_DATA", data.c_str(), 1);
  Result<std::string> dir = DefaultGazetteerDir();
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  EXPECT_EQ(*dir, data + "/gazetteer");
  setenv("TENLIK_DATA", "/nonexistent", 1);
  EXPECT_EQ(DefaultGazetteerDir().status().code(), StatusCode::kNotFound);
  unsetenv("TENLIK_DATA");
}

}  // namespace
}  // namespace tenlik::geo
