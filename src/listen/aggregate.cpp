// Aggregates of a study: plain counts keyed by table and dimensions (StudyCounts,
// mergeable by addition), and the derived figures computed from them.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "listen/reader.h"
#include "text/text.h"
#include "topics/topics.h"

namespace tenlik::listen {

using reader::DaysFromCivil;

// ---------------------------------------------------------------------------
// StudyCounts

void StudyCounts::Add(const std::string& table, const std::string& key, int64_t n) {
  tables[table][key] += n;
}

int64_t StudyCounts::Get(const std::string& table, const std::string& key) const {
  auto t = tables.find(table);
  if (t == tables.end()) return 0;
  auto k = t->second.find(key);
  return k == t->second.end() ? 0 : k->second;
}

void StudyCounts::Merge(const StudyCounts& other) {
  for (const auto& [table, keys] : other.tables) {
    auto& mine = tables[table];
    for (const auto& [key, n] : keys) mine[key] += n;
  }
}

// ---------------------------------------------------------------------------
// Calendar

namespace {

struct Civil {
  int64_t y;
  unsigned m, d;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

CalendarKeys Calendar(int64_t unix_seconds, int utc_offset_minutes) {
  int64_t days = FloorDiv(unix_seconds + utc_offset_minutes * 60LL, 86400);
  Civil c = CivilFromDays(days);
  CalendarKeys k;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(c.y), c.m);
  k.month = buf;
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.y), c.m, c.d);
  k.day = buf;
  std::snprintf(buf, sizeof buf, "%04lld-Q%u", static_cast<long long>(c.y), (c.m - 1) / 3 + 1);
  k.quarter = buf;
  // ISO 8601 week: the week (Monday first) belongs to the year of its Thursday.
  int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
  int64_t thursday = days - weekday + 3;
  Civil t = CivilFromDays(thursday);
  int64_t jan1 = DaysFromCivil(t.y, 1, 1);
  int week = static_cast<int>((thursday - jan1) / 7 + 1);
  std::snprintf(buf, sizeof buf, "%04lld-W%02d", static_cast<long long>(t.y), week);
  k.week = buf;
  return k;
}

