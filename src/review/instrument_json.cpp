// Instruments as versioned JSON, the form the store keeps (nlohmann-json; keys keep
// the order written here, so equal instruments give equal text).
#include <nlohmann/json.hpp>

#include "review/review.h"

namespace tenlik::review {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormatName = "tenlik-instrument";

Json TextJson(const Text& text) { return Json{{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}}; }

Json IndicatorsJson(const std::vector<Indicator>& indicators) {
  Json list = Json::array();
  for (const Indicator& indicator : indicators) {
    Json questions = Json::array();
    for (const Question& question : indicator.questions) {
      Json q = {{"id", question.id}, {"adult", TextJson(question.adult)}};
      if (question.student != Text{}) q["student"] = TextJson(question.student);
      questions.push_back(std::move(q));
    }
    list.push_back(
        {{"id", indicator.id}, {"title", TextJson(indicator.title)}, {"questions", questions}});
  }
  return list;
}

// nlohmann's accessors throw on a wrong type or a missing key; InstrumentFromJson
// turns that into DataLoss.
Text TextFrom(const Json& j) {
  return {j.at("kk").get<std::string>(), j.at("ru").get<std::string>(),
          j.at("en").get<std::string>()};
}

std::vector<Indicator> IndicatorsFrom(const Json& list) {
  std::vector<Indicator> out;
  for (const Json& i : list) {
    Indicator indicator{i.at("id").get<std::string>(), TextFrom(i.at("title")), {}};
    for (const Json& q : i.at("questions")) {
      Question question{q.at("id").get<std::string>(), TextFrom(q.at("adult")), {}};
      if (q.contains("student")) question.student = TextFrom(q.at("student"));
      indicator.questions.push_back(std::move(question));
    }
    out.push_back(std::move(indicator));
  }
  return out;
}

}  // namespace

std::string InstrumentToJson(const Instrument& instrument) {
  Json dimensions = Json::array();
  for (const Dimension& dimension : instrument.dimensions) {
    Json d = {{"id", dimension.id}, {"title", TextJson(dimension.title)}};
    if (!dimension.sections.empty()) {
      Json sections = Json::array();
      for (const Section& section : dimension.sections) {
        sections.push_back({{"id", section.id},
                            {"title", TextJson(section.title)},
                            {"indicators", IndicatorsJson(section.indicators)}});
      }
      d["sections"] = std::move(sections);
    } else {
      d["indicators"] = IndicatorsJson(dimension.indicators);
    }
    dimensions.push_back(std::move(d));
  }
  Json out = {{"format", kFormatName},
              {"format_version", kInstrumentFormatVersion},
              {"id", instrument.id},
              {"version", instrument.version},
              {"kind", std::string(KindName(instrument.kind))},
              {"title", TextJson(instrument.title)},
              {"dimensions", std::move(dimensions)}};
  return out.dump();
}

Result<Instrument> InstrumentFromJson(std::string_view json) {
  Instrument instrument;
  try {
    Json j = Json::parse(json);
    if (j.at("format").get<std::string>() != kFormatName) {
      return DataLoss("stored instrument: not the tenlik-instrument format");
    }
    const int format_version = j.at("format_version").get<int>();
    if (format_version > kInstrumentFormatVersion) {
      return FailedPrecondition("stored instrument has format version " +
                                std::to_string(format_version) + ", made by a later Tenlik");
    }
    instrument.id = j.at("id").get<std::string>();
    instrument.version = j.at("version").get<int>();
    const std::string kind = j.at("kind").get<std::string>();
    std::optional<InstrumentKind> parsed = ParseKind(kind);
    if (!parsed) return DataLoss("stored instrument " + instrument.id + ": unknown kind " + kind);
    instrument.kind = *parsed;
    instrument.title = TextFrom(j.at("title"));
    for (const Json& d : j.at("dimensions")) {
      Dimension dimension{d.at("id").get<std::string>(), TextFrom(d.at("title")), {}, {}};
      if (d.contains("sections")) {
        for (const Json& s : d.at("sections")) {
          dimension.sections.push_back({s.at("id").get<std::string>(), TextFrom(s.at("title")),
                                        IndicatorsFrom(s.at("indicators"))});
        }
      } else {
        dimension.indicators = IndicatorsFrom(d.at("indicators"));
      }
      instrument.dimensions.push_back(std::move(dimension));
    }
  } catch (const nlohmann::json::exception& e) {
    return DataLoss(std::string("stored instrument is not valid: ") + e.what());
  }
  Status valid = Validate(instrument, "stored instrument");
  if (!valid.ok()) return DataLoss(valid.message());
  return instrument;
}

}  // namespace tenlik::review
