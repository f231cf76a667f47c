#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>

#include "review/review.h"

namespace tenlik::review {
namespace {

namespace fs = std::filesystem;

const std::string kInstruments = std::string(TENLIK_SOURCE_DIR) + "/data/instruments/";

using Rows = std::vector<std::vector<std::string>>;

class XlsFormTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tenlik_xlsform_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes a workbook with the given sheets (name, rows); returns its path.
  std::string Write(const std::string& name,
                    const std::vector<std::pair<std::string, Rows>>& sheets) {
    const std::string path = (dir_ / name).string();
    lxw_workbook* book = workbook_new(path.c_str());
    for (const auto& [sheet_name, rows] : sheets) {
      lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
      for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].size(); ++c) {
          if (rows[r][c].empty()) continue;
          worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                 rows[r][c].c_str(), nullptr);
        }
      }
    }
    EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
    return path;
  }

  // A small valid national form; tests break one thing in it.
  static Rows Survey() {
    return {
        {"type", "name", "label::Kazakh (kk)", "label::Russian (ru)", "label::English (en)",
         "hint::English (en)"},
        {"start", "start"},
        {"begin_group", "N1", "Ұғымдар", "Понятия", "Concepts"},
        {"begin_group", "N1.1", "Бір", "Один", "One"},
        {"select_one agree4", "N1.1.a", "Иә", "Да", "Yes", "a hint, ignored"},
        {"end_group"},
        {"end_group"},
    };
  }
  static Rows Choices() {
    return {{"list_name", "name", "label::English (en)"},
            {"agree4", "agree", "Agree"},
            {"agree4", "agree_to_some_extent", "Somewhat"},
            {"agree4", "disagree", "Disagree"},
            {"agree4", "need_more_information", "Don't know"}};
  }
  static Rows Settings() {
    return {{"form_id", "version", "form_title", "kind", "title::Kazakh (kk)",
             "title::Russian (ru)", "title::English (en)"},
            {"tiny", "3", "Tiny", "national", "Шағын", "Малый", "Tiny"}};
  }

  Status Import(const Rows& survey, const Rows& choices = Choices(),
                const Rows& settings = Settings()) {
    std::string path =
        Write("form.xlsx", {{"survey", survey}, {"choices", choices}, {"settings", settings}});
    return ImportXlsForm(path).status();
  }

  fs::path dir_;
};

TEST_F(XlsFormTest, ExportThenImportGivesTheSameInstrument) {
  for (const char* name : {"school", "district", "national"}) {
    Result<Instrument> instrument = LoadInstrumentFile(kInstruments + name + ".yaml");
    ASSERT_TRUE(instrument.ok()) << instrument.status().ToString();
    const std::string path = (dir_ / (std::string(name) + ".xlsx")).string();
    ASSERT_TRUE(ExportXlsForm(*instrument, path).ok());
    Result<Instrument> back = ImportXlsForm(path);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, *instrument) << name;
  }
}

TEST_F(XlsFormTest, ImportsAFormFromAnotherTool) {
  std::string path =
      Write("ok.xlsx", {{"survey", Survey()}, {"choices", Choices()}, {"settings", Settings()}});
  Result<Instrument> instrument = ImportXlsForm(path);
  ASSERT_TRUE(instrument.ok()) << instrument.status().ToString();
  EXPECT_EQ(instrument->id, "tiny");
  EXPECT_EQ(instrument->version, 3);
  EXPECT_EQ(instrument->kind, InstrumentKind::kNational);
  ASSERT_EQ(instrument->dimensions.size(), 1u);
  ASSERT_EQ(instrument->dimensions[0].indicators.size(), 1u);
  EXPECT_EQ(instrument->dimensions[0].indicators[0].questions[0].adult.kk, "Иә");
}

// The check: a malformed XLSForm is rejected with sheet, row and column named.
TEST_F(XlsFormTest, MalformedFormsAreRejectedNamingSheetRowAndColumn) {
  struct Case {
    const char* what;
    Rows survey;
    Rows choices;
    std::string expected;
  };
  std::vector<Case> cases;
  {
    Rows survey = Survey();
    survey[4][2] = "";
    cases.push_back(
        {"empty label", survey, Choices(), "survey row 5, column label::Kazakh (kk): empty label"});
  }
  {
    Rows survey = Survey();
    survey[4][0] = "text";
    cases.push_back({"unknown type", survey, Choices(),
                     "survey row 5, column type: unknown question type 'text'"});
  }
  {
    Rows survey = Survey();
    survey.push_back({"end_group"});
    cases.push_back({"end_group alone", survey, Choices(),
                     "survey row 8, column type: end_group without begin_group"});
  }
  {
    Rows survey = Survey();
    survey[4][0] = "select_one yesno";
    cases.push_back({"missing list", survey, Choices(),
                     "survey row 5, column type: select_one list 'yesno' is missing from the "
                     "choices sheet"});
  }
  {
    Rows survey = Survey();
    survey.pop_back();
    cases.push_back({"unclosed group", survey, Choices(),
                     "survey row 3: group 'N1' is not closed by an end_group"});
  }
  {
    Rows choices = Choices();
    choices[3][1] = "no";
    cases.push_back({"not the scale", Survey(), choices,
                     "choices row 4, column name: 'no' is not an answer of the response scale"});
  }
  {
    Rows survey = Survey();
    survey[3][1] = "N1";
    cases.push_back({"duplicate name", survey, Choices(),
                     "survey row 4, column name: duplicate name 'N1' (first at row 3)"});
  }
  {
    Rows survey = Survey();
    survey.insert(survey.begin() + 2, {"select_one agree4", "loose", "а", "б", "c"});
    cases.push_back({"question outside a group", survey, Choices(),
                     "survey row 3: question 'loose' is outside an indicator group"});
  }
  {
    Rows survey = Survey();
    for (auto& row : survey) row.resize(std::min<size_t>(row.size(), 4));
    cases.push_back(
        {"missing column", survey, Choices(), "survey row 1: no column label::English (en)"});
  }
  for (const Case& c : cases) {
    Status status = Import(c.survey, c.choices);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.what;
    EXPECT_NE(status.message().find("form.xlsx: " + c.expected), std::string::npos)
        << c.what << ": " << status.message();
  }
}

TEST_F(XlsFormTest, SettingsAndSheetsAreChecked) {
  Rows settings = Settings();
  settings[1][3] = "regional";
  EXPECT_NE(Import(Survey(), Choices(), settings)
                .message()
                .find("settings row 2, column kind: kind 'regional': expected school"),
            std::string::npos);
  settings = Settings();
  settings[1][1] = "2024a";
  EXPECT_NE(Import(Survey(), Choices(), settings).message().find("settings row 2, column version"),
            std::string::npos);
  std::string path = Write("two.xlsx", {{"survey", Survey()}, {"choices", Choices()}});
  EXPECT_NE(ImportXlsForm(path).status().message().find("no sheet 'settings'"), std::string::npos);
}

TEST_F(XlsFormTest, SchoolFormsNeedStudentWording) {
  Rows settings = Settings();
  settings[1][3] = "school";
  Rows survey = Survey();
  Status status = Import(survey, Choices(), settings);
  EXPECT_NE(status.message().find("survey row 1: no column student_label::Kazakh (kk)"),
            std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace tenlik::review