std::vector<std::string> PeriodMonths(const Study& study) {
  std::vector<std::string> out;
  std::string first = Calendar(study.from_ts, study.utc_offset_minutes).month;
  std::string last = Calendar(study.to_ts - 1, study.utc_offset_minutes).month;
  int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(5, 2));
  for (int i = 0; i < 600; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    out.push_back(buf);
    if (out.back() >= last) break;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reading annotated posts

Result<std::string> ResolveStopwordsDir(const Study& study) {
  if (!study.stopwords_dir.empty()) return study.stopwords_dir;
  TENLIK_ASSIGN_OR_RETURN(std::string gaz, ResolveGazetteerDir(study));
  std::filesystem::path dir = std::filesystem::path(gaz).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  return (dir.parent_path() / "stopwords").string();
}

struct TermExtractor::Rep {
  topics::Analyzer analyzer;
};

TermExtractor::TermExtractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
TermExtractor::~TermExtractor() = default;
TermExtractor::TermExtractor(TermExtractor&&) noexcept = default;

Result<TermExtractor> TermExtractor::Create(const Study& study) {
  TENLIK_ASSIGN_OR_RETURN(std::string dir, ResolveStopwordsDir(study));
  TENLIK_ASSIGN_OR_RETURN(topics::StopWords stop, topics::StopWords::LoadDefault(dir));
  // Placeholders that ingest puts where it masked personal data (mask.cpp).
  stop.Add("email");
  stop.Add("phone");
  topics::AnalyzerOptions options;
  options.min_chars = 3;
  return TermExtractor(std::make_unique<Rep>(Rep{topics::Analyzer(std::move(stop), options)}));
}

PostTerms TermExtractor::Terms(std::string_view text, std::string_view lang) {
  return TermsFromTokens(text, text::Tokenize(text), lang);
}

PostTerms TermExtractor::TermsFromTokens(std::string_view text,
                                         const std::vector<text::Token>& tokens,
                                         std::string_view lang) {
  Result<text::Lang> l = text::ParseLang(lang);
  PostTerms terms;
  terms.keys = rep_->analyzer.TermsFromTokens(text, tokens, l.ok() ? *l : text::Lang::kUndetermined,
                                              &terms.surfaces);
  return terms;
}

std::string KeynessGroup(const Study& study, const ScannedPost& post) {
  const std::string& f = study.keyness.field;
  const std::string& v = f == "corpus"     ? post.corpus
                         : f == "platform" ? post.platform
                         : f == "lang"     ? post.lang
                                           : post.author_type;
  return std::find(study.keyness.values.begin(), study.keyness.values.end(), v) !=
                 study.keyness.values.end()
             ? "sub"
             : "rest";
}

// ---------------------------------------------------------------------------
// Counting one post
//
// Tables are prefixed with the variant: "all:" counts every post, "orig:" leaves
// out near-duplicates (reposts). Keys join dimensions with '\t'.

namespace {

// Adds to the tables of one variant ("all:" or "orig:") without building a
// string per call: the table name and the key go through reused buffers, and a
// table is looked up once per run of keys.
class VariantCounter {
 public:
  using Counts = CountBuffer::Counts;

  // `variant` must be a string literal.
  VariantCounter(CountBuffer* counts, std::string_view variant)
      : counts_(counts), prefix_(variant) {}

  // The table's counts; `name` must be a string literal. node_hash_map keeps the
  // reference valid as tables are added.
  Counts& Table(const char* name) {
    Counts*& table = counts_->by_literal[{prefix_.data(), name}];
    if (table == nullptr) {
      name_.assign(prefix_);
      name_.append(name);
      table = &counts_->tables[name_];
    }
    return *table;
  }
  // table[key] += 1, where key is the parts joined.
  template <typename... Parts>
  void Add(const char* table, const Parts&... parts) {
    key_.clear();
    (key_.append(parts), ...);
    ++Table(table)[key_];
  }

 private:
  CountBuffer* counts_;
  std::string_view prefix_;
  std::string name_, key_;
};

}  // namespace

uint32_t TermTally::Intern(std::string_view s, Ids* ids, std::vector<std::string>* names) {
  auto found = ids->find(absl::string_view(s.data(), s.size()));
  if (found != ids->end()) return found->second;
  uint32_t id = static_cast<uint32_t>(names->size());
  names->emplace_back(s);
  ids->emplace(names->back(), id);
  return id;
}

void TermTally::AddPost(std::string_view group, const PostTerms& terms) {
  ++posts_;
  post_pairs_.clear();
  std::vector<int64_t>& in_group = group == "sub" ? in_sub_ : in_rest_;
  for (size_t i = 0; i < terms.keys.size(); ++i) {
    uint32_t id = Intern(terms.keys[i], &term_ids_, &terms_);
    if (id == in_sub_.size()) {
      in_sub_.push_back(0);
      in_rest_.push_back(0);
      docs_.push_back(0);
      last_post_.push_back(0);
    }
    ++in_group[id];
    if (last_post_[id] != posts_) {
      last_post_[id] = posts_;
      ++docs_[id];
    }
    if (i < terms.surfaces.size()) {
      uint32_t surface = Intern(terms.surfaces[i], &surface_ids_, &surfaces_);
      post_pairs_.push_back(static_cast<uint64_t>(id) << 32 | surface);
    }
  }
  std::sort(post_pairs_.begin(), post_pairs_.end());
  post_pairs_.erase(std::unique(post_pairs_.begin(), post_pairs_.end()), post_pairs_.end());
  for (uint64_t pair : post_pairs_) ++written_[pair];
}

void TermTally::AddTo(StudyCounts* counts) {
  if (terms_.empty()) return;
  std::map<std::string, int64_t>& term = counts->tables["orig:term"];
  std::map<std::string, int64_t>& docs = counts->tables["orig:term_docs"];
  for (size_t id = 0; id < terms_.size(); ++id) {
    if (in_sub_[id] > 0) term["sub\t" + terms_[id]] += in_sub_[id];
    if (in_rest_[id] > 0) term["rest\t" + terms_[id]] += in_rest_[id];
    docs[terms_[id]] += docs_[id];
  }
  std::map<std::string, int64_t>& written = counts->tables["orig:term_surface"];
  for (const auto& [pair, n] : written_) {
    written[terms_[pair >> 32] + "\t" + surfaces_[pair & 0xffffffffu]] += n;
  }
  *this = TermTally();
}

void CountBuffer::AddTo(StudyCounts* counts) {
  for (auto& [name, keys] : tables) {
    std::map<std::string, int64_t>& table = counts->tables[name];
    for (auto& [key, n] : keys) table[key] += n;
  }
  tables.clear();
  by_literal.clear();
  terms.AddTo(counts);
}

void AddPost(const Study& study, const ScannedPost& post, const PostTerms& post_terms,
             CountBuffer* counts) {
  const std::vector<std::string>& terms = post_terms.keys;
  const PostAnnotation& a = post.annotation;
  CalendarKeys cal = Calendar(post.published_at, study.utc_offset_minutes);
  std::string group = KeynessGroup(study, post);
  std::vector<std::string_view> subtopics;  // in study order, each once
  for (const auto& sub : study.subtopics) {
    for (const auto& q : sub.queries) {
      if (std::find(a.queries.begin(), a.queries.end(), q.id) != a.queries.end()) {
        subtopics.push_back(sub.id);
        break;
      }
    }
  }
  std::sort(subtopics.begin(), subtopics.end());
  std::vector<std::string_view> families, categories;
  for (const std::string& lex : a.lexicon) {
    std::string_view l = lex;
    families.push_back(l.substr(0, l.find(':')));
    categories.push_back(l.substr(0, l.find('/')));
  }
  for (auto* v : {&families, &categories}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  const std::string_view tab = "\t";
  bool stigma_any = a.stigmatising || a.person_first;
  for (std::string_view variant : {"all:", "orig:"}) {
    if (variant == "orig:" && !post.original) continue;
    VariantCounter c(counts, variant);
    c.Add("posts");
    c.Add("month", cal.month, tab, post.platform, tab, post.corpus, tab, post.lang, tab,
          post.author_type);
    c.Add("week", cal.week);
    for (std::string_view s : subtopics) c.Add("subtopic", s);
    if (!subtopics.empty()) c.Add("subtopic", "*any");
    for (const auto& q : a.queries) c.Add("query", q);
    for (const auto& l : a.lexicon) c.Add("lexicon", l);
    for (std::string_view cat : categories) c.Add("lexcat", cat);
    for (std::string_view f : families) c.Add("family", f);
    for (const auto& l : a.lexicon) {
      if (l.rfind("programmes:", 0) == 0) c.Add("programme_month", cal.month, tab, l);
    }
    if (a.girls) c.Add("gender", "girls");
    if (a.boys) c.Add("gender", "boys");
    if (a.girls && a.boys) c.Add("gender", "both");
    if (a.girls || a.boys) {
      c.Add("gender", "either");
      c.Add("gender_group", group, tab, a.girls && a.boys ? "both" : a.girls ? "girls" : "boys");
    }
    if (a.regions.empty()) {
      c.Add("region", "none");
    } else {
      for (const auto& r : a.regions) c.Add("region", r);
      c.Add("region_source", a.region_source);
    }
    if (stigma_any) {
      c.Add("stigma", cal.quarter, "\tany");
      if (a.stigmatising) c.Add("stigma", cal.quarter, "\tstigmatising");
      if (a.person_first) c.Add("stigma", cal.quarter, "\tperson_first");
      for (const auto& t : a.stigma_terms) c.Add("stigma_term", t);
    }
    c.Add("sentiment", a.sentiment);
    c.Add("sentiment_month", cal.month, tab, a.sentiment);
    // Side by side: the keyness split and the corpora.
    for (std::string_view side_kind : {"group:", "corpus:"}) {
      std::string_view side_value = side_kind == "group:" ? std::string_view(group) : post.corpus;
      c.Add("side", side_kind, side_value, "\tposts");
      for (std::string_view f : families) c.Add("side", side_kind, side_value, "\tfamily:", f);
      for (std::string_view cat : categories)
        c.Add("side", side_kind, side_value, "\tlexcat:", cat);
      for (std::string_view sub : subtopics)
        c.Add("side", side_kind, side_value, "\tsubtopic:", sub);
      c.Add("side", side_kind, side_value, "\tsentiment:", a.sentiment);
      if (a.girls) c.Add("side", side_kind, side_value, "\tgirls");
      if (a.boys) c.Add("side", side_kind, side_value, "\tboys");
      if (stigma_any) c.Add("side", side_kind, side_value, "\tstigma_any");
      if (a.stigmatising) c.Add("side", side_kind, side_value, "\tstigmatising");
    }
    for (const auto& h : a.hashtags) c.Add("hashtag", h);
    for (size_t i = 0; i < a.hashtags.size(); ++i) {
      for (size_t j = i + 1; j < a.hashtags.size(); ++j)
        c.Add("cohashtag", a.hashtags[i], tab, a.hashtags[j]);
    }
  }
  if (post.original && !terms.empty()) counts->terms.AddPost(group, post_terms);
  if (post.original) {
    counts->tables["orig:term_total"][group] += static_cast<int64_t>(terms.size());
  }
}

// ---------------------------------------------------------------------------
// Derived figures

std::pair<double, double> Wilson(int64_t k, int64_t n) {
  if (n <= 0) return {0, 0};
  const double z = 1.959963984540054;
  double p = static_cast<double>(k) / static_cast<double>(n);
  double nn = static_cast<double>(n);
  double denom = 1 + z * z / nn;
  double centre = (p + z * z / (2 * nn)) / denom;
  double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double LogLikelihoodG2(double a, double b, double c, double d) {
  double e1 = c * (a + b) / (c + d);
  double e2 = d * (a + b) / (c + d);
  double g2 = 0;
  if (a > 0 && e1 > 0) g2 += a * std::log(a / e1);
  if (b > 0 && e2 > 0) g2 += b * std::log(b / e2);
  return 2 * g2;
}

namespace {

using nlohmann::json;

std::vector<std::string> SplitTab(const std::string& key) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = key.find('\t', start);
    out.push_back(key.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

const std::map<std::string, int64_t>& Table(const StudyCounts& c, const std::string& name) {
  static const std::map<std::string, int64_t> kEmpty;
  auto it = c.tables.find(name);
  return it == c.tables.end() ? kEmpty : it->second;
}

json ShareEntry(const std::string& key, int64_t k, int64_t n) {
  auto [lo, hi] = Wilson(k, n);
  return {{"key", key},
          {"posts", k},
          {"share", n > 0 ? static_cast<double>(k) / n : 0.0},
          {"low", lo},
          {"high", hi}};
}

json Volume(const Study& study, const StudyCounts& c) {
  std::vector<std::string> months = PeriodMonths(study);
  std::map<std::string, int64_t> all, orig;
  json by_platform = json::object(), by_corpus = json::object(), by_lang = json::object(),
       by_author = json::object();
  for (const auto& [key, n] : Table(c, "all:month")) all[SplitTab(key)[0]] += n;
  for (const auto& [key, n] : Table(c, "orig:month")) {
    auto d = SplitTab(key);
    orig[d[0]] += n;
    int64_t count = n;  // clang 14 cannot capture a structured binding
    auto bump = [&](json& j, const std::string& k) {
      int64_t before = j.contains(d[0]) && j[d[0]].contains(k) ? j[d[0]][k].get<int64_t>() : 0;
      j[d[0]][k] = before + count;
    };
    bump(by_platform, d[1]);
    bump(by_corpus, d[2]);
    bump(by_lang, d[3]);
    bump(by_author, d[4]);
  }
  json rows = json::array();
  std::vector<double> series;
  for (size_t i = 0; i < months.size(); ++i) {
    const std::string& m = months[i];
    int64_t x = orig.count(m) ? orig[m] : 0;
    json row = {{"month", m}, {"all", all.count(m) ? all[m] : 0}, {"original", x}};
    if (i > 0 && series.back() > 0) {
      row["change"] = (static_cast<double>(x) - series.back()) / series.back();
    } else {
      row["change"] = nullptr;
    }
    size_t w = static_cast<size_t>(study.thresholds.spike_window);
    size_t have = std::min(w, series.size());
    row["z"] = nullptr;
    row["spike"] = false;
    if (have >= 3) {
      double mean = 0, var = 0;
      for (size_t j = series.size() - have; j < series.size(); ++j) mean += series[j];
      mean /= static_cast<double>(have);
      for (size_t j = series.size() - have; j < series.size(); ++j)
        var += (series[j] - mean) * (series[j] - mean);
      double sd = std::sqrt(var / static_cast<double>(have - 1));
      if (sd > 0) {
        double z = (static_cast<double>(x) - mean) / sd;
        row["z"] = z;
        row["spike"] = z >= study.thresholds.spike_z;
      }
    }
    series.push_back(static_cast<double>(x));
    rows.push_back(row);
  }
  json weeks = json::array();
  for (const auto& [week, n] : Table(c, "orig:week")) {
    weeks.push_back({{"week", week}, {"original", n}, {"all", c.Get("all:week", week)}});
  }
  return {{"months", rows},         {"weeks", weeks},     {"by_platform", by_platform},
          {"by_corpus", by_corpus}, {"by_lang", by_lang}, {"by_author_type", by_author}};
}

}  // namespace

std::string SurfaceForm(const StudyCounts& counts, const std::string& key) {
  const std::map<std::string, int64_t>& written = Table(counts, "orig:term_surface");
  const std::string prefix = key + "\t";
  std::string best = key;
  int64_t best_posts = 0;
  for (auto it = written.lower_bound(prefix); it != written.end() && it->first.starts_with(prefix);
       ++it) {
    if (it->second > best_posts) {
      best_posts = it->second;
      best = it->first.substr(prefix.size());
    }
  }
  return best;
}

json ComputeResults(const Study& study, const StudyCounts& c, const geo::Gazetteer& gazetteer) {
  json r;
  int64_t total = c.Get("orig:posts", ""), total_all = c.Get("all:posts", "");
  r["posts"] = {{"all", total_all}, {"original", total}, {"near_duplicates", total_all - total}};
  r["counting"] =
      "Tables count original posts (near-duplicates / reposts left out) unless a field says 'all'.";
  r["volume"] = Volume(study, c);

  // Sub-topics and queries.
  json subs = json::array();
  for (const auto& sub : study.subtopics) {
    json e = ShareEntry(sub.id, c.Get("orig:subtopic", sub.id), total);
    e["all"] = c.Get("all:subtopic", sub.id);
    json qs = json::array();
    for (const auto& q : sub.queries) {
      qs.push_back(
          {{"id", q.id}, {"posts", c.Get("orig:query", q.id)}, {"all", c.Get("all:query", q.id)}});
    }
    e["queries"] = qs;
    subs.push_back(e);
  }
  r["subtopics"] = subs;
  r["posts_in_any_subtopic"] = c.Get("orig:subtopic", "*any");

  // Lexicon families: share of posts per category and subcategory.
  json lex = json::object();
  std::set<std::string> families;
  for (const auto& [f, n] : Table(c, "orig:family")) families.insert(f);
  for (const auto& [key, n] : Table(c, "orig:lexicon"))
    families.insert(key.substr(0, key.find(':')));
  for (const std::string& f : families) {
    json cats = json::array(), subcats = json::array();
    for (const auto& [key, n] : Table(c, "orig:lexcat")) {
      if (key.rfind(f + ":", 0) == 0)
        cats.push_back(ShareEntry(key.substr(f.size() + 1), n, total));
    }
    for (const auto& [key, n] : Table(c, "orig:lexicon")) {
      if (key.rfind(f + ":", 0) == 0)
        subcats.push_back(ShareEntry(key.substr(f.size() + 1), n, total));
    }
    auto by_posts = [](const json& a, const json& b) {
      return a["posts"].get<int64_t>() > b["posts"].get<int64_t>();
    };
    std::stable_sort(cats.begin(), cats.end(), by_posts);
    std::stable_sort(subcats.begin(), subcats.end(), by_posts);
    lex[f] = {{"posts_any", c.Get("orig:family", f)},
              {"all_posts_any", c.Get("all:family", f)},
              {"denominator", total},
              {"categories", cats},
              {"subcategories", subcats}};
  }
  r["lexicon"] = lex;

  // Programmes by month.
  json pm = json::object();
  for (const auto& [key, n] : Table(c, "orig:programme_month")) {
    auto d = SplitTab(key);
    pm[d[1].substr(d[1].find(':') + 1)][d[0]] = n;
  }
  r["programmes_by_month"] = pm;

  // Gender.
  {
    int64_t girls = c.Get("orig:gender", "girls"), boys = c.Get("orig:gender", "boys"),
            both = c.Get("orig:gender", "both"), either = c.Get("orig:gender", "either");
    auto [lo, hi] = Wilson(girls, either);
    auto [blo, bhi] = Wilson(boys, either);
    json by_group = json::object();
    for (const auto& [key, n] : Table(c, "orig:gender_group")) {
      auto d = SplitTab(key);
      by_group[d[0]][d[1]] = n;
    }
    r["gender"] = {{"girls", girls},
                   {"boys", boys},
                   {"both", both},
                   {"either", either},
                   {"girls_only", girls - both},
                   {"boys_only", boys - both},
                   {"girls_share", either > 0 ? static_cast<double>(girls) / either : 0.0},
                   {"girls_low", lo},
                   {"girls_high", hi},
                   {"boys_share", either > 0 ? static_cast<double>(boys) / either : 0.0},
                   {"boys_low", blo},
                   {"boys_high", bhi},
                   {"all",
                    {{"girls", c.Get("all:gender", "girls")},
                     {"boys", c.Get("all:gender", "boys")},
                     {"either", c.Get("all:gender", "either")}}},
                   {"by_group", by_group}};
  }

  // Regions per capita.
  {
    json rows = json::array();
    for (const geo::Region& reg : gazetteer.regions()) {
      int64_t n = c.Get("orig:region", reg.iso);
      json row = {{"iso", reg.iso},
                  {"name_en", reg.name_en},
                  {"name_ru", reg.name_ru},
                  {"name_kk", reg.name_kk},
                  {"posts", n},
                  {"all", c.Get("all:region", reg.iso)},
                  {"thin", n < study.thresholds.thin_data_posts}};
      if (reg.population && *reg.population > 0) {
        row["population"] = *reg.population;
        row["population_date"] = reg.population_date;
        row["per_100k"] = static_cast<double>(n) * 100000.0 / static_cast<double>(*reg.population);
        row["no_population"] = false;
      } else {
        row["population"] = nullptr;
        row["per_100k"] = nullptr;
        row["no_population"] = true;
      }
      rows.push_back(row);
    }
    r["regions"] = {{"units", rows},
                    {"posts_without_region", c.Get("orig:region", "none")},
                    {"posts_with_region", total - c.Get("orig:region", "none")},
                    {"from_place_hint", c.Get("orig:region_source", "hint")},
                    {"from_text", c.Get("orig:region_source", "text")},
                    {"thin_data_posts", study.thresholds.thin_data_posts}};
  }

  // Stigmatising wording per quarter.
  {
    std::set<std::string> quarters;
    for (const auto& [key, n] : Table(c, "orig:stigma")) quarters.insert(SplitTab(key)[0]);
    json rows = json::array();
    for (const auto& q : quarters) {
      int64_t any = c.Get("orig:stigma", q + "\tany"),
              stig = c.Get("orig:stigma", q + "\tstigmatising"),
              pf = c.Get("orig:stigma", q + "\tperson_first");
      auto [lo, hi] = Wilson(stig, any);
      rows.push_back({{"quarter", q},
                      {"any", any},
                      {"stigmatising", stig},
                      {"person_first", pf},
                      {"share", any > 0 ? static_cast<double>(stig) / any : 0.0},
                      {"low", lo},
                      {"high", hi}});
    }
    json terms = json::array();
    std::vector<std::pair<int64_t, std::string>> sorted;
    for (const auto& [t, n] : Table(c, "orig:stigma_term")) sorted.push_back({-n, t});
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size() && i < 20; ++i) {
      terms.push_back({{"term", sorted[i].second}, {"posts", -sorted[i].first}});
    }
    r["stigma"] = {{"quarters", rows}, {"terms", terms}};
  }

  // Sentiment.
  {
    json counts = json::object();
    for (const auto& [k, n] : Table(c, "orig:sentiment")) counts[k] = n;
    json by_group = json::object();
    for (const auto& [key, n] : Table(c, "orig:side")) {
      auto d = SplitTab(key);
      if (d[1].rfind("sentiment:", 0) == 0) by_group[d[0]][d[1].substr(10)] = n;
    }
    json by_month = json::object();
    for (const auto& [key, n] : Table(c, "orig:sentiment_month")) {
      auto d = SplitTab(key);
      by_month[d[0]][d[1]] = n;
    }
    r["sentiment"] = {{"available", c.Get("orig:sentiment", "unavailable") < total || total == 0},
                      {"counts", counts},
                      {"by_group", by_group},
                      {"by_month", by_month}};
  }

  // Side by side.
  {
    json side = json::object();
    for (const auto& [key, n] : Table(c, "orig:side")) {
      auto d = SplitTab(key);
      side[d[0]][d[1]] = n;
    }
    r["side_by_side"] = side;
  }

  // Hashtags (listed only when seen in at least small_cell posts).
  {
    std::vector<std::pair<int64_t, std::string>> tags;
    for (const auto& [t, n] : Table(c, "orig:hashtag")) {
      if (n >= study.thresholds.small_cell) tags.push_back({-n, t});
    }
    std::sort(tags.begin(), tags.end());
    json top = json::array();
    for (size_t i = 0; i < tags.size() && i < 30; ++i)
      top.push_back({{"tag", tags[i].second}, {"posts", -tags[i].first}});
    int64_t edges = 0;
    for (const auto& [pair, n] : Table(c, "orig:cohashtag")) {
      auto d = SplitTab(pair);
      if (n > 0 && c.Get("orig:hashtag", d[0]) >= study.thresholds.small_cell &&
          c.Get("orig:hashtag", d[1]) >= study.thresholds.small_cell) {
        ++edges;
      }
    }
    r["hashtags"] = {{"top", top},
                     {"distinct", Table(c, "orig:hashtag").size()},
                     {"network_edges", edges},
                     {"min_posts", study.thresholds.small_cell}};
  }

  // Keyness of the sub-corpus against the rest.
  {
    double csub = static_cast<double>(c.Get("orig:term_total", "sub"));
    double crest = static_cast<double>(c.Get("orig:term_total", "rest"));
    std::vector<std::tuple<double, std::string, int64_t, int64_t>> rows;
    if (csub > 0 && crest > 0) {
      for (const auto& [t, docs] : Table(c, "orig:term_docs")) {
        if (docs < study.thresholds.small_cell) continue;
        int64_t a = c.Get("orig:term", "sub\t" + t), b = c.Get("orig:term", "rest\t" + t);
        if (static_cast<double>(a) / csub <= static_cast<double>(b) / crest)
          continue;  // overused in sub only
        rows.push_back({LogLikelihoodG2(a, b, csub, crest), t, a, b});
      }
    }
    std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
      return std::get<0>(x) != std::get<0>(y) ? std::get<0>(x) > std::get<0>(y)
                                              : std::get<1>(x) < std::get<1>(y);
    });
    json top = json::array();
    for (size_t i = 0; i < rows.size() && i < 25; ++i) {
      auto& [g2, t, a, b] = rows[i];
      top.push_back({{"term", SurfaceForm(c, t)}, {"key", t}, {"sub", a}, {"rest", b}, {"g2", g2}});
    }
    r["keyness"] = {{"field", study.keyness.field},
                    {"values", study.keyness.values},
                    {"sub_tokens", static_cast<int64_t>(csub)},
                    {"rest_tokens", static_cast<int64_t>(crest)},
                    {"terms", top}};
  }
  return r;
}

}  // namespace tenlik::listen
