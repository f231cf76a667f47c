// Annotation of stored posts for a study: every study query and every lexicon
// term in one query::Matcher, regions from the place hint or the text (gazetteer),
// sentiment (when a model is there). Rows of listen_annotations are keyed by post
// and study fingerprint, so a re-run annotates only posts not yet annotated with
// the same study, lexicons, gazetteer and model.
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>

#include "geo/geo.h"
#include "listen/annotate_internal.h"
#include "listen/listen.h"
#include "query/query.h"
#include "sentiment/sentiment.h"
#include "text/text.h"

namespace tenlik::listen {

namespace {

// Bump when the meaning of an annotation changes (it invalidates old annotations).
constexpr const char* kAnnotationVersion = "annotate-v1";

std::atomic<uint64_t> g_next_rep_id{1};

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

struct QueryInfo {
  bool study = false;
  std::string id;    // study query id
  int lexicon = -1;  // index into lexicon entries
  // What a matching lexicon entry sets (decided once, not per post).
  bool stigmatising = false, person_first = false, girls = false, boys = false;
};

// Sorts and removes repeats: the lists of an annotation are sets in text order.
void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += '|';
    out += s;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.emplace_back(
        s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

bool InStudyScope(const Study& study, std::string_view corpus, std::string_view lang) {
  if (!study.corpora.empty() &&
      std::find(study.corpora.begin(), study.corpora.end(), corpus) == study.corpora.end()) {
    return false;
  }
  if (!study.languages.empty() &&
      std::find(study.languages.begin(), study.languages.end(), lang) == study.languages.end()) {
    return false;
  }
  return true;
}

Result<std::string> ResolveGazetteerDir(const Study& study) {
  if (!study.gazetteer_dir.empty()) return study.gazetteer_dir;
  return geo::DefaultGazetteerDir();
}

struct Annotator::Rep {
  uint64_t id = g_next_rep_id.fetch_add(1);
  Study study;
  std::vector<LexiconEntry> lexicon;
  std::vector<std::string> lexicon_keys;  // "family:category/subcategory"
  std::vector<QueryInfo> infos;
  std::vector<bool> spans_of;  // per query: its hit spans are needed (stigmatising terms)
  query::Matcher matcher;
  geo::Gazetteer gazetteer;
  std::optional<sentiment::Model> model;
  std::string fingerprint;
  std::string sentiment_note;
  std::string model_version;
};

Annotator::Annotator(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Annotator::~Annotator() = default;
Annotator::Annotator(Annotator&&) noexcept = default;
Annotator& Annotator::operator=(Annotator&&) noexcept = default;

const std::string& Annotator::fingerprint() const { return rep_->fingerprint; }
bool Annotator::sentiment_available() const { return rep_->model.has_value(); }
const std::string& Annotator::sentiment_note() const { return rep_->sentiment_note; }
const std::string& Annotator::sentiment_model_version() const { return rep_->model_version; }
size_t Annotator::pattern_count() const { return rep_->matcher.pattern_count(); }
const std::vector<LexiconEntry>& Annotator::lexicon() const { return rep_->lexicon; }

Result<Annotator> Annotator::Create(const Study& study, const AnnotateOptions& options) {
  auto rep = std::make_unique<Rep>();
  rep->study = study;
  std::vector<query::NamedQuery> named;
  std::string fp = std::string(kAnnotationVersion) + "\n";
  for (const StudySubtopic& sub : study.subtopics) {
    for (const StudyQuery& q : sub.queries) {
      TENLIK_ASSIGN_OR_RETURN(query::Query parsed, query::Parse(q.expression));
      named.push_back({q.id, parsed});
      rep->infos.push_back({true, q.id, -1});
      fp += "q\t" + sub.id + "\t" + q.id + "\t" + q.expression + "\n";
    }
  }
  for (const std::string& file : study.lexicons) {
    TENLIK_ASSIGN_OR_RETURN(std::vector<LexiconEntry> entries, LoadLexicon(file));
    for (LexiconEntry& e : entries) {
      TENLIK_ASSIGN_OR_RETURN(query::Query parsed, query::Parse(e.term));
      named.push_back({"lex:" + e.category + "/" + e.subcategory, parsed});
      QueryInfo info;
      info.lexicon = static_cast<int>(rep->lexicon.size());
      info.stigmatising = e.category == "stigma" && e.kind == "stigmatising";
      info.person_first = e.category == "stigma" && e.kind == "person_first";
      info.girls = e.category == "gender" && e.subcategory == "girls";
      info.boys = e.category == "gender" && e.subcategory == "boys";
      rep->infos.push_back(info);
      fp += "l\t" + e.lang + "\t" + e.category + "\t" + e.subcategory + "\t" + e.kind + "\t" +
            e.term + "\n";
      rep->lexicon_keys.push_back(std::filesystem::path(e.file).stem().string() + ":" + e.category +
                                  "/" + e.subcategory);
      rep->lexicon.push_back(std::move(e));
    }
  }
  TENLIK_ASSIGN_OR_RETURN(rep->matcher, query::Compile(named));
  for (const QueryInfo& info : rep->infos) rep->spans_of.push_back(info.stigmatising);
  TENLIK_ASSIGN_OR_RETURN(std::string gdir, ResolveGazetteerDir(study));
  TENLIK_ASSIGN_OR_RETURN(rep->gazetteer, geo::Gazetteer::Load(gdir));
  fp += "g\t" + rep->gazetteer.version() + "\n";

  if (options.no_sentiment) {
    rep->sentiment_note = "sentiment not requested (--no-sentiment)";
  } else {
    std::string path = !options.sentiment_model.empty() ? options.sentiment_model
                       : !study.sentiment_model.empty() ? study.sentiment_model
                                                        : sentiment::DefaultModelPath();
    if (!std::filesystem::exists(path)) {
      rep->sentiment_note = "no sentiment model at " + path;
    } else {
      Result<sentiment::Model> model = sentiment::Model::Load(path);
      if (!model.ok()) {
        rep->sentiment_note = "sentiment model not usable: " + model.status().message();
      } else {
        if (study.thresholds.sentiment_margin >= 0) {
          model->set_neutral_margin(study.thresholds.sentiment_margin);
        }
        std::string bytes = model->ToBytes();
        std::string card = model->info().card;
        std::string first = card.substr(0, card.find('\n'));
        char margin[32];
        std::snprintf(margin, sizeof margin, "%.4f", model->info().neutral_margin);
        rep->model_version = "model " +
                             Hex64(XXH3_64bits(bytes.data(), bytes.size())).substr(0, 12) +
                             (first.empty() ? "" : " (" + first + ")");
        fp += "s\t" + Hex64(XXH3_64bits(bytes.data(), bytes.size())) + "\t" + margin + "\n";
        rep->model = std::move(*model);
      }
    }
  }
  if (!rep->model) fp += "s\tnone\n";
  rep->fingerprint = Hex64(XXH3_64bits(fp.data(), fp.size()));
  return Annotator(std::move(rep));
}

PostAnnotation Annotator::Annotate(
    std::string_view text, const std::string& lang, const std::string& platform,
    const std::string& author_type, const std::string& corpus, const std::string& place,
    const std::function<void(const std::vector<text::Token>&)>& tokens_seen) const {
  const Rep& rep = *rep_;
  PostAnnotation a;
  // One tokenization serves places, sentiment, the matcher and the caller.
  std::vector<text::Token> tokens = text::Tokenize(text);
  if (tokens_seen) tokens_seen(tokens);
  if (!place.empty()) {
    if (auto iso = rep.gazetteer.ResolvePlaceHint(place)) {
      a.regions.push_back(*iso);
      a.region_source = "hint";
    }
  }
  if (a.regions.empty()) {
    a.regions = rep.gazetteer.FindPlacesInTokens(tokens);
    if (!a.regions.empty()) a.region_source = "text";
  }
  if (rep.model) {
    sentiment::Prediction p = rep.model->PredictFromTokens(text, tokens);
    a.sentiment = p.polarity == sentiment::Polarity::kPositive   ? "positive"
                  : p.polarity == sentiment::Polarity::kNegative ? "negative"
                                                                 : "not_rated";
    a.sentiment_confidence = p.confidence;
  } else {
    a.sentiment = "unavailable";
  }
  query::DocumentFields fields;
  fields.lang = lang;
  fields.platform = platform;
  fields.author_type = author_type;
  fields.corpus = corpus;
  fields.regions = a.regions;
  query::Document doc = query::MakeDocumentFromTokens(text, std::move(tokens), std::move(fields));

  thread_local uint64_t owner = 0;
  thread_local std::unique_ptr<query::MatchContext> context;
  if (owner != rep.id || !context) {
    context = std::make_unique<query::MatchContext>(rep.matcher);
    owner = rep.id;
  }
  thread_local std::vector<query::HitSpan> spans;
  std::vector<int> hits = rep.matcher.Match(doc, context.get(), &spans, rep.spans_of);
  for (int h : hits) {
    const QueryInfo& info = rep.infos[static_cast<size_t>(h)];
    if (info.study) {
      a.queries.push_back(info.id);
      continue;
    }
    a.lexicon.push_back(rep.lexicon_keys[static_cast<size_t>(info.lexicon)]);
    a.stigmatising = a.stigmatising || info.stigmatising;
    a.person_first = a.person_first || info.person_first;
    a.girls = a.girls || info.girls;
    a.boys = a.boys || info.boys;
  }
  for (const query::HitSpan& s : spans) {
    if (s.text_end <= s.text_begin || s.text_end > doc.text().size()) continue;
    std::string found = text::CaseFold(doc.text().substr(s.text_begin, s.text_end - s.text_begin));
    for (char& ch : found) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    while (!found.empty() && found.front() == ' ') found.erase(found.begin());
    while (!found.empty() && found.back() == ' ') found.pop_back();
    std::replace(found.begin(), found.end(), '|', ' ');
    if (!found.empty() && found.size() <= 80) a.stigma_terms.push_back(std::move(found));
  }
  SortUnique(&a.queries);
  SortUnique(&a.lexicon);
  SortUnique(&a.stigma_terms);
  for (const query::DocumentToken& t : doc.tokens()) {
    if (t.key.size() > 1 && t.key[0] == '#' && t.text_end <= doc.text().size()) {
      std::string tag = text::CaseFold(doc.text().substr(t.text_begin, t.text_end - t.text_begin));
      if (tag.size() > 1 && tag[0] == '#' && tag.find('|') == std::string::npos)
        a.hashtags.push_back(std::move(tag));
    }
  }
  SortUnique(&a.hashtags);
  return a;
}

}  // namespace tenlik::listen
