// Reading an XLSForm workbook (survey, choices, settings) as an instrument. Groups
// nest as dimension > section > indicator (or dimension > indicator in district and
// national instruments); every error names the sheet, row and column.
#include <map>
#include <set>

#include "review/xlsform_internal.h"
#include "sheet/sheet.h"

namespace tenlik::review {
namespace {

// Thrown inside this file only; ImportXlsForm turns it into its Status.
struct FormError {
  Status status;
};

// XLSForm types that carry no question (filled in by the data collection tool); they
// are skipped.
const std::set<std::string> kMetadataTypes = {
    "start",     "end",         "today",    "deviceid", "subscriberid",
    "simserial", "phonenumber", "username", "email",    "audit"};

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// One sheet with its header row: columns by name.
class Table {
 public:
  Table(std::string file, std::string name, const sheet::Sheet& rows)
      : file_(std::move(file)), name_(std::move(name)), rows_(rows) {
    if (rows_.empty()) Fail("the sheet is empty (expected a header row)");
    for (size_t c = 0; c < rows_[0].cells.size(); ++c) {
      std::string header = Trim(rows_[0].cells[c]);
      if (!header.empty()) columns_.emplace(header, c);
    }
  }

  [[noreturn]] void Fail(const std::string& what) const {
    throw FormError{InvalidArgument(file_ + ": " + name_ + " " + what)};
  }
  [[noreturn]] void FailAt(const sheet::Row& row, const std::string& column,
                           const std::string& what) const {
    std::string where = "row " + std::to_string(row.number);
    if (!column.empty()) where += ", column " + column;
    Fail(where + ": " + what);
  }

  // The data rows (after the header).
  std::vector<sheet::Row> Rows() const { return {rows_.begin() + 1, rows_.end()}; }

  bool Has(const std::string& column) const { return columns_.contains(column); }

  void Require(const std::string& column, const std::string& why = "") const {
    if (!Has(column)) {
      Fail("row " + std::to_string(rows_[0].number) + ": no column " + column +
           (why.empty() ? "" : " (" + why + ")"));
    }
  }

  // The trimmed cell of `column` in `row`; "" when the column or cell is absent.
  std::string Cell(const sheet::Row& row, const std::string& column) const {
    auto found = columns_.find(column);
    if (found == columns_.end() || found->second >= row.cells.size()) return "";
    return Trim(row.cells[found->second]);
  }

  // The labels of `row` under `prefix` in the three languages, each required.
  Text Labels(const sheet::Row& row, const std::string& prefix) const {
    Text text;
    for (const XlsFormLanguage& lang : kXlsFormLanguages) {
      const std::string column = prefix + lang.name;
      std::string value = Cell(row, column);
      if (value.empty()) FailAt(row, column, "empty label");
      text.*lang.field = std::move(value);
    }
    return text;
  }

  // True when any of the three columns under `prefix` is filled in `row`.
  bool AnyLabel(const sheet::Row& row, const std::string& prefix) const {
    for (const XlsFormLanguage& lang : kXlsFormLanguages) {
      if (!Cell(row, prefix + lang.name).empty()) return true;
    }
    return false;
  }

  // Every label column under `prefix` must exist.
  void RequireLabels(const std::string& prefix, const std::string& why = "") const {
    for (const XlsFormLanguage& lang : kXlsFormLanguages) Require(prefix + lang.name, why);
  }

 private:
  std::string file_;
  std::string name_;
  const sheet::Sheet& rows_;
  std::map<std::string, size_t> columns_;
};

// A group or question of the survey sheet before its level is known.
struct Node {
  int64_t row = 0;
  int64_t end_row = 0;  // groups: the row of their end_group
  std::string name;
  Text label;
  Text student;
  bool question = false;
  std::vector<Node> children;
};

class Importer {
 public:
  Importer(std::string file, const std::map<std::string, sheet::Sheet>& sheets)
      : file_(std::move(file)), sheets_(sheets) {}

  Instrument Run() {
    Instrument instrument;
    ReadSettings(instrument);
    Table choices(file_, "choices", SheetNamed("choices"));
    ReadChoices(choices);
    Table survey(file_, "survey", SheetNamed("survey"));
    std::vector<Node> top = ReadSurvey(survey, instrument.kind == InstrumentKind::kSchool);
    if (top.empty()) survey.Fail("has no groups (expected begin_group for each dimension)");
    for (Node& node : top) instrument.dimensions.push_back(ToDimension(survey, node));
    return instrument;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw FormError{InvalidArgument(file_ + ": " + what)};
  }

