// The instrument model: kinds, the fixed response scale, and the checks every
// instrument passes whatever it was read from.
#include <set>

#include "review/review.h"

namespace tenlik::review {

std::string_view KindName(InstrumentKind kind) {
  switch (kind) {
    case InstrumentKind::kDistrict:
      return "district";
    case InstrumentKind::kNational:
      return "national";
    case InstrumentKind::kSchool:
      break;
  }
  return "school";
}

std::optional<InstrumentKind> ParseKind(std::string_view name) {
  for (InstrumentKind kind :
       {InstrumentKind::kSchool, InstrumentKind::kDistrict, InstrumentKind::kNational}) {
    if (KindName(kind) == name) return kind;
  }
  return std::nullopt;
}

const std::vector<ResponseOption>& ResponseScale() {
  static const std::vector<ResponseOption> kScale = {
      {Response::kAgree, "agree", {"Келісемін", "Согласен / согласна", "Agree"}, 2},
      {Response::kAgreeToSomeExtent,
       "agree_to_some_extent",
       {"Ішінара келісемін", "Отчасти согласен / согласна", "Agree to some extent"},
       1},
      {Response::kDisagree,
       "disagree",
       {"Келіспеймін", "Не согласен / не согласна", "Disagree"},
       0},
      {Response::kNeedMoreInformation,
       "need_more_information",
       {"Көбірек ақпарат керек", "Нужно больше информации", "Need more information"},
       std::nullopt},
  };
  return kScale;
}

const ResponseOption* FindResponse(std::string_view name) {
  for (const ResponseOption& option : ResponseScale()) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

std::vector<const Indicator*> Indicators(const Instrument& instrument) {
  std::vector<const Indicator*> out;
  for (const Dimension& dimension : instrument.dimensions) {
    for (const Section& section : dimension.sections) {
      for (const Indicator& indicator : section.indicators) out.push_back(&indicator);
    }
    for (const Indicator& indicator : dimension.indicators) out.push_back(&indicator);
  }
  return out;
}

namespace {

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// Walks the tree and stops at the first problem, which it names by node id and field.
class Checker {
 public:
  explicit Checker(const std::string& where) : prefix_(where.empty() ? "" : where + ": ") {}

  Status Id(const std::string& id, const std::string& what) {
    if (id.empty()) return Fail(what + " without an id");
    bool letter = (id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z');
    for (char c : id) {
      if (!IsIdChar(c)) letter = false;
    }
    if (!letter) {
      return Fail(what + " id '" + id +
                  "': expected letters, digits, '.', '_' or '-', starting with a letter");
    }
    if (!seen_.insert(id).second) return Fail("duplicate id '" + id + "'");
    return Status::Ok();
  }

  Status Filled(const Text& text, const std::string& node, const std::string& field) {
    if (text.kk.empty()) return Fail(node + ": " + field + ".kk is empty");
    if (text.ru.empty()) return Fail(node + ": " + field + ".ru is empty");
    if (text.en.empty()) return Fail(node + ": " + field + ".en is empty");
    return Status::Ok();
  }

  Status Fail(const std::string& what) const { return InvalidArgument(prefix_ + what); }

 private:
  std::string prefix_;
  std::set<std::string> seen_;
};

Status CheckIndicator(Checker& check, const Indicator& indicator, bool school) {
  TENLIK_RETURN_IF_ERROR(check.Id(indicator.id, "indicator"));
  TENLIK_RETURN_IF_ERROR(check.Filled(indicator.title, indicator.id, "title"));
  if (indicator.questions.empty()) return check.Fail(indicator.id + ": indicator has no questions");
  for (const Question& question : indicator.questions) {
    TENLIK_RETURN_IF_ERROR(check.Id(question.id, "question"));
    TENLIK_RETURN_IF_ERROR(check.Filled(question.adult, question.id, "adult"));
    if (school) {
      TENLIK_RETURN_IF_ERROR(check.Filled(question.student, question.id, "student"));
    } else if (question.student != Text{}) {
      return check.Fail(question.id + ": student wording is only for school instruments");
    }
  }
  return Status::Ok();
}

}  // namespace

Status Validate(const Instrument& instrument, const std::string& where) {
  Checker check(where);
  TENLIK_RETURN_IF_ERROR(check.Id(instrument.id, "instrument"));
  if (instrument.version < 1) {
    return check.Fail(instrument.id + ": version " + std::to_string(instrument.version) +
                      ": expected a whole number from 1");
  }
  TENLIK_RETURN_IF_ERROR(check.Filled(instrument.title, instrument.id, "title"));
  if (instrument.dimensions.empty()) return check.Fail(instrument.id + ": no dimensions");
  const bool school = instrument.kind == InstrumentKind::kSchool;
  for (const Dimension& dimension : instrument.dimensions) {
    TENLIK_RETURN_IF_ERROR(check.Id(dimension.id, "dimension"));
    TENLIK_RETURN_IF_ERROR(check.Filled(dimension.title, dimension.id, "title"));
    if (dimension.sections.empty() == dimension.indicators.empty()) {
      return check.Fail(dimension.id + ": a dimension holds sections or indicators (one of them)");
    }
    if (school && dimension.sections.empty()) {
      return check.Fail(dimension.id + ": dimensions of a school instrument hold sections");
    }
    for (const Section& section : dimension.sections) {
      TENLIK_RETURN_IF_ERROR(check.Id(section.id, "section"));
      TENLIK_RETURN_IF_ERROR(check.Filled(section.title, section.id, "title"));
      if (section.indicators.empty()) return check.Fail(section.id + ": section has no indicators");
      for (const Indicator& indicator : section.indicators) {
        TENLIK_RETURN_IF_ERROR(CheckIndicator(check, indicator, school));
      }
    }
    for (const Indicator& indicator : dimension.indicators) {
      TENLIK_RETURN_IF_ERROR(CheckIndicator(check, indicator, school));
    }
  }
  return Status::Ok();
}

}  // namespace tenlik::review
