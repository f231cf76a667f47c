// Number formatting per language, number parsing, escaping and label cutting.
#include <gtest/gtest.h>

#include <set>

#include "report/internal.h"

namespace tenlik::report::internal {
namespace {

const std::string kNnbsp = "\xE2\x80\xAF";  // U+202F
const std::string kMinus = "\xE2\x88\x92";  // U+2212

TEST(FormatNumber, English) {
  EXPECT_EQ(FormatNumber(12345, "en", 0), "12,345");
  EXPECT_EQ(FormatNumber(1234567.891, "en", 2), "1,234,567.89");
  EXPECT_EQ(FormatNumber(999, "en", 0), "999");
  EXPECT_EQ(FormatNumber(0.5, "en", 1), "0.5");
  EXPECT_EQ(FormatNumber(-1500, "en", 0), kMinus + "1,500");
  EXPECT_EQ(FormatNumber(-0.01, "en", 1), "0.0");
}

TEST(FormatNumber, RussianAndKazakh) {
  EXPECT_EQ(FormatNumber(12345, "ru", 0), "12" + kNnbsp + "345");
  EXPECT_EQ(FormatNumber(12345.67, "kk", 1), "12" + kNnbsp + "345,7");
  EXPECT_EQ(FormatNumber(1000000, "kk", 0), "1" + kNnbsp + "000" + kNnbsp + "000");
  EXPECT_EQ(FormatNumber(3.25, "ru", 2), "3,25");
  EXPECT_EQ(FormatNumber(12345, "fr", 0), "12,345");  // unknown: English
}

TEST(ChooseDecimals, Sensible) {
  EXPECT_EQ(ChooseDecimals({1, 2, 3000}), 0);
  EXPECT_EQ(ChooseDecimals({12.5, 30.25}), 1);
  EXPECT_EQ(ChooseDecimals({1500.5}), 0);
  EXPECT_EQ(ChooseDecimals({0.25, 0.5}), 2);
  EXPECT_EQ(ChooseDecimals({0.004}), 3);
}

TEST(ParseNumber, Cells) {
  EXPECT_EQ(ParseNumber("12"), 12.0);
  EXPECT_EQ(ParseNumber(" -3.5 "), -3.5);
  EXPECT_EQ(ParseNumber("0.25"), 0.25);
  EXPECT_EQ(ParseNumber("1e3"), 1000.0);
  EXPECT_FALSE(ParseNumber(""));
  EXPECT_FALSE(ParseNumber("007"));
  EXPECT_FALSE(ParseNumber("+5"));
  EXPECT_FALSE(ParseNumber("inf"));
  EXPECT_FALSE(ParseNumber("nan"));
  EXPECT_FALSE(ParseNumber("12%"));
  EXPECT_FALSE(ParseNumber("KZ-10"));
  EXPECT_FALSE(ParseNumber("1,5"));
}

TEST(PlainNumber, RoundTrips) {
  EXPECT_EQ(PlainNumber(0.1), "0.1");
  EXPECT_EQ(PlainNumber(12345), "12345");
  EXPECT_EQ(PlainNumber(-2.5), "-2.5");
  EXPECT_EQ(PlainNumber(-0.0), "0");
}

TEST(Escape, AllSpecialCharacters) {
  EXPECT_EQ(Escape("<a href=\"x\">T&C's</a>"), "&lt;a href=&quot;x&quot;&gt;T&amp;C&#39;s&lt;/a&gt;");
  EXPECT_EQ(Escape("Қазақстан"), "Қазақстан");
  EXPECT_EQ(Escape(std::string("a\0b", 3)), "ab");
}

TEST(Ellipsize, CutsOnCodePoints) {
  EXPECT_EQ(Ellipsize("Қарағанды облысы", 9), "Қарағанд\xE2\x80\xA6");
  EXPECT_EQ(Ellipsize("short", 9), "short");
}

TEST(TileMap, TwentyUnitsOnDistinctCells) {
  const auto& tiles = KazakhstanTiles();
  ASSERT_EQ(tiles.size(), 20u);
  std::set<std::pair<int, int>> cells;
  for (const Tile& t : tiles) {
    EXPECT_TRUE(cells.insert({t.col, t.row}).second) << t.iso;
    EXPECT_LT(t.col, kTileCols);
    EXPECT_LT(t.row, kTileRows);
  }
  EXPECT_EQ(ShortName(*FindTile("KZ-63"), "kk"), "ШҚО");
  EXPECT_EQ(FullName(*FindTile("KZ-75"), "ru"), "город Алматы");
  EXPECT_EQ(FindTile("KZ-99"), nullptr);
}

// The study's platform chart has nine series: each needs a colour of its own.
TEST(SeriesColour, ElevenDistinctColoursThenRepeats) {
  std::set<std::string> fills;
  for (size_t k = 0; k < 11; ++k) EXPECT_TRUE(fills.insert(SeriesColour(k).fill).second) << k;
  EXPECT_STREQ(SeriesColour(11).fill, SeriesColour(0).fill);
}

TEST(TileScale, QuantileClasses) {
  Figure f;
  f.kind = ChartKind::kTileMap;
  Series s;
  for (int i = 1; i <= 20; ++i) s.values.push_back(i);
  s.values.push_back(std::nullopt);
  f.series = {s};
  const TileScale scale = MakeTileScale(f);
  ASSERT_EQ(scale.bounds.size(), 5u);
  EXPECT_EQ(scale.ClassOf(1), 0);
  EXPECT_EQ(scale.ClassOf(4), 0);
  EXPECT_EQ(scale.ClassOf(5), 1);
  EXPECT_EQ(scale.ClassOf(20), 4);
}

}  // namespace
}  // namespace tenlik::report::internal