  const sheet::Sheet& SheetNamed(const std::string& name) const {
    auto found = sheets_.find(name);
    if (found == sheets_.end())
      Fail("no sheet '" + name + "' (an XLSForm has survey, choices and settings)");
    return found->second;
  }

  void ReadSettings(Instrument& instrument) const {
    Table settings(file_, "settings", SheetNamed("settings"));
    for (const char* column : {"form_id", "version", "kind"}) settings.Require(column);
    settings.RequireLabels(kTitlePrefix, "the instrument's title");
    std::vector<sheet::Row> rows = settings.Rows();
    if (rows.empty()) settings.Fail("has no row under its header");
    const sheet::Row& row = rows[0];
    instrument.id = settings.Cell(row, "form_id");
    if (instrument.id.empty()) settings.FailAt(row, "form_id", "empty form_id");
    const std::string version = settings.Cell(row, "version");
    char* end = nullptr;
    long number = std::strtol(version.c_str(), &end, 10);
    if (version.empty() || *end != '\0' || number < 1 || number > 1000000000) {
      settings.FailAt(row, "version", "expected a whole number from 1, found '" + version + "'");
    }
    instrument.version = static_cast<int>(number);
    const std::string kind = settings.Cell(row, "kind");
    std::optional<InstrumentKind> parsed = ParseKind(kind);
    if (!parsed) {
      settings.FailAt(row, "kind", "kind '" + kind + "': expected school, district or national");
    }
    instrument.kind = *parsed;
    instrument.title = settings.Labels(row, kTitlePrefix);
  }

  // Lists of the choices sheet: name -> options with their rows.
  void ReadChoices(const Table& choices) {
    choices.Require("list_name");
    choices.Require("name");
    for (const sheet::Row& row : choices.Rows()) {
      const std::string list = choices.Cell(row, "list_name");
      if (list.empty()) choices.FailAt(row, "list_name", "empty list_name");
      const std::string name = choices.Cell(row, "name");
      if (name.empty()) choices.FailAt(row, "name", "empty name");
      lists_[list].emplace_back(name, row.number);
    }
  }

  // The list must be the response scale: its four options, each once.
  void CheckScaleList(const Table& survey, const sheet::Row& row, const std::string& list) {
    if (!checked_lists_.insert(list).second) return;
    auto found = lists_.find(list);
    if (found == lists_.end()) {
      survey.FailAt(row, "type",
                    "select_one list '" + list + "' is missing from the choices sheet");
    }
    std::set<std::string> names;
    for (const auto& [name, choice_row] : found->second) {
      if (FindResponse(name) == nullptr) {
        Fail("choices row " + std::to_string(choice_row) + ", column name: '" + name +
             "' is not an answer of the response scale (expected agree, agree_to_some_extent, "
             "disagree, need_more_information)");
      }
      if (!names.insert(name).second) {
        Fail("choices row " + std::to_string(choice_row) + ", column name: '" + name +
             "' appears twice in list '" + list + "'");
      }
    }
    for (const ResponseOption& option : ResponseScale()) {
      if (!names.contains(std::string(option.name))) {
        Fail("choices: list '" + list + "' lacks the answer '" + std::string(option.name) + "'");
      }
    }
  }

