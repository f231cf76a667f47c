// Study files (docs/study.md): YAML read with yaml-cpp, every error naming the file,
// line and column and what was expected; lexicon TSV files.
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "listen/listen.h"
#include "listen/reader.h"
#include "query/query.h"

namespace tenlik::listen {

using reader::DaysFromCivil;

const std::string& Names::In(std::string_view lang) const {
  if (lang == "ru" && !ru.empty()) return ru;
  if (lang == "kk" && !kk.empty()) return kk;
  return en;
}

namespace {

class StudyError {
 public:
  explicit StudyError(Status s) : status(std::move(s)) {}
  Status status;
};

struct Reader {
  std::string file;

  std::string Where(const YAML::Mark& mark) const {
    if (mark.is_null()) return file + ": ";
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) +
           ": ";
  }
  [[noreturn]] void Fail(const YAML::Node& node, const std::string& what) const {
    throw StudyError(InvalidArgument(Where(node.Mark()) + what));
  }
  [[noreturn]] void FailAt(const YAML::Mark& mark, const std::string& what) const {
    throw StudyError(InvalidArgument(Where(mark) + what));
  }

  void ExpectMap(const YAML::Node& node, const std::string& what,
                 const std::set<std::string>& keys) const {
    if (!node.IsMap()) Fail(node, "expected " + what + " (a mapping of key: value)");
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      if (!keys.contains(key)) {
        std::string known;
        for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
        Fail(kv.first, "unknown key '" + key + "' in " + what + "; expected one of: " + known);
      }
    }
  }

  std::string String(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) Fail(node, "expected " + what + " (a text value)");
    return node.Scalar();
  }

  int64_t Int(const YAML::Node& node, const std::string& what, int64_t min, int64_t max) const {
    if (!node.IsScalar()) Fail(node, "expected " + what + " (a whole number)");
    const std::string& s = node.Scalar();
    size_t used = 0;
    int64_t v = 0;
    try {
      v = std::stoll(s, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != s.size()) Fail(node, "expected " + what + " (a whole number), found '" + s + "'");
    if (v < min || v > max) {
      Fail(node, "expected " + what + " between " + std::to_string(min) + " and " +
                     std::to_string(max) + ", found " + s);
    }
    return v;
  }

  double Double(const YAML::Node& node, const std::string& what, double min, double max) const {
    if (!node.IsScalar()) Fail(node, "expected " + what + " (a number)");
    const std::string& s = node.Scalar();
    size_t used = 0;
    double v = 0;
    try {
      v = std::stod(s, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != s.size()) Fail(node, "expected " + what + " (a number), found '" + s + "'");
    if (!(v >= min && v <= max)) {
      std::ostringstream m;
      m << "expected " << what << " between " << min << " and " << max << ", found " << s;
      Fail(node, m.str());
    }
    return v;
  }

  std::vector<std::string> Strings(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence()) Fail(node, "expected " + what + " (a list, e.g. [a, b])");
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(String(item, "an item of " + what));
    return out;
  }

  Names ReadNames(const YAML::Node& node, const std::string& what) const {
    ExpectMap(node, what + " in three languages", {"en", "ru", "kk"});
    Names n;
    for (const char* lang : {"en", "ru", "kk"}) {
      if (!node[lang]) Fail(node, what + ": missing '" + lang + "' (names are given in en, ru and kk)");
      std::string v = String(node[lang], what + " in " + lang);
      if (v.empty()) Fail(node[lang], what + " in " + lang + " must not be empty");
      (std::string(lang) == "en" ? n.en : std::string(lang) == "ru" ? n.ru : n.kk) = v;
    }
    return n;
  }
};

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

bool ParseDate(const std::string& s, int64_t* days) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

