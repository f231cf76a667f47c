// Instrument files (docs/review.md): YAML read with yaml-cpp, every error naming the
// file, line and column and what was expected; written back with YAML::Emitter.
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "review/review.h"

namespace tenlik::review {
namespace {

constexpr const char* kFormatName = "tenlik-instrument";

// Thrown inside this file only; ParseInstrumentYaml turns it into its Status.
struct FileError {
  Status status;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  std::string Where(const YAML::Mark& mark) const {
    if (mark.is_null()) return file_ + ": ";
    return file_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
           ": ";
  }
  [[noreturn]] void Fail(const YAML::Node& node, const std::string& what) const {
    throw FileError{InvalidArgument(Where(node.Mark()) + what)};
  }

  // `node` must be a map whose keys are all in `allowed` and include `required`.
  void ExpectMap(const YAML::Node& node, const std::string& what,
                 const std::set<std::string>& allowed,
                 const std::set<std::string>& required) const {
    if (!node.IsMap()) Fail(node, what + ": expected a map");
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      if (!allowed.contains(key)) {
        std::string expected;
        for (const std::string& k : allowed) expected += (expected.empty() ? "" : ", ") + k;
        Fail(entry.first, what + ": unknown key '" + key + "' (expected " + expected + ")");
      }
    }
    for (const std::string& key : required) {
      if (!node[key]) Fail(node, what + ": missing key '" + key + "'");
    }
  }

  std::string String(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) Fail(node, what + ": expected text");
    std::string value = node.Scalar();
    if (value.empty()) Fail(node, what + ": expected text, found an empty value");
    return value;
  }

  int Int(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) Fail(node, what + ": expected a whole number");
    const std::string& s = node.Scalar();
    char* end = nullptr;
    long value = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || value < 1 || value > 1000000000) {
      Fail(node, what + ": expected a whole number from 1, found '" + s + "'");
    }
    return static_cast<int>(value);
  }

  Text ReadText(const YAML::Node& node, const std::string& what) const {
    ExpectMap(node, what, {"kk", "ru", "en"}, {"kk", "ru", "en"});
    return {String(node["kk"], what + ".kk"), String(node["ru"], what + ".ru"),
            String(node["en"], what + ".en")};
  }

  // A non-empty list under `key` of `node`.
  YAML::Node List(const YAML::Node& node, const std::string& key, const std::string& what) const {
    YAML::Node list = node[key];
    if (!list.IsSequence() || list.size() == 0)
      Fail(list, what + "." + key + ": expected a non-empty list");
    return list;
  }

  // The node's id, unique in the file.
  std::string Id(const YAML::Node& node, const std::string& what) {
    std::string id = String(node["id"], what + ".id");
    auto [it, added] = ids_.emplace(id, node["id"].Mark());
    if (!added) {
      Fail(node["id"],
           "duplicate id '" + id + "' (first at line " + std::to_string(it->second.line + 1) + ")");
    }
    return id;
  }

 private:
  std::string file_;
  std::map<std::string, YAML::Mark> ids_;
};

Indicator ReadIndicator(Reader& r, const YAML::Node& node, bool school) {
  r.ExpectMap(node, "indicator", {"id", "title", "questions"}, {"id", "title", "questions"});
  Indicator indicator;
  indicator.id = r.Id(node, "indicator");
  indicator.title = r.ReadText(node["title"], indicator.id + ".title");
  for (const YAML::Node& q : r.List(node, "questions", indicator.id)) {
    if (school) {
      r.ExpectMap(q, "question", {"id", "adult", "student"}, {"id", "adult", "student"});
    } else {
      r.ExpectMap(q, "question (student wording is only for school instruments)", {"id", "adult"},
                  {"id", "adult"});
    }
    Question question;
    question.id = r.Id(q, "question");
    question.adult = r.ReadText(q["adult"], question.id + ".adult");
    if (school) question.student = r.ReadText(q["student"], question.id + ".student");
    indicator.questions.push_back(std::move(question));
  }
  return indicator;
}

Instrument ReadRoot(Reader& r, const YAML::Node& root) {
  r.ExpectMap(root, "instrument",
              {"format", "format_version", "id", "version", "kind", "title", "dimensions"},
              {"format", "format_version", "id", "version", "kind", "title", "dimensions"});
  if (r.String(root["format"], "format") != kFormatName) {
    r.Fail(root["format"], std::string("format: expected '") + kFormatName + "'");
  }
  const int format_version = r.Int(root["format_version"], "format_version");
  if (format_version != kInstrumentFormatVersion) {
    r.Fail(root["format_version"], "format_version " + std::to_string(format_version) +
                                       ": this program reads version " +
                                       std::to_string(kInstrumentFormatVersion));
  }
  Instrument instrument;
  instrument.id = r.Id(root, "instrument");
  instrument.version = r.Int(root["version"], "version");
  const std::string kind = r.String(root["kind"], "kind");
  std::optional<InstrumentKind> parsed = ParseKind(kind);
  if (!parsed) r.Fail(root["kind"], "kind '" + kind + "': expected school, district or national");
  instrument.kind = *parsed;
  const bool school = instrument.kind == InstrumentKind::kSchool;
  instrument.title = r.ReadText(root["title"], "title");
  for (const YAML::Node& d : r.List(root, "dimensions", "instrument")) {
    r.ExpectMap(d, "dimension", {"id", "title", "sections", "indicators"}, {"id", "title"});
    Dimension dimension;
    dimension.id = r.Id(d, "dimension");
    dimension.title = r.ReadText(d["title"], dimension.id + ".title");
    if (static_cast<bool>(d["sections"]) == static_cast<bool>(d["indicators"])) {
      r.Fail(d, dimension.id + ": expected either 'sections' or 'indicators'");
    }
    if (d["sections"]) {
      for (const YAML::Node& s : r.List(d, "sections", dimension.id)) {
        r.ExpectMap(s, "section", {"id", "title", "indicators"}, {"id", "title", "indicators"});
        Section section;
        section.id = r.Id(s, "section");
        section.title = r.ReadText(s["title"], section.id + ".title");
        for (const YAML::Node& i : r.List(s, "indicators", section.id)) {
          section.indicators.push_back(ReadIndicator(r, i, school));
        }
        dimension.sections.push_back(std::move(section));
      }
    } else {
      if (school) r.Fail(d, dimension.id + ": dimensions of a school instrument hold sections");
      for (const YAML::Node& i : r.List(d, "indicators", dimension.id)) {
        dimension.indicators.push_back(ReadIndicator(r, i, school));
      }
    }
    instrument.dimensions.push_back(std::move(dimension));
  }
  return instrument;
}

