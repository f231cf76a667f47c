#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "review/review.h"

namespace tenlik::review {
namespace {

const std::string kInstruments = std::string(TENLIK_SOURCE_DIR) + "/data/instruments/";
const std::string kBad = std::string(TENLIK_SOURCE_DIR) + "/tests/data/review/";

Instrument Load(const std::string& name) {
  Result<Instrument> instrument = LoadInstrumentFile(kInstruments + name);
  EXPECT_TRUE(instrument.ok()) << instrument.status().ToString();
  return instrument.ok() ? *instrument : Instrument{};
}

// Every text of the instrument, with the node id and field it belongs to.
std::vector<std::pair<std::string, std::string>> AllTexts(const Instrument& instrument) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&out](const std::string& where, const Text& text) {
    out.emplace_back(where + ".kk", text.kk);
    out.emplace_back(where + ".ru", text.ru);
    out.emplace_back(where + ".en", text.en);
  };
  add(instrument.id, instrument.title);
  for (const Dimension& dimension : instrument.dimensions) {
    add(dimension.id, dimension.title);
    for (const Section& section : dimension.sections) add(section.id, section.title);
  }
  for (const Indicator* indicator : Indicators(instrument)) {
    add(indicator->id, indicator->title);
    for (const Question& question : indicator->questions) {
      add(question.id + ".adult", question.adult);
      if (instrument.kind == InstrumentKind::kSchool)
        add(question.id + ".student", question.student);
    }
  }
  return out;
}

void ExpectEveryTextPresentAndRespectful(const Instrument& instrument) {
  for (const auto& [where, text] : AllTexts(instrument)) {
    EXPECT_FALSE(text.empty()) << where;
    for (const char* word :
         {"инвалид ", "мүгедек", "limited abilities", "ограниченными возможностями"}) {
      EXPECT_EQ(text.find(word), std::string::npos) << where << ": " << text;
    }
  }
}

TEST(ShippedInstrumentsTest, SchoolHasThreeDimensionsOfTwoSections) {
  Instrument school = Load("school.yaml");
  EXPECT_EQ(school.id, "school");
  EXPECT_EQ(school.kind, InstrumentKind::kSchool);
  EXPECT_GE(school.version, 1);
  ASSERT_EQ(school.dimensions.size(), 3u);
  EXPECT_EQ(school.dimensions[0].title.en, "Creating inclusive cultures");
  EXPECT_EQ(school.dimensions[1].title.en, "Producing inclusive policies");
  EXPECT_EQ(school.dimensions[2].title.en, "Evolving inclusive practices");
  for (const Dimension& dimension : school.dimensions) {
    EXPECT_EQ(dimension.sections.size(), 2u) << dimension.id;
    EXPECT_TRUE(dimension.indicators.empty()) << dimension.id;
    for (const Section& section : dimension.sections) {
      EXPECT_GE(section.indicators.size(), 3u) << section.id;
      for (const Indicator& indicator : section.indicators) {
        EXPECT_GE(indicator.questions.size(), 2u) << indicator.id;
        EXPECT_LE(indicator.questions.size(), 4u) << indicator.id;
        for (const Question& question : indicator.questions) {
          EXPECT_NE(question.student, question.adult) << question.id;
        }
      }
    }
  }
  EXPECT_EQ(school.dimensions[0].sections[0].indicators[2].id, "A1.3");
  ExpectEveryTextPresentAndRespectful(school);
}

TEST(ShippedInstrumentsTest, DistrictHasTwelveFactors) {
  Instrument district = Load("district.yaml");
  EXPECT_EQ(district.kind, InstrumentKind::kDistrict);
  ASSERT_EQ(district.dimensions.size(), 12u);
  EXPECT_EQ(district.dimensions[0].title.en, "A shared definition of inclusion");
  EXPECT_EQ(district.dimensions[11].title.en, "Staff development");
  for (const Dimension& factor : district.dimensions) {
    EXPECT_FALSE(factor.indicators.empty()) << factor.id;
  }
  ExpectEveryTextPresentAndRespectful(district);
}