Study ParseRoot(const YAML::Node& root, const Reader& r, const std::string& path) {
  Study study;
  study.path = path;
  r.ExpectMap(root, "a study", {"version", "name", "corpora", "period", "timezone", "languages",
                                "regions", "thresholds", "lexicons", "subtopics", "topics",
                                "keyness", "sentiment", "stopwords"});
  if (!root["version"]) r.FailAt(root.Mark(), "missing 'version: 1' (the study file format version)");
  study.version = static_cast<int>(r.Int(root["version"], "version", 1, 1000));
  if (study.version != 1) {
    r.Fail(root["version"], "expected version 1 (this Tenlik reads study files of version 1), found " +
                                std::to_string(study.version));
  }
  if (!root["name"]) r.FailAt(root.Mark(), "missing 'name' (the study's name in en, ru and kk)");
  study.name = r.ReadNames(root["name"], "name");

  if (root["corpora"]) study.corpora = r.Strings(root["corpora"], "corpora");
  if (!root["period"]) r.FailAt(root.Mark(), "missing 'period' with 'from' and 'to' dates");
  {
    const YAML::Node& p = root["period"];
    r.ExpectMap(p, "period", {"from", "to"});
    int64_t from = 0, to = 0;
    for (const char* key : {"from", "to"}) {
      if (!p[key]) r.Fail(p, std::string("period: missing '") + key + "' (a date YYYY-MM-DD)");
      std::string s = r.String(p[key], std::string("period.") + key);
      if (!ParseDate(s, key[0] == 'f' ? &from : &to)) {
        r.Fail(p[key], std::string("expected period.") + key + " as a date YYYY-MM-DD, found '" + s + "'");
      }
      (key[0] == 'f' ? study.period_from : study.period_to) = s;
    }
    if (to < from) r.Fail(p["to"], "expected period.to on or after period.from");
    study.from_ts = from * 86400;
    study.to_ts = (to + 1) * 86400;
  }
  if (root["timezone"]) {
    std::string tz = r.String(root["timezone"], "timezone");
    int h = 0, m = 0;
    char sign = 0;
    if (tz.size() != 6 || (tz[0] != '+' && tz[0] != '-') ||
        std::sscanf(tz.c_str(), "%c%2d:%2d", &sign, &h, &m) != 3 || h > 14 || m > 59) {
      r.Fail(root["timezone"], "expected timezone as an offset from UTC like +05:00, found '" + tz + "'");
    }
    study.utc_offset_minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
  }
  // Local midnight, not UTC midnight, bounds the period.
  study.from_ts -= study.utc_offset_minutes * 60;
  study.to_ts -= study.utc_offset_minutes * 60;

  if (root["languages"]) {
    study.languages = r.Strings(root["languages"], "languages");
    size_t i = 0;
    for (const std::string& l : study.languages) {
      if (l != "kk" && l != "ru" && l != "en" && l != "mixed" && l != "und") {
        r.Fail(root["languages"][i], "expected a language kk, ru, en, mixed or und, found '" + l + "'");
      }
      ++i;
    }
  }
  if (root["regions"]) {
    const YAML::Node& g = root["regions"];
    r.ExpectMap(g, "regions", {"units", "gazetteer"});
    if (g["units"]) {
      study.region_units = r.String(g["units"], "regions.units");
      if (study.region_units != "kz-2022") {
        r.Fail(g["units"], "expected regions.units: kz-2022 (the 20 units of June 2022), found '" +
                               study.region_units + "'");
      }
    }
    if (g["gazetteer"]) study.gazetteer_dir = r.String(g["gazetteer"], "regions.gazetteer");
  }
  if (root["stopwords"]) study.stopwords_dir = r.String(root["stopwords"], "stopwords");
  if (root["thresholds"]) {
    const YAML::Node& t = root["thresholds"];
    r.ExpectMap(t, "thresholds", {"thin_data_posts", "small_cell", "spike_z", "spike_window",
                                  "sentiment_margin"});
    auto& th = study.thresholds;
    if (t["thin_data_posts"]) th.thin_data_posts = r.Int(t["thin_data_posts"], "thresholds.thin_data_posts", 0, 1000000000);
    if (t["small_cell"]) th.small_cell = r.Int(t["small_cell"], "thresholds.small_cell", 0, 1000000);
    if (t["spike_z"]) th.spike_z = r.Double(t["spike_z"], "thresholds.spike_z", 0.1, 100);
    if (t["spike_window"]) th.spike_window = static_cast<int>(r.Int(t["spike_window"], "thresholds.spike_window", 3, 120));
    if (t["sentiment_margin"]) th.sentiment_margin = r.Double(t["sentiment_margin"], "thresholds.sentiment_margin", 0, 0.5);
  }
  if (root["topics"]) {
    const YAML::Node& t = root["topics"];
    r.ExpectMap(t, "topics", {"k", "iterations", "heldout", "seed", "top_words"});
    if (t["k"]) study.topics.k = static_cast<int>(r.Int(t["k"], "topics.k", 2, 500));
    if (t["iterations"]) study.topics.iterations = static_cast<int>(r.Int(t["iterations"], "topics.iterations", 1, 100000));
    if (t["heldout"]) study.topics.heldout = r.Double(t["heldout"], "topics.heldout", 0, 0.5);
    if (t["seed"]) study.topics.seed = static_cast<uint64_t>(r.Int(t["seed"], "topics.seed", 0, INT64_MAX));
    if (t["top_words"]) study.topics.top_words = static_cast<int>(r.Int(t["top_words"], "topics.top_words", 1, 100));
  }
  study.keyness.name = {"organisations and media", "организации и СМИ", "ұйымдар мен БАҚ"};
  study.keyness.rest = {"general public", "широкая публика", "жалпы жұртшылық"};
  if (root["keyness"]) {
    const YAML::Node& k = root["keyness"];
    r.ExpectMap(k, "keyness", {"field", "values", "name", "rest"});
    if (k["field"]) {
      study.keyness.field = r.String(k["field"], "keyness.field");
      const std::string& f = study.keyness.field;
      if (f != "author_type" && f != "corpus" && f != "platform" && f != "lang") {
        r.Fail(k["field"], "expected keyness.field author_type, corpus, platform or lang, found '" + f + "'");
      }
    }
    if (k["values"]) study.keyness.values = r.Strings(k["values"], "keyness.values");
    if (k["name"]) study.keyness.name = r.ReadNames(k["name"], "keyness.name");
    if (k["rest"]) study.keyness.rest = r.ReadNames(k["rest"], "keyness.rest");
  }
  if (root["sentiment"]) {
    const YAML::Node& s = root["sentiment"];
    r.ExpectMap(s, "sentiment", {"model"});
    if (s["model"]) study.sentiment_model = r.String(s["model"], "sentiment.model");
  }

  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  auto resolve = [&](const std::string& p) {
    if (p.empty() || std::filesystem::path(p).is_absolute()) return p;
    return (dir / p).lexically_normal().string();
  };
  if (root["lexicons"]) {
    const YAML::Node& l = root["lexicons"];
    std::vector<std::string> files = r.Strings(l, "lexicons");
    for (size_t i = 0; i < files.size(); ++i) {
      std::string full = resolve(files[i]);
      if (!std::filesystem::exists(full)) {
        r.Fail(l[i], "lexicon file '" + files[i] + "' not found (looked at " + full + ")");
      }
      study.lexicons.push_back(full);
    }
  }
  if (!study.gazetteer_dir.empty()) study.gazetteer_dir = resolve(study.gazetteer_dir);
  if (!study.stopwords_dir.empty()) study.stopwords_dir = resolve(study.stopwords_dir);
  if (!study.sentiment_model.empty()) study.sentiment_model = resolve(study.sentiment_model);

  if (!root["subtopics"]) r.FailAt(root.Mark(), "missing 'subtopics' (a list of sub-topics with queries)");
  const YAML::Node& subs = root["subtopics"];
  if (!subs.IsSequence() || subs.size() == 0) r.Fail(subs, "expected subtopics as a non-empty list");
  std::set<std::string> sub_ids, query_ids;
  for (const auto& sub : subs) {
    r.ExpectMap(sub, "a sub-topic", {"id", "name", "queries"});
    StudySubtopic st;
    if (!sub["id"]) r.Fail(sub, "sub-topic: missing 'id'");
    st.id = r.String(sub["id"], "sub-topic id");
    if (!ValidId(st.id)) r.Fail(sub["id"], "expected a sub-topic id of letters, digits, '_', '-', '.', found '" + st.id + "'");
    if (!sub_ids.insert(st.id).second) r.Fail(sub["id"], "sub-topic id '" + st.id + "' is used twice");
    if (!sub["name"]) r.Fail(sub, "sub-topic '" + st.id + "': missing 'name' (en, ru, kk)");
    st.name = r.ReadNames(sub["name"], "sub-topic name");
    if (!sub["queries"]) r.Fail(sub, "sub-topic '" + st.id + "': missing 'queries'");
    const YAML::Node& qs = sub["queries"];
    if (!qs.IsSequence() || qs.size() == 0) r.Fail(qs, "expected queries of sub-topic '" + st.id + "' as a non-empty list");
    for (const auto& qn : qs) {
      r.ExpectMap(qn, "a query", {"id", "name", "query"});
      StudyQuery q;
      if (!qn["id"]) r.Fail(qn, "query: missing 'id'");
      q.id = r.String(qn["id"], "query id");
      if (!ValidId(q.id)) r.Fail(qn["id"], "expected a query id of letters, digits, '_', '-', '.', found '" + q.id + "'");
      if (!query_ids.insert(q.id).second) r.Fail(qn["id"], "query id '" + q.id + "' is used twice");
      q.name = qn["name"] ? r.ReadNames(qn["name"], "query name") : st.name;
      if (!qn["query"]) r.Fail(qn, "query '" + q.id + "': missing 'query' (a query-language expression)");
      const YAML::Node& text = qn["query"];
      q.expression = r.String(text, "query expression");
      q.line = text.Mark().line + 1;
      Result<query::Query> parsed = query::Parse(q.expression);
      if (!parsed.ok()) {
        r.Fail(text, "query '" + q.id + "' does not parse: " + parsed.status().message());
      }
      st.queries.push_back(std::move(q));
    }
    study.subtopics.push_back(std::move(st));
  }
  return study;
}

}  // namespace

