// What the web application calls of listen (labels one at a time, stored labels, hit
// counts, one post) works the same on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <string>

#include "../store/test_backends.h"
#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::listen {
namespace {

using store::testing::Backend;
using store::testing::TemporaryStore;

const std::string kData = std::string(TENLIK_SOURCE_DIR) + "/tests/data/listen/validate/";

class ListenApiBackendTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ListenApiBackendTest, LabelsCountsAndPosts) {
  TemporaryStore temporary(GetParam());
  ASSERT_FALSE(temporary.location().empty()) << store::testing::kNoPostgresServer;
  auto db = store::Connection::Open(temporary.location(), true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const std::string key = (temporary.dir() / "tenlik.key").string();
  ASSERT_TRUE(CreatePseudonymKey(key).ok());
  IngestOptions o;
  o.corpus = "public";
  o.files = {kData + "posts.jsonl"};
  o.format = Format::kJsonl;
  o.key_path = key;
  o.rejects_path = (temporary.dir() / "rejects.jsonl").string();
  Result<IngestReport> ingested = Ingest(**db, o);
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  Result<Study> study = LoadStudy(kData + "study.yaml");
  ASSERT_TRUE(study.ok()) << study.status().ToString();

  Result<HitCount> count = CountQueryHits(**db, "пандус* OR ramp*");
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(count->hits, 12);

  Result<ValidationSample> sample = SampleQueryHits(**db, *study, "ramps", {.sample = 3});
  ASSERT_TRUE(sample.ok()) << sample.status().ToString();
  ASSERT_EQ(sample->items.size(), 3u);
  Result<StoredPost> post = LoadStoredPost(**db, sample->items[0].post_id);
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->lang, sample->items[0].lang);
  EXPECT_NE(post->text.find(sample->items[0].hit), std::string::npos);

  const ValidationLabel labels[] = {ValidationLabel::kRelevant, ValidationLabel::kRelevant,
                                    ValidationLabel::kNotRelevant};
  Result<QueryValidation> v = Status(Internal("not set"));
  for (size_t i = 0; i < 3; ++i) {
    v = SetValidationLabel(**db, *study, "ramps", sample->items[i].post_id, labels[i],
                           {.now = 1767225600, .source = "web:test"});
    ASSERT_TRUE(v.ok()) << v.status().ToString();
  }
  EXPECT_EQ(v->relevant, 2);
  EXPECT_EQ(v->labelled, 3);
  EXPECT_EQ(v->validated_on, "2026-01-01");
  v = SetValidationLabel(**db, *study, "ramps", sample->items[1].post_id,
                         ValidationLabel::kNotRelevant, {.now = 1767225600, .source = "web:test"});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->relevant, 1);
  v = SetValidationLabel(**db, *study, "ramps", sample->items[2].post_id,
                         ValidationLabel::kUnlabelled, {.now = 1767225600, .source = "web:test"});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->labelled, 2);

  Result<std::map<int64_t, ValidationLabel>> stored = LoadValidationLabels(**db, *study, "ramps");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(*stored, (std::map<int64_t, ValidationLabel>{
                         {sample->items[0].post_id, ValidationLabel::kRelevant},
                         {sample->items[1].post_id, ValidationLabel::kNotRelevant}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ListenApiBackendTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::listen
