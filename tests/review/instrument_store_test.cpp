#include <gtest/gtest.h>

#include "../store/test_backends.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::review {
namespace {

using store::testing::Backend;

const std::string kInstruments = std::string(TENLIK_SOURCE_DIR) + "/data/instruments/";

class InstrumentStoreTest : public ::testing::TestWithParam<Backend> {};

TEST_P(InstrumentStoreTest, ImportListAndGetVersions) {
  store::testing::TemporaryStore temporary(GetParam());
  ASSERT_FALSE(temporary.location().empty()) << store::testing::kNoPostgresServer;
  auto db = store::Connection::Open(temporary.location(), true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Migrate(Migrations()).ok());

  Result<std::vector<Instrument>> shipped = LoadInstrumentsDir(kInstruments);
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  for (const Instrument& instrument : *shipped) {
    Result<ImportOutcome> added = ImportInstrument(**db, instrument, 1000);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_EQ(*added, ImportOutcome::kAdded);
  }
  // The same content again changes nothing.
  Result<ImportOutcome> again = ImportInstrument(**db, (*shipped)[2], 2000);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, ImportOutcome::kAlreadyStored);

  // Other content under the same id and version is refused; a new version is added.
  Instrument changed = (*shipped)[2];
  ASSERT_EQ(changed.id, "school");
  changed.dimensions[0].sections[0].indicators[0].questions[0].adult.en = "Changed wording.";
  EXPECT_EQ(ImportInstrument(**db, changed, 3000).status().code(), StatusCode::kAlreadyExists);
  changed.version = 2;
  ASSERT_TRUE(ImportInstrument(**db, changed, 3000).ok());

  Result<std::vector<InstrumentSummary>> list = ListInstruments(**db);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 4u);
  EXPECT_EQ((*list)[0].id, "district");
  EXPECT_EQ((*list)[2].id, "school");
  EXPECT_EQ((*list)[2].version, 1);
  EXPECT_EQ((*list)[2].imported_at, 1000);
  EXPECT_EQ((*list)[3].version, 2);
  EXPECT_EQ((*list)[3].kind, InstrumentKind::kSchool);
  EXPECT_EQ((*list)[3].title.kk, changed.title.kk);

  Result<Instrument> latest = GetInstrument(**db, "school", std::nullopt);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(*latest, changed);
  Result<Instrument> first = GetInstrument(**db, "school", 1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, (*shipped)[2]);
  EXPECT_EQ(GetInstrument(**db, "school", 7).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(GetInstrument(**db, "nobody", std::nullopt).status().code(), StatusCode::kNotFound);
}

TEST_P(InstrumentStoreTest, AnInvalidInstrumentIsNotStored) {
  store::testing::TemporaryStore temporary(GetParam());
  ASSERT_FALSE(temporary.location().empty()) << store::testing::kNoPostgresServer;
  auto db = store::Connection::Open(temporary.location(), true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Migrate(Migrations()).ok());
  Result<Instrument> national = LoadInstrumentFile(kInstruments + "national.yaml");
  ASSERT_TRUE(national.ok());
  national->title.ru.clear();
  EXPECT_EQ(ImportInstrument(**db, *national, 1).status().code(), StatusCode::kInvalidArgument);
  Result<std::vector<InstrumentSummary>> list = ListInstruments(**db);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, InstrumentStoreTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         store::testing::BackendName);

}  // namespace
}  // namespace tenlik::review
