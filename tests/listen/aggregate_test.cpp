// Mergeable counts and the statistics of the study figures.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"

namespace tenlik::listen {
namespace {

Study TestStudy() {
  Study s;
  s.name = {"t", "t", "t"};
  s.period_from = "2025-01-01";
  s.period_to = "2025-12-31";
  s.from_ts = 1735671600;
  s.to_ts = 1767207600;
  s.subtopics = {{"sub", {"s", "s", "s"}, {{"q1", {}, "x", 1}, {"q2", {}, "y", 2}}}};
  return s;
}

ScannedPost MakePost(int i) {
  ScannedPost p;
  p.id = i;
  p.published_at = 1735671600 + static_cast<int64_t>(i) * 86400 * 7;
  p.platform = i % 3 ? "telegram" : "vk";
  p.corpus = i % 4 ? "public" : "organisations";
  p.lang = i % 2 ? "ru" : "kk";
  p.author_type = i % 5 ? "person" : "organisation";
  p.original = i % 6 != 0;
  p.annotation.queries =
      i % 2 ? std::vector<std::string>{"q1"} : std::vector<std::string>{"q1", "q2"};
  p.annotation.lexicon = {"barriers:access/ramp"};
  p.annotation.girls = i % 3 == 0;
  p.annotation.boys = i % 4 == 0;
  p.annotation.stigmatising = i % 7 == 0;
  p.annotation.person_first = i % 5 == 0;
  if (p.annotation.stigmatising) p.annotation.stigma_terms = {"инвалид"};
  p.annotation.sentiment = i % 2 ? "positive" : "not_rated";
  p.annotation.regions = i % 8 ? std::vector<std::string>{"KZ-75"} : std::vector<std::string>{};
  p.annotation.region_source = i % 8 ? "hint" : "";
  p.annotation.hashtags = {"#a", i % 2 ? "#b" : "#c"};
  return p;
}

TEST(AggregateTest, MergingHalvesEqualsWhole) {
  Study study = TestStudy();
  CountBuffer whole_buffer, first_buffer, second_buffer;
  for (int i = 1; i <= 40; ++i) {
    ScannedPost p = MakePost(i);
    PostTerms terms = {{"школа", i % 2 ? "пандус" : "мектеп"},
                       {i % 3 ? "школа" : "школы", i % 2 ? "пандус" : "мектеп"}};
    AddPost(study, p, terms, &whole_buffer);
    AddPost(study, p, terms, i <= 17 ? &first_buffer : &second_buffer);
  }
  StudyCounts whole, first, second;
  whole_buffer.AddTo(&whole);
  first_buffer.AddTo(&first);
  second_buffer.AddTo(&second);
  EXPECT_TRUE(whole_buffer.tables.empty());
  EXPECT_NE(first, whole);
  StudyCounts merged = first;
  merged.Merge(second);
  EXPECT_EQ(merged, whole);
  StudyCounts other_order = second;
  other_order.Merge(first);
  EXPECT_EQ(other_order, whole);
  EXPECT_EQ(whole.Get("all:posts", ""), 40);
  EXPECT_EQ(whole.Get("orig:posts", ""), 40 - 6);  // ids 6, 12, ..., 36 are near-duplicates
  EXPECT_EQ(whole.Get("all:subtopic", "sub"), 40);
  EXPECT_EQ(whole.Get("all:query", "q2"), 20);
  // The written forms merge like every other count; the most written one is shown.
  EXPECT_EQ(whole.Get("orig:term_surface", "школа\tшкола") +
                whole.Get("orig:term_surface", "школа\tшколы"),
            whole.Get("orig:posts", ""));
  EXPECT_EQ(SurfaceForm(merged, "школа"), "школа");
  EXPECT_EQ(SurfaceForm(merged, "мектеп"), "мектеп");
  EXPECT_EQ(SurfaceForm(merged, "absent"), "absent");
}

TEST(AggregateTest, SurfaceFormIsTheOneMostPostsWrote) {
  Study study = TestStudy();
  CountBuffer buffer;
  for (int i = 1; i <= 5; ++i) {
    ScannedPost p = MakePost(i);
    // Three posts write "қазақстанда", two "казакстанда"; "қазақстан" is in
    // every post but once per post, however often it repeats.
    PostTerms terms = {
        {"казакстан", "казакстан"},
        {i <= 3 ? "қазақстанда" : "казакстанда", i <= 3 ? "қазақстанда" : "казакстанда"}};
    AddPost(study, p, terms, &buffer);
  }
  StudyCounts counts;
  buffer.AddTo(&counts);
  EXPECT_EQ(counts.Get("orig:term_surface", "казакстан\tқазақстанда"), 3);
  EXPECT_EQ(counts.Get("orig:term_surface", "казакстан\tказакстанда"), 2);
  EXPECT_EQ(SurfaceForm(counts, "казакстан"), "қазақстанда");
  // A key that is a prefix of another key does not take its forms.
  EXPECT_EQ(SurfaceForm(counts, "казак"), "казак");
}

TEST(AggregateTest, Wilson) {
  auto [lo, hi] = Wilson(50, 100);
  EXPECT_NEAR(lo, 0.4038, 1e-4);
  EXPECT_NEAR(hi, 0.5962, 1e-4);
  auto [lo0, hi0] = Wilson(0, 10);
  EXPECT_DOUBLE_EQ(lo0, 0);
  EXPECT_NEAR(hi0, 0.2775, 1e-4);
  auto [a, b] = Wilson(0, 0);
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 0);
}

TEST(AggregateTest, LogLikelihood) {
  // Equal relative frequencies: no keyness.
  EXPECT_NEAR(LogLikelihoodG2(10, 20, 1000, 2000), 0, 1e-9);
  // Rayson & Garside's example style: 100 in 10,000 vs 10 in 10,000.
  double g2 = LogLikelihoodG2(100, 10, 10000, 10000);
  double e = 55;
  double expected = 2 * (100 * std::log(100 / e) + 10 * std::log(10 / e));
  EXPECT_NEAR(g2, expected, 1e-9);
  EXPECT_GT(g2, 10.83);
}

TEST(AggregateTest, CalendarKeysInLocalTime) {
  // 2025-12-31T20:00:00Z is 2026-01-01T01:00 in Kazakhstan (+05:00).
  CalendarKeys k = Calendar(1767211200, 300);
  EXPECT_EQ(k.month, "2026-01");
  EXPECT_EQ(k.quarter, "2026-Q1");
  EXPECT_EQ(k.day, "2026-01-01");
  EXPECT_EQ(k.week, "2026-W01");
  EXPECT_EQ(Calendar(1767211200, 0).month, "2025-12");
  // 2024-12-30 (Monday) is in ISO week 2025-W01.
  EXPECT_EQ(Calendar(1735516800, 0).week, "2025-W01");
  EXPECT_EQ(Calendar(1735516800 - 86400, 0).week, "2024-W52");
}

TEST(AggregateTest, SpikeAndShares) {
  Study study = TestStudy();
  study.thresholds.spike_window = 3;
  StudyCounts c;
  const char* months[] = {"2025-01", "2025-02", "2025-03", "2025-04", "2025-05"};
  int64_t n[] = {10, 12, 11, 40, 12};
  for (int i = 0; i < 5; ++i) {
    c.Add("orig:month", std::string(months[i]) + "\ttelegram\tpublic\tru\tperson", n[i]);
    c.Add("all:month", std::string(months[i]) + "\ttelegram\tpublic\tru\tperson", n[i]);
    c.Add("orig:posts", "", n[i]);
    c.Add("all:posts", "", n[i]);
  }
  c.Add("orig:gender", "girls", 30);
  c.Add("orig:gender", "boys", 25);
  c.Add("orig:gender", "both", 5);
  c.Add("orig:gender", "either", 50);
  Result<std::string> dir = std::string(TENLIK_SOURCE_DIR) + "/data/gazetteer";
  auto g = geo::Gazetteer::Load(*dir);
  ASSERT_TRUE(g.ok());
  nlohmann::json r = ComputeResults(study, c, *g);
  const auto& m = r["volume"]["months"];
  ASSERT_EQ(m.size(), 12u);
  EXPECT_FALSE(m[2]["spike"].get<bool>());
  EXPECT_TRUE(m[3]["spike"].get<bool>());
  EXPECT_NEAR(m[3]["change"].get<double>(), (40.0 - 11) / 11, 1e-12);
  EXPECT_NEAR(r["gender"]["girls_share"].get<double>(), 0.6, 1e-12);
  EXPECT_NEAR(r["gender"]["girls_low"].get<double>(), Wilson(30, 50).first, 1e-12);
  EXPECT_EQ(r["regions"]["units"].size(), 20u);
}

}  // namespace
}  // namespace tenlik::listen