TEST(ShippedInstrumentsTest, NationalHasFourDimensions) {
  Instrument national = Load("national.yaml");
  EXPECT_EQ(national.kind, InstrumentKind::kNational);
  ASSERT_EQ(national.dimensions.size(), 4u);
  std::vector<std::string> titles;
  for (const Dimension& dimension : national.dimensions) titles.push_back(dimension.title.en);
  EXPECT_EQ(titles, (std::vector<std::string>{"Concepts", "Policy statements",
                                              "Structures and systems", "Practices"}));
  ExpectEveryTextPresentAndRespectful(national);
}

TEST(ShippedInstrumentsTest, TheFolderLoadsAllThree) {
  Result<std::vector<Instrument>> all = LoadInstrumentsDir(kInstruments);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, "district");  // by file name
}

TEST(InstrumentFileTest, YamlAndJsonRoundTripsGiveTheSameInstrument) {
  for (const char* name : {"school.yaml", "district.yaml", "national.yaml"}) {
    Instrument instrument = Load(name);
    Result<Instrument> yaml = ParseInstrumentYaml(InstrumentToYaml(instrument), "written");
    ASSERT_TRUE(yaml.ok()) << yaml.status().ToString();
    EXPECT_EQ(*yaml, instrument) << name;
    Result<Instrument> json = InstrumentFromJson(InstrumentToJson(instrument));
    ASSERT_TRUE(json.ok()) << json.status().ToString();
    EXPECT_EQ(*json, instrument) << name;
  }
}

TEST(InstrumentFileTest, TheResponseScaleKeepsNeedMoreInformationApart) {
  ASSERT_EQ(ResponseScale().size(), 4u);
  const ResponseOption* need = FindResponse("need_more_information");
  ASSERT_NE(need, nullptr);
  EXPECT_FALSE(need->score.has_value());
  EXPECT_EQ(need->label.ru, "Нужно больше информации");
  EXPECT_EQ(FindResponse("disagree")->score, 0);
  EXPECT_EQ(FindResponse("agree")->score, 2);
  EXPECT_EQ(FindResponse("no"), nullptr);
}

// Each file under tests/data/review/ starting "bad_" is rejected; its first line is a
// comment with the text the error must contain ("# expect: 7:9: duplicate id").
TEST(InstrumentFileTest, BadFilesAreRejectedNamingLineAndWhatWasExpected) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kBad)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bad_", 0) != 0 || entry.path().extension() != ".yaml") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string first;
    std::getline(in, first);
    ASSERT_EQ(first.rfind("# expect: ", 0), 0u) << name;
    const std::string expected = first.substr(10);
    Result<Instrument> loaded = LoadInstrumentFile(entry.path().string());
    ASSERT_FALSE(loaded.ok()) << name;
    EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument) << name;
    EXPECT_NE(loaded.status().message().find(name + ":" + expected), std::string::npos)
        << name << ": " << loaded.status().message();
  }
  EXPECT_GE(files, 6);
}

TEST(InstrumentFileTest, AMissingFileIsNotFound) {
  EXPECT_EQ(LoadInstrumentFile(kBad + "none.yaml").status().code(), StatusCode::kNotFound);
}

TEST(ValidateTest, NamesTheNodeAndField) {
  Instrument instrument = Load("national.yaml");
  instrument.dimensions[1].indicators[0].questions[0].adult.kk.clear();
  Status status = Validate(instrument, "x");
  EXPECT_EQ(status.message(), "x: N2.1.a: adult.kk is empty");
  instrument = Load("national.yaml");
  instrument.dimensions[1].indicators[0].questions[0].student = {"а", "б", "c"};
  EXPECT_NE(Validate(instrument, "x").message().find("only for school"), std::string::npos);
  instrument = Load("national.yaml");
  instrument.dimensions[0].id = "1x";
  EXPECT_NE(Validate(instrument, "x").message().find("starting with a letter"), std::string::npos);
}

}  // namespace
}  // namespace tenlik::review