void EmitText(YAML::Emitter& out, const char* key, const Text& text) {
  out << YAML::Key << key << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "kk" << YAML::Value << YAML::DoubleQuoted << text.kk;
  out << YAML::Key << "ru" << YAML::Value << YAML::DoubleQuoted << text.ru;
  out << YAML::Key << "en" << YAML::Value << YAML::DoubleQuoted << text.en;
  out << YAML::EndMap;
}

void EmitIndicators(YAML::Emitter& out, const std::vector<Indicator>& indicators, bool school) {
  out << YAML::Key << "indicators" << YAML::Value << YAML::BeginSeq;
  for (const Indicator& indicator : indicators) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << indicator.id;
    EmitText(out, "title", indicator.title);
    out << YAML::Key << "questions" << YAML::Value << YAML::BeginSeq;
    for (const Question& question : indicator.questions) {
      out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << question.id;
      EmitText(out, "adult", question.adult);
      if (school) EmitText(out, "student", question.student);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

bool HoldsInstruments(const std::string& dir) {
  return access((dir + "/school.yaml").c_str(), R_OK) == 0;
}

}  // namespace

Result<Instrument> ParseInstrumentYaml(std::string_view yaml, const std::string& where) {
  Reader r(where);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    Instrument instrument = ReadRoot(r, root);
    TENLIK_RETURN_IF_ERROR(Validate(instrument, where));
    return instrument;
  } catch (const FileError& e) {
    return e.status;
  } catch (const YAML::Exception& e) {
    return InvalidArgument(r.Where(e.mark) + "not valid YAML: " + e.msg);
  }
}

Result<Instrument> LoadInstrumentFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open the instrument file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ParseInstrumentYaml(bytes.str(), path);
}

std::string InstrumentToYaml(const Instrument& instrument) {
  const bool school = instrument.kind == InstrumentKind::kSchool;
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "format" << YAML::Value << kFormatName;
  out << YAML::Key << "format_version" << YAML::Value << kInstrumentFormatVersion;
  out << YAML::Key << "id" << YAML::Value << instrument.id;
  out << YAML::Key << "version" << YAML::Value << instrument.version;
  out << YAML::Key << "kind" << YAML::Value << std::string(KindName(instrument.kind));
  EmitText(out, "title", instrument.title);
  out << YAML::Key << "dimensions" << YAML::Value << YAML::BeginSeq;
  for (const Dimension& dimension : instrument.dimensions) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << dimension.id;
    EmitText(out, "title", dimension.title);
    if (!dimension.sections.empty()) {
      out << YAML::Key << "sections" << YAML::Value << YAML::BeginSeq;
      for (const Section& section : dimension.sections) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << section.id;
        EmitText(out, "title", section.title);
        EmitIndicators(out, section.indicators, school);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else {
      EmitIndicators(out, dimension.indicators, school);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

Status WriteInstrumentFile(const Instrument& instrument, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << InstrumentToYaml(instrument);
  out.close();
  if (!out) return IoError("cannot write " + path);
  return Status::Ok();
}

Result<std::string> DefaultInstrumentsDir() {
  if (const char* env = std::getenv("TENLIK_DATA"); env != nullptr && *env != '\0') {
    std::string dir = std::string(env) + "/instruments";
    if (HoldsInstruments(dir)) return dir;
    return NotFound("no instruments in " + dir + " (TENLIK_DATA names the data/ folder)");
  }
  std::vector<std::string> tried;
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n > 0) {
    std::string exe(buffer, static_cast<size_t>(n));
    std::string bin = exe.substr(0, exe.rfind('/'));
    for (const char* rel : {"/../data/instruments", "/../../data/instruments"}) {
      std::string dir = bin + rel;
      if (HoldsInstruments(dir)) return dir;
      tried.push_back(dir);
    }
  }
  std::string message = "shipped instruments not found; set TENLIK_DATA to the data/ folder (tried";
  for (const std::string& t : tried) message += " " + t;
  return NotFound(message + ")");
}

Result<std::vector<Instrument>> LoadInstrumentsDir(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  }
  if (error) return IoError("cannot list " + dir + ": " + error.message());
  std::sort(paths.begin(), paths.end());
  std::vector<Instrument> out;
  for (const std::string& path : paths) {
    TENLIK_ASSIGN_OR_RETURN(Instrument instrument, LoadInstrumentFile(path));
    out.push_back(std::move(instrument));
  }
  return out;
}

}  // namespace tenlik::review