  std::vector<Node> ReadSurvey(const Table& survey, bool school) {
    survey.Require("type");
    survey.Require("name");
    survey.RequireLabels(kLabelPrefix);
    if (school) {
      survey.RequireLabels(kStudentPrefix,
                           "a school instrument words each question for students too");
    }
    std::vector<Node> top;
    std::vector<Node> open;  // groups begun and not yet ended, outermost first
    std::map<std::string, int64_t> names;
    auto add = [&](Node node) {
      (open.empty() ? top : open.back().children).push_back(std::move(node));
    };
    for (const sheet::Row& row : survey.Rows()) {
      std::string type = survey.Cell(row, "type");
      for (size_t space; (space = type.find("  ")) != std::string::npos;) type.erase(space, 1);
      if (type.empty()) survey.FailAt(row, "type", "empty type");
      if (kMetadataTypes.contains(type)) continue;
      if (type == "end_group" || type == "end group") {
        if (open.empty()) survey.FailAt(row, "type", "end_group without begin_group");
        Node group = std::move(open.back());
        open.pop_back();
        group.end_row = row.number;
        add(std::move(group));
        continue;
      }
      Node node;
      node.row = row.number;
      node.name = survey.Cell(row, "name");
      if (node.name.empty()) survey.FailAt(row, "name", "empty name");
      auto [first, added] = names.emplace(node.name, row.number);
      if (!added) {
        survey.FailAt(row, "name",
                      "duplicate name '" + node.name + "' (first at row " +
                          std::to_string(first->second) + ")");
      }
      node.label = survey.Labels(row, kLabelPrefix);
      if (type == "begin_group" || type == "begin group") {
        if (survey.AnyLabel(row, kStudentPrefix)) {
          survey.FailAt(row, "",
                        "a group has no student wording (student_label:: is for questions)");
        }
        open.push_back(std::move(node));
        continue;
      }
      if (type.rfind("select_one ", 0) != 0) {
        survey.FailAt(row, "type",
                      "unknown question type '" + type +
                          "' (expected begin_group, end_group or select_one <list>)");
      }
      CheckScaleList(survey, row, Trim(type.substr(11)));
      node.question = true;
      if (school) {
        node.student = survey.Labels(row, kStudentPrefix);
      } else if (survey.AnyLabel(row, kStudentPrefix)) {
        survey.FailAt(row, "", "student wording is only for school instruments");
      }
      add(std::move(node));
    }
    if (!open.empty()) {
      survey.FailAt(sheet::Row{open.back().row, {}}, "",
                    "group '" + open.back().name + "' is not closed by an end_group");
    }
    return top;
  }

  static bool AllQuestions(const Node& group) {
    for (const Node& child : group.children) {
      if (!child.question) return false;
    }
    return true;
  }
  static bool AllGroups(const Node& group) {
    for (const Node& child : group.children) {
      if (child.question) return false;
    }
    return true;
  }

  void CheckGroup(const Table& survey, const Node& node, const char* level) const {
    const sheet::Row row{node.row, {}};
    if (node.question) {
      survey.FailAt(row, "", "question '" + node.name + "' is outside an indicator group");
    }
    if (node.children.empty()) {
      survey.FailAt(row, "",
                    std::string(level) + " group '" + node.name + "' is empty (end_group at row " +
                        std::to_string(node.end_row) + ")");
    }
  }

  Indicator ToIndicator(const Table& survey, const Node& node) const {
    CheckGroup(survey, node, "indicator");
    if (!AllQuestions(node)) {
      survey.FailAt(sheet::Row{node.row, {}}, "",
                    "group '" + node.name +
                        "' holds groups nested deeper than dimension, section and indicator");
    }
    Indicator indicator{node.name, node.label, {}};
    for (const Node& q : node.children) indicator.questions.push_back({q.name, q.label, q.student});
    return indicator;
  }

  Dimension ToDimension(const Table& survey, const Node& node) const {
    CheckGroup(survey, node, "dimension");
    if (!AllGroups(node)) {
      survey.FailAt(sheet::Row{node.row, {}}, "",
                    "dimension group '" + node.name +
                        "' holds questions directly (expected section or indicator groups)");
    }
    Dimension dimension{node.name, node.label, {}, {}};
    bool sections = !AllQuestions(node.children[0]);
    for (const Node& child : node.children) {
      CheckGroup(survey, child, "section or indicator");
      if (AllQuestions(child) == sections) {
        survey.FailAt(sheet::Row{child.row, {}}, "",
                      "group '" + child.name + "' in dimension '" + node.name +
                          "': a dimension holds either sections or indicators, not both");
      }
      if (!sections) {
        dimension.indicators.push_back(ToIndicator(survey, child));
        continue;
      }
      if (!AllGroups(child)) {
        survey.FailAt(sheet::Row{child.row, {}}, "",
                      "section group '" + child.name + "' mixes questions and groups");
      }
      Section section{child.name, child.label, {}};
      for (const Node& indicator : child.children)
        section.indicators.push_back(ToIndicator(survey, indicator));
      dimension.sections.push_back(std::move(section));
    }
    return dimension;
  }

  std::string file_;
  const std::map<std::string, sheet::Sheet>& sheets_;
  std::map<std::string, std::vector<std::pair<std::string, int64_t>>> lists_;
  std::set<std::string> checked_lists_;
};

}  // namespace

Result<Instrument> ImportXlsForm(const std::string& path) {
  TENLIK_ASSIGN_OR_RETURN(auto sheets, sheet::ReadXlsx(path));
  try {
    Instrument instrument = Importer(path, sheets).Run();
    TENLIK_RETURN_IF_ERROR(Validate(instrument, path));
    return instrument;
  } catch (const FormError& e) {
    return e.status;
  }
}

}  // namespace tenlik::review
