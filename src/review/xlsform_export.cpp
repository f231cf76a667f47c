// Writing an instrument as an XLSForm workbook (survey, choices, settings) with
// libxlsxwriter.
#include <xlsxwriter.h>

#include <vector>

#include "review/xlsform_internal.h"

namespace tenlik::review {
namespace {

class Workbook {
 public:
  explicit Workbook(std::string path)
      : path_(std::move(path)), book_(workbook_new(path_.c_str())) {}
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  Result<lxw_worksheet*> AddSheet(const char* name) {
    if (book_ == nullptr) return IoError("cannot create " + path_);
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name);
    if (sheet == nullptr) return IoError("cannot add sheet " + std::string(name) + " to " + path_);
    return sheet;
  }

  // Writes `cells` as row `row` (0-based) of `sheet`; empty cells are left blank.
  Status Row(lxw_worksheet* sheet, lxw_row_t row, const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      lxw_error error =
          worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
      if (error != LXW_NO_ERROR) {
        return IoError("cannot write " + path_ + ": " + lxw_strerror(error));
      }
    }
    return Status::Ok();
  }

  Status Close() {
    lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) return IoError("cannot write " + path_ + ": " + lxw_strerror(error));
    return Status::Ok();
  }

 private:
  std::string path_;
  lxw_workbook* book_;
};

// Appends the three languages of `text` in column order.
void AppendTexts(std::vector<std::string>& cells, const Text& text) {
  for (const XlsFormLanguage& lang : kXlsFormLanguages) cells.push_back(text.*lang.field);
}

class SurveyWriter {
 public:
  SurveyWriter(Workbook& book, lxw_worksheet* sheet, bool school)
      : book_(book), sheet_(sheet), school_(school) {}

  Status Header() {
    std::vector<std::string> cells = {"type", "name"};
    for (const XlsFormLanguage& lang : kXlsFormLanguages)
      cells.push_back(std::string(kLabelPrefix) + lang.name);
    if (school_) {
      for (const XlsFormLanguage& lang : kXlsFormLanguages)
        cells.push_back(std::string(kStudentPrefix) + lang.name);
    }
    return Next(cells);
  }
  Status Begin(const std::string& id, const Text& title) {
    std::vector<std::string> cells = {"begin_group", id};
    AppendTexts(cells, title);
    return Next(cells);
  }
  Status End() { return Next({"end_group"}); }
  Status Indicator(const review::Indicator& indicator) {
    TENLIK_RETURN_IF_ERROR(Begin(indicator.id, indicator.title));
    for (const Question& question : indicator.questions) {
      std::vector<std::string> cells = {std::string("select_one ") + kScaleList, question.id};
      AppendTexts(cells, question.adult);
      if (school_) AppendTexts(cells, question.student);
      TENLIK_RETURN_IF_ERROR(Next(cells));
    }
    return End();
  }

 private:
  Status Next(const std::vector<std::string>& cells) { return book_.Row(sheet_, row_++, cells); }

  Workbook& book_;
  lxw_worksheet* sheet_;
  bool school_;
  lxw_row_t row_ = 0;
};

}  // namespace

Status ExportXlsForm(const Instrument& instrument, const std::string& path) {
  Workbook book(path);
  TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * survey_sheet, book.AddSheet("survey"));
  TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * choices, book.AddSheet("choices"));
  TENLIK_ASSIGN_OR_RETURN(lxw_worksheet * settings, book.AddSheet("settings"));

  SurveyWriter survey(book, survey_sheet, instrument.kind == InstrumentKind::kSchool);
  TENLIK_RETURN_IF_ERROR(survey.Header());
  for (const Dimension& dimension : instrument.dimensions) {
    TENLIK_RETURN_IF_ERROR(survey.Begin(dimension.id, dimension.title));
    for (const Section& section : dimension.sections) {
      TENLIK_RETURN_IF_ERROR(survey.Begin(section.id, section.title));
      for (const Indicator& indicator : section.indicators)
        TENLIK_RETURN_IF_ERROR(survey.Indicator(indicator));
      TENLIK_RETURN_IF_ERROR(survey.End());
    }
    for (const Indicator& indicator : dimension.indicators)
      TENLIK_RETURN_IF_ERROR(survey.Indicator(indicator));
    TENLIK_RETURN_IF_ERROR(survey.End());
  }

  std::vector<std::string> header = {"list_name", "name"};
  for (const XlsFormLanguage& lang : kXlsFormLanguages)
    header.push_back(std::string(kLabelPrefix) + lang.name);
  TENLIK_RETURN_IF_ERROR(book.Row(choices, 0, header));
  lxw_row_t row = 1;
  for (const ResponseOption& option : ResponseScale()) {
    std::vector<std::string> cells = {kScaleList, std::string(option.name)};
    AppendTexts(cells, option.label);
    TENLIK_RETURN_IF_ERROR(book.Row(choices, row++, cells));
  }

  header = {"form_id", "version", "form_title", "kind"};
  for (const XlsFormLanguage& lang : kXlsFormLanguages)
    header.push_back(std::string(kTitlePrefix) + lang.name);
  TENLIK_RETURN_IF_ERROR(book.Row(settings, 0, header));
  std::vector<std::string> values = {instrument.id, std::to_string(instrument.version),
                                     instrument.title.en, std::string(KindName(instrument.kind))};
  AppendTexts(values, instrument.title);
  TENLIK_RETURN_IF_ERROR(book.Row(settings, 1, values));
  return book.Close();
}

}  // namespace tenlik::review