Result<Study> ParseStudy(std::string_view yaml, const std::string& path) {
  Reader r{path};
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsDefined() || root.IsNull()) {
      return InvalidArgument(path + ":1:1: expected a study (a mapping with version: 1), found an empty file");
    }
    return ParseRoot(root, r, path);
  } catch (const StudyError& e) {
    return e.status;
  } catch (const YAML::Exception& e) {
    return InvalidArgument(r.Where(e.mark) + "not valid YAML: " + e.msg);
  }
}

Result<Study> LoadStudy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": study file not found");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseStudy(ss.str(), path);
}

Result<std::vector<LexiconEntry>> LoadLexicon(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": lexicon file not found");
  std::vector<LexiconEntry> entries;
  std::string line;
  int number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    std::string where = path + ":" + std::to_string(number) + ": ";
    if (!header) {
      if (cells.size() < 5 || cells[0] != "lang" || cells[4] != "term") {
        return InvalidArgument(where + "expected the column header lang, category, subcategory, kind, term, alternative, note");
      }
      header = true;
      continue;
    }
    if (cells.size() < 5 || cells.size() > 7) {
      return InvalidArgument(where + "expected 5 to 7 TAB-separated fields, found " + std::to_string(cells.size()));
    }
    cells.resize(7);
    if (cells[1].empty() || cells[2].empty() || cells[4].empty()) {
      return InvalidArgument(where + "expected category, subcategory and term to be non-empty");
    }
    Result<query::Query> q = query::Parse(cells[4]);
    if (!q.ok()) return InvalidArgument(where + "term does not parse: " + q.status().message());
    entries.push_back({path, number, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]});
  }
  if (!header) return InvalidArgument(path + ": no column header (lang, category, ...)");
  return entries;
}

}  // namespace tenlik::listen
