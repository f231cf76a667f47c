// Internal to listen/: helpers shared by the study stages (annotate, aggregate,
// report, search). Not part of the public API.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/node_hash_map.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "listen/listen.h"

namespace tenlik::geo {
class Gazetteer;
}
namespace tenlik::text {
struct Token;
}

namespace tenlik::listen {

std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view s);
bool InStudyScope(const Study& study, std::string_view corpus, std::string_view lang);
Result<std::string> ResolveGazetteerDir(const Study& study);
Result<std::string> ResolveStopwordsDir(const Study& study);

// Local calendar keys of a timestamp: "2025-03", "2025-W09", "2025-Q1", "2025-03-14".
struct CalendarKeys {
  std::string month, week, quarter, day;
};
CalendarKeys Calendar(int64_t unix_seconds, int utc_offset_minutes);
// The months "YYYY-MM" of the study period, in order.
std::vector<std::string> PeriodMonths(const Study& study);

// One annotated post in scope, as counted.
struct ScannedPost {
  int64_t id = 0;
  int64_t published_at = 0;
  std::string platform, corpus, lang, author_type, text;
  bool original = true;       // not a near-duplicate
  PostAnnotation annotation;  // lexicon entries are "family:category/subcategory"
};

// The terms of a post: `keys` for counting (folded, stemmed; topics::Analyzer) and,
// for each, the case-folded word as written in `surfaces[i]`.
struct PostTerms {
  std::vector<std::string> keys;
  std::vector<std::string> surfaces;
};

// The terms of a post for keyness and topics (stop-words removed).
class TermExtractor {
 public:
  static Result<TermExtractor> Create(const Study& study);
  ~TermExtractor();
  TermExtractor(TermExtractor&&) noexcept;
  PostTerms Terms(std::string_view text, std::string_view lang);
  // The same from the tokens of `text` (text::Tokenize).
  PostTerms TermsFromTokens(std::string_view text, const std::vector<text::Token>& tokens,
                            std::string_view lang);

 private:
  struct Rep;
  explicit TermExtractor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The terms of an original post for the topic model, with the keys its figures
// are grouped by.
struct TopicDocument {
  std::vector<std::string> terms;
  std::string month, platform;
};

// What one pass over a study's posts does (study_pass.cpp). AnnotateStudy,
// CountStudy and RunStudy are this pass with parts left out, so they read and
// count posts the same way.
struct StudyPassOptions {
  // Annotates the posts in scope without an annotation of its fingerprint; null:
  // such posts are skipped.
  const Annotator* annotator = nullptr;
  std::string fingerprint;      // of the annotations counted when there is no annotator
  bool count = false;           // count every annotated post in scope (with the new ones)
  bool keep_documents = false;  // keep the terms of each original post, in id order
  int64_t min_post_id = 0, max_post_id = INT64_MAX;
  AnnotateOptions annotate;  // page size, progress, cancel (sentiment options: the annotator's)
};

struct StudyPassResult {
  AnnotateReport annotate;  // in_scope and already are set only with an annotator
  StudyCounts counts;
  std::vector<TopicDocument> documents;
};

// Reads the posts of `study` in id order a page at a time; annotates and counts
// each page on every core; writes a page's new annotations in one transaction.
Result<StudyPassResult> RunStudyPass(store::Connection& db, const Study& study,
                                     const StudyPassOptions& options);

// "sub" or "rest": the keyness split of a post.
std::string KeynessGroup(const Study& study, const ScannedPost& post);

// The terms of original posts (tables orig:term, orig:term_docs and
// orig:term_surface) on their way into StudyCounts, by dense ids: a post's forty
// or so terms would otherwise cost three lookups each in tables of every word of
// the corpus, and a string built for two of them.
class TermTally {
 public:
  // Adds the terms of one original post of keyness group `group` ("sub" or "rest").
  void AddPost(std::string_view group, const PostTerms& terms);
  // Adds the three tables to `counts` and empties the tally.
  void AddTo(StudyCounts* counts);

 private:
  using Ids = absl::flat_hash_map<std::string, uint32_t>;
  static uint32_t Intern(std::string_view s, Ids* ids, std::vector<std::string>* names);

  Ids term_ids_, surface_ids_;
  std::vector<std::string> terms_, surfaces_;
  std::vector<int64_t> in_sub_, in_rest_, docs_;  // by term id
  std::vector<uint64_t> last_post_;               // by term id: the post that last counted it
  uint64_t posts_ = 0;
  absl::flat_hash_map<uint64_t, int64_t> written_;  // term id << 32 | surface id -> posts
  std::vector<uint64_t> post_pairs_;                // reused for each post
};

// Counts of posts on their way into StudyCounts. Hash maps: counting a post adds
// to a hundred or so keys, and a search of StudyCounts' ordered maps for each cost
// more than annotating the post. AddTo adds them to StudyCounts once.
struct CountBuffer {
  using Counts = absl::flat_hash_map<std::string, int64_t>;
  absl::node_hash_map<std::string, Counts> tables;
  // The same tables by the addresses of the variant and table-name literals that
  // AddPost names them with: two pointers hash in less time than a name.
  absl::flat_hash_map<std::pair<const char*, const char*>, Counts*> by_literal;
  TermTally terms;

  // Adds every count to `counts` and empties the buffer.
  void AddTo(StudyCounts* counts);
};

// Adds one post to the counts.
void AddPost(const Study& study, const ScannedPost& post, const PostTerms& terms,
             CountBuffer* counts);

// The form of a term key that the most original posts wrote (table
// orig:term_surface; ties go to the first in byte order), or `key` when none was counted.
std::string SurfaceForm(const StudyCounts& counts, const std::string& key);

// Derived figures (shares, Wilson intervals, per-capita, spikes, keyness, ...)
// as the results.json object (docs/study.md).
nlohmann::json ComputeResults(const Study& study, const StudyCounts& counts,
                              const geo::Gazetteer& gazetteer);

// The layout of results.json, written as its "results_version" (files without
// one are version 1). Bump it when a figure moves or changes meaning.
inline constexpr int kResultsVersion = 1;

// The results.json an earlier run wrote, from the file or the report folder
// holding it. NotFound when it cannot be read; InvalidArgument, naming the file,
// when it is not a study's results or was written by a newer Tenlik.
Result<nlohmann::json> LoadPreviousResults(const std::string& path);

// The shares both runs report (sub-topics, barriers, programmes, disability,
// groups at risk, girls and boys, stigmatising wording, sentiment) side by side,
// with the change in percentage points and a two-proportion z-test
// (results.json "comparison", docs/study.md).
nlohmann::json CompareResults(const nlohmann::json& previous, const nlohmann::json& now);

// 95 % Wilson score interval of k successes out of n.
std::pair<double, double> Wilson(int64_t k, int64_t n);
// Dunning's log-likelihood G2 of a term seen a times in a corpus of c tokens and
// b times in one of d tokens.
double LogLikelihoodG2(double a, double b, double c, double d);

}  // namespace tenlik::listen
