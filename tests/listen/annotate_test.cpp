// Annotation of hand-written posts: queries, lexicons, gender, stigma, regions,
// hashtags, and sentiment with and without a model.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "listen/listen.h"
#include "sentiment/sentiment.h"

namespace tenlik::listen {
namespace {

namespace fs = std::filesystem;

Study ShippedStudy() {
  Result<Study> s = LoadStudy(std::string(TENLIK_SOURCE_DIR) + "/data/studies/inclusive-education.yaml");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  Study study = *s;
  study.gazetteer_dir = std::string(TENLIK_SOURCE_DIR) + "/data/gazetteer";
  return study;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

AnnotateOptions NoModel() {
  AnnotateOptions o;
  o.sentiment_model = "/nonexistent/sentiment.bin";
  return o;
}

TEST(AnnotateTest, HandWrittenPosts) {
  Study study = ShippedStudy();
  Result<Annotator> a = Annotator::Create(study, NoModel());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->sentiment_available());
  EXPECT_NE(a->sentiment_note().find("no sentiment model"), std::string::npos);
  EXPECT_EQ(a->fingerprint().size(), 16u);

  PostAnnotation p1 = a->Annotate(
      "В нашей школе в Караганде нет пандуса, а дочь с инвалидностью ходит на второй этаж. #инклюзия",
      "ru", "telegram", "person", "public", "");
  EXPECT_TRUE(Has(p1.queries, "barriers-access")) << ::testing::PrintToString(p1.queries);
  EXPECT_TRUE(Has(p1.queries, "inclusive-tags"));
  EXPECT_TRUE(Has(p1.lexicon, "barriers:access/ramp")) << ::testing::PrintToString(p1.lexicon);
  EXPECT_TRUE(p1.girls);
  EXPECT_FALSE(p1.boys);
  EXPECT_TRUE(p1.person_first);
  EXPECT_FALSE(p1.stigmatising);
  EXPECT_EQ(p1.regions, std::vector<std::string>{"KZ-35"});
  EXPECT_EQ(p1.region_source, "text");
  EXPECT_EQ(p1.hashtags, std::vector<std::string>{"#инклюзия"});
  EXPECT_EQ(p1.sentiment, "unavailable");
  EXPECT_FALSE(p1.sentiment_confidence.has_value());

  // The place hint wins over place names in the text.
  PostAnnotation p2 = a->Annotate("Ұлым мүгедек бала деп мектепке алмады. Алматыда тьютор жоқ.", "kk", "instagram",
                                  "person", "public", "Astana");
  EXPECT_TRUE(p2.boys);
  EXPECT_FALSE(p2.girls);
  EXPECT_TRUE(p2.stigmatising);
  EXPECT_FALSE(p2.stigma_terms.empty());
  EXPECT_EQ(p2.regions, std::vector<std::string>{"KZ-71"});
  EXPECT_EQ(p2.region_source, "hint");
  EXPECT_TRUE(Has(p2.queries, "barriers-specialists"));
  EXPECT_TRUE(Has(p2.queries, "stigma-kk"));

  PostAnnotation p3 = a->Annotate("The Comfort School national project opened a new school in Shymkent for children with disabilities.",
                                  "en", "news", "media", "public", "");
  EXPECT_TRUE(Has(p3.lexicon, "programmes:programme/comfort_school")) << ::testing::PrintToString(p3.lexicon);
  EXPECT_TRUE(Has(p3.queries, "programmes-en"));
  EXPECT_EQ(p3.regions, std::vector<std::string>{"KZ-79"});
  EXPECT_FALSE(p3.girls || p3.boys);

  PostAnnotation p4 = a->Annotate("Погода сегодня хорошая.", "ru", "vk", "person", "public", "Бишкек");
  EXPECT_TRUE(p4.queries.empty());
  EXPECT_TRUE(p4.lexicon.empty());
  EXPECT_TRUE(p4.regions.empty());
  EXPECT_EQ(p4.region_source, "");
}

TEST(AnnotateTest, ModelPresentChangesFingerprintAndRates) {
  Study study = ShippedStudy();
  fs::path dir = fs::temp_directory_path() / ("tenlik_annotate_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<sentiment::Example> train;
  const char* pos[] = {"отлично спасибо прекрасная школа", "great school thank you", "керемет мектеп рахмет", "очень хорошо"};
  const char* neg[] = {"ужасно плохо нет пандуса", "terrible bad school", "жаман мектеп", "очень плохо"};
  for (int r = 0; r < 20; ++r) {
    for (const char* t : pos) train.push_back({t, 1});
    for (const char* t : neg) train.push_back({t, 0});
  }
  sentiment::TrainOptions to;
  to.hash_bits = 12;
  to.epochs = 2;
  Result<sentiment::Model> model = sentiment::Train(train, {}, to);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::string path = (dir / "s.bin").string();
  ASSERT_TRUE(model->Save(path).ok());

  AnnotateOptions with;
  with.sentiment_model = path;
  Result<Annotator> a = Annotator::Create(study, with);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->sentiment_available());
  Result<Annotator> b = Annotator::Create(study, NoModel());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->fingerprint(), b->fingerprint());
  AnnotateOptions off;
  off.no_sentiment = true;
  Result<Annotator> c = Annotator::Create(study, off);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->fingerprint(), b->fingerprint());  // both: no sentiment

  PostAnnotation p = a->Annotate("отлично спасибо прекрасная школа", "ru", "vk", "person", "public", "");
  EXPECT_TRUE(p.sentiment == "positive" || p.sentiment == "not_rated") << p.sentiment;
  ASSERT_TRUE(p.sentiment_confidence.has_value());
  EXPECT_GE(*p.sentiment_confidence, 0.5);
  PostAnnotation n = a->Annotate("ужасно плохо нет пандуса", "ru", "vk", "person", "public", "");
  EXPECT_TRUE(n.sentiment == "negative" || n.sentiment == "not_rated") << n.sentiment;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tenlik::listen
