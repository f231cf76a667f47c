// Public API of social-media listening: reading exports into Posts, and ingesting
// them (normalise, pseudonymise, de-duplicate, store) into a Tenlik store.
#pragma once

#include <atomic>
#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

#include "store/store.h"

namespace tenlik::text {
struct Token;
}

namespace tenlik::listen {

enum class AuthorType { kPerson, kOrganisation, kMedia };

// "person", "organisation", "media".
const char* AuthorTypeName(AuthorType type);
// Parses the names above (also "org", "organization"); InvalidArgument otherwise.
Result<AuthorType> ParseAuthorType(std::string_view name);

// One post as read from an export, before ingest pseudonymises it.
struct Post {
  std::string source_id;  // id given by the platform or export; may be empty
  std::string
      platform;  // telegram, instagram, facebook, twitter, vk, youtube, tiktok, news, web, ...
  std::string channel;    // channel, group, page or site the post appeared in
  std::string author;     // author name or handle as exported (personal data until ingest)
  std::string author_id;  // author id as exported, if any (personal data until ingest)
  AuthorType author_type = AuthorType::kPerson;
  bool author_type_given = false;  // true when the export stated the author type
  int64_t published_at = 0;        // seconds since the Unix epoch, UTC
  std::string text;                // as exported (UTF-8)
  std::string lang;                // language stated by the export, may be empty
  std::string url;
  int64_t engagement = 0;  // likes + shares + comments, or the export's engagement figure
  std::string place;       // place hint: city / region as exported, may be empty
  std::string reply_to;    // source_id of the post this one replies to, if any
  std::string raw;         // the whole source record as JSON, so nothing is lost to mapping
  // Other strings in `raw` that identify the author (full name, profile URL, user
  // id); ingest replaces them, like `author` and `author_id`, with the pseudonym.
  std::vector<std::string> author_details;
  int64_t line = 0;    // 1-based line where the record starts in its file
  int64_t record = 0;  // 0-based ordinal of the record in its file (rejects included)
};

// A record that could not be read. Ingest writes these to the reject file.
struct Reject {
  std::string file;
  int64_t line = 0;    // 1-based; 0 when unknown
  int64_t record = 0;  // 0-based ordinal in the file
  std::string field;   // the field at fault, or "" for the whole record
  std::string reason;  // what was expected, in English
  std::string raw;     // the record's text (truncated to a few KB)
};

enum class Format { kMeltwaterCsv, kTelegramJson, kInstagramNdjson, kJsonl, kCsv };

// "meltwater", "telegram", "instagram", "jsonl", "csv".
const char* FormatName(Format format);
Result<Format> ParseFormat(std::string_view name);

// Guesses the format of `path` from its first bytes and its name. NotFound when the
// file cannot be opened; InvalidArgument when it matches no known format.
Result<Format> DetectFormat(const std::string& path);

// Post field name -> column (CSV) or dotted key path (JSONL) in the export,
// e.g. {"text": "Body", "published_at": "Date"}. Fields not mapped use the reader's
// defaults (see docs/formats.md).
using FieldMap = std::map<std::string, std::string>;

// Parses "field=Column" as given to --map; InvalidArgument names the unknown field.
Status AddMapping(std::string_view spec, FieldMap* map);

// Receives records as a reader produces them, in file order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Returns false to stop reading (e.g. on Ctrl-C); the reader then returns kCancelled.
  virtual bool OnPost(Post&& post) = 0;
  virtual bool OnReject(Reject&& reject) = 0;
};

struct ReadOptions {
  Format format = Format::kJsonl;
  FieldMap map;              // for kCsv and kJsonl
  int64_t skip_records = 0;  // records before this ordinal are parsed cheaply and not delivered
  // The zone of dates that carry none: "" or "UTC", a fixed offset ("+05:00") or an
  // IANA name ("Asia/Almaty", system tzdata). Dates with a zone or unix times are
  // unaffected. ReadFile returns InvalidArgument for anything else.
  std::string timezone;
};

// Reads `path` as `options.format`, delivering each record to `sink`. A record that
// cannot be read is delivered as a Reject and reading goes on. Returns DataLoss with
// the file name and what was expected when the file as a whole is not that format,
// NotFound / IoError when it cannot be read, kCancelled when the sink said stop.
Status ReadFile(const std::string& path, const ReadOptions& options, RecordSink& sink);

// ---------------------------------------------------------------------------
// Ingest: Posts -> normalise -> pseudonymise -> de-duplicate -> store.

// Schema migrations of the listen tables. `tenlik init` and every ingest apply them.
const std::vector<store::Migration>& Migrations();

// Creates a new random pseudonym key at `path` (mode 0600). AlreadyExists when a key
// is there: a key is never replaced, or the same person would get a new pseudonym.
Status CreatePseudonymKey(const std::string& path);

// The key file that belongs to the store at `store_location`: "<store>.key" for a
// file store; for a server store (a URL), $TENLIK_KEY when set, else "./tenlik.key",
// so the key never travels with the database.
std::string KeyPathFor(const std::string& store_location);
// The default reject file of a store: "<store>.rejects.jsonl" for a file store,
// "./tenlik.rejects.jsonl" for a server store.
std::string RejectsPathFor(const std::string& store_location);
// Appends `rejects` to the reject file at `path`, one JSON object per line with the
// keys file, line, record, field, reason and raw (docs/ingest.md); invalid UTF-8 is
// written as U+FFFD. The file is created when missing; an empty list writes nothing
// and creates no file. IoError naming `path` when it cannot be written.
Status AppendRejects(const std::vector<Reject>& rejects, const std::string& path);

struct IngestProgress {
  std::string file;
  int64_t records = 0;   // records read so far in this file (this run)
  double fraction = -1;  // share of the file done, or -1 when unknown
  double records_per_second = 0;
};

struct IngestOptions {
  std::string corpus;  // required: e.g. "public", "organisations"
  std::vector<std::string> files;
  std::optional<Format> format;  // unset: detect each file's format
  FieldMap map;                  // for csv / jsonl
  // ReadOptions::timezone of every file. Not recorded in the store (listen_files has
  // no per-file options): a file already ingested is not read again with another.
  std::string timezone;
  std::string organisations_file;  // "name<TAB>organisation|media" lines; may be empty
  std::string key_path;            // pseudonym key (required)
  std::string rejects_path;        // reject records are appended here
  int batch_size = 5000;           // records per transaction; more in a big store (ingest.cpp)
  // Called about twice a second while reading; may be empty.
  std::function<void(const IngestProgress&)> on_progress;
  // When it becomes true, ingest stops after the current record; work committed so
  // far stays and a re-run continues. May be null.
  const std::atomic<bool>* cancel = nullptr;
};

// What happened to each file. read == stored + duplicates + rejected always holds;
// near_duplicates are stored posts linked to an earlier post.
struct FileCounts {
  int64_t read = 0;
  int64_t stored = 0;
  int64_t duplicates = 0;
  int64_t near_duplicates = 0;
  int64_t rejected = 0;
};

struct FileReport {
  std::string path;
  Format format = Format::kJsonl;
  bool already_ingested = false;  // the same content was ingested before: nothing added
  bool resumed = false;           // an interrupted run of this file was continued
  FileCounts counts;              // this file over all runs
  Status status;                  // not ok when the file could not be read at all
};

struct IngestReport {
  std::vector<FileReport> files;
  FileCounts total;  // sum over files
  bool cancelled = false;
};

// Ingests `options.files` into `db`. Files are identified by content, so ingesting
// a file twice adds nothing, and an interrupted ingest continues where its last
// committed batch ended. A file that cannot be read is reported in its FileReport
// and the other files are still ingested. Returns an error only for problems that
// stop everything (no key, store not writable).
Result<IngestReport> Ingest(store::Connection& db, const IngestOptions& options);

// Counts of what the store holds, for `tenlik listen stats`.
struct Stats {
  int64_t posts = 0;
  int64_t near_duplicates = 0;
  int64_t duplicates = 0;  // exact duplicates counted at ingest, not stored
  int64_t rejected = 0;
  int64_t files = 0;
  int64_t first_published_at = 0;
  int64_t last_published_at = 0;
  std::map<std::string, int64_t> by_corpus, by_platform, by_lang, by_author_type, by_month;
};

Result<Stats> ComputeStats(store::Connection& db);

// ---------------------------------------------------------------------------
// Studies: a study file (YAML, docs/study.md) -> annotate the stored posts ->
// mergeable counts -> results, topic model and a trilingual report.
//
//   TENLIK_ASSIGN_OR_RETURN(Study study, LoadStudy("data/studies/inclusive-education.yaml"));
//   TENLIK_ASSIGN_OR_RETURN(StudyRunReport r, RunStudy(db, study, {.out_dir = "report"}));

// A text in the three languages of the project. `In` falls back to English.
struct Names {
  std::string en, ru, kk;
  const std::string& In(std::string_view lang) const;
};

// A named topic query of a study (docs/query-language.md).
struct StudyQuery {
  std::string id;  // [A-Za-z0-9_.-]+, unique in the study
  Names name;
  std::string expression;  // parses with query::Parse
  int line = 0;            // where it is in the study file (1-based)
};

// Queries grouped into a sub-topic ("barriers", "gender", ...). A post belongs to
// the sub-topic when any of its queries matches.
struct StudySubtopic {
  std::string id;
  Names name;
  std::vector<StudyQuery> queries;
};

struct StudyThresholds {
  int64_t thin_data_posts = 10;  // a region with fewer posts is flagged "thin data"
  int64_t small_cell = 5;        // hashtags / terms seen in fewer posts are not listed
  double spike_z = 2.0;          // a month whose z-score vs trailing months exceeds this
  int spike_window = 6;          // trailing months for the z-score (at least 3 needed)
  double sentiment_margin = -1;  // |p - 0.5| below this is "not rated"; < 0: the model's
};

struct StudyTopics {
  int k = 8;
  int iterations = 200;
  double heldout = 0.1;  // share of documents held out for perplexity
  uint64_t seed = 1;
  int top_words = 10;
};

// The sub-corpus compared with the rest by keyness (log-likelihood G2).
struct StudyKeyness {
  std::string field = "author_type";  // author_type | corpus | platform | lang
  std::vector<std::string> values = {"organisation", "media"};
  Names name;  // of the sub-corpus, e.g. "organisations and media"
  Names rest;  // of the rest, e.g. "general public"
};

struct Study {
  std::string path;  // the file it was read from
  int version = 1;
  Names name;
  std::vector<std::string> corpora;    // empty: every corpus
  std::string period_from, period_to;  // "YYYY-MM-DD", both inclusive
  int64_t from_ts = 0, to_ts = 0;      // [from_ts, to_ts) in Unix seconds
  int utc_offset_minutes = 300;        // local time of months and weeks (+05:00)
  std::vector<std::string> languages;  // empty: every language
  std::string region_units = "kz-2022";
  std::string gazetteer_dir;  // "" = geo::DefaultGazetteerDir()
  std::string stopwords_dir;  // "" = <data>/stopwords next to the gazetteer
  StudyThresholds thresholds;
  std::vector<std::string> lexicons;  // resolved paths of lexicon TSV files
  std::vector<StudySubtopic> subtopics;
  StudyTopics topics;
  StudyKeyness keyness;
  std::string sentiment_model;  // "" = sentiment::DefaultModelPath()
};

// Reads a study file. InvalidArgument whose message is "<file>:<line>:<column>: "
// and what was expected there; NotFound when the file (or a lexicon it names)
// does not exist. Every query is parsed; a query error gives its line in the file
// and its column in the query.
Result<Study> LoadStudy(const std::string& path);
// The same from text; `path` names it in messages and relative lexicon paths are
// resolved against its directory.
Result<Study> ParseStudy(std::string_view yaml, const std::string& path);

// One line of a lexicon TSV (data/lexicons/README.md).
struct LexiconEntry {
  std::string file;
  int line = 0;
  std::string lang, category, subcategory, kind, term, alternative;
};
// NotFound / InvalidArgument "<file>:<line>: ..." for a malformed line or term.
Result<std::vector<LexiconEntry>> LoadLexicon(const std::string& path);

// What annotation found in one post.
struct PostAnnotation {
  int64_t post_id = 0;
  std::vector<std::string> queries;       // ids of matching study queries
  std::vector<std::string> lexicon;       // "file:category/subcategory" of matching entries,
                                          // file = lexicon file name without .tsv ("barriers")
  bool stigmatising = false;              // a stigmatising entry matched
  bool person_first = false;              // a person-first entry matched
  std::vector<std::string> stigma_terms;  // the stigmatising words as found (folded)
  bool girls = false, boys = false;       // gender/girls, gender/boys
  std::string sentiment;                  // positive | negative | not_rated | unavailable
  std::optional<double> sentiment_confidence;
  std::vector<std::string> regions;   // ISO codes
  std::string region_source;          // "hint", "text" or ""
  std::vector<std::string> hashtags;  // folded, with '#'
};

struct AnnotateOptions {
  std::string sentiment_model;  // overrides the study's; "" = the study's / default
  bool no_sentiment = false;    // annotate sentiment as unavailable
  int batch_size = 1000;        // posts read per page, and at most one transaction per page
  // Called after each page with the posts in scope passed so far (annotated now,
  // before, or counted) and all posts in scope; may be empty.
  std::function<void(int64_t done, int64_t total)> on_progress;
  const std::atomic<bool>* cancel = nullptr;
};

// Study queries and every lexicon term compiled into one matcher, the gazetteer and
// the sentiment model (if any). Immutable; Annotate is thread-safe.
class Annotator {
 public:
  static Result<Annotator> Create(const Study& study, const AnnotateOptions& options);
  ~Annotator();
  Annotator(Annotator&&) noexcept;
  Annotator& operator=(Annotator&&) noexcept;

  // Hex hash of the study's queries, lexicons, gazetteer version and sentiment model.
  const std::string& fingerprint() const;
  bool sentiment_available() const;
  // Why sentiment is unavailable ("" when it is available).
  const std::string& sentiment_note() const;
  // Description of the model in use (its card's first line), or "".
  const std::string& sentiment_model_version() const;
  size_t pattern_count() const;
  const std::vector<LexiconEntry>& lexicon() const;

  // `tokens_seen`, when set, is called once with the tokens of `text` before they
  // are matched: one tokenization then serves the annotation and the caller (the
  // study pass takes a post's terms from them).
  PostAnnotation Annotate(
      std::string_view text, const std::string& lang, const std::string& platform,
      const std::string& author_type, const std::string& corpus, const std::string& place,
      const std::function<void(const std::vector<text::Token>&)>& tokens_seen = {}) const;

 private:
  struct Rep;
  explicit Annotator(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

struct AnnotateReport {
  std::string fingerprint;
  int64_t in_scope = 0;   // posts in the study's corpora, period and languages
  int64_t annotated = 0;  // annotated by this run
  int64_t already = 0;    // annotated before with the same fingerprint
  bool sentiment_available = false;
  std::string sentiment_note;
  std::string sentiment_model_version;
  bool cancelled = false;
};

// Annotates the posts in the study's scope that have no annotation with this
// annotator's fingerprint, on every core, a page per transaction.
Result<AnnotateReport> AnnotateStudy(store::Connection& db, const Study& study,
                                     const Annotator& annotator, const AnnotateOptions& options);

// Mergeable partial aggregates: plain counts keyed by table and a key of
// '\t'-separated dimensions (docs/study.md lists the tables). The counts of a
// corpus split into parts, merged, equal the counts of the whole.
struct StudyCounts {
  std::map<std::string, std::map<std::string, int64_t>> tables;

  void Add(const std::string& table, const std::string& key, int64_t n = 1);
  int64_t Get(const std::string& table, const std::string& key) const;
  void Merge(const StudyCounts& other);
  bool operator==(const StudyCounts&) const = default;
};

struct CountOptions {
  int64_t min_post_id = 0;  // posts with min_post_id <= id <= max_post_id
  int64_t max_post_id = INT64_MAX;
};

// Counts the annotated posts of the study in scope (annotation `fingerprint`), on
// every core. RunStudy annotates and counts in one pass; the counts are the same.
Result<StudyCounts> CountStudy(store::Connection& db, const Study& study,
                               const std::string& fingerprint, const CountOptions& options = {});

struct StudyRunOptions {
  std::string out_dir = "report";
  std::string lang = "en";  // kk | ru | en
  AnnotateOptions annotate;
  bool topics = true;  // run LDA
  // An earlier run's results.json, or the report folder holding it: the report then
  // sets each share beside the earlier one ("" = no comparison).
  std::string compare_with;
  // Stage names ("annotate" — annotating and counting in one pass over the posts —,
  // "topics", "report") as they start.
  std::function<void(const std::string&)> on_stage;
};

struct StudyRunReport {
  AnnotateReport annotate;
  int64_t posts = 0;               // annotated posts in scope, near-duplicates included
  int64_t original_posts = 0;      // without near-duplicates
  double perplexity = 0;           // held-out perplexity of the topic model (0: none)
  std::vector<std::string> files;  // written files
};

// Annotate, count, topics, report: writes <out>/index.html, <out>/csv/*.csv,
// <out>/tables.xlsx, <out>/hashtags.gexf and <out>/results.json.
Result<StudyRunReport> RunStudy(store::Connection& db, const Study& study,
                                const StudyRunOptions& options);

// Keyword in context: posts whose text matches `query_text`.
struct SearchHit {
  int64_t post_id = 0;
  std::string author_key;  // the pseudonym
  std::string date;        // YYYY-MM-DD (UTC)
  std::string platform;
  std::string corpus;
  std::string before, hit, after;  // text around the first hit span
};

struct SearchOptions {
  size_t limit = 20;
  size_t window_chars = 60;  // characters of context on each side
};

// InvalidArgument "column C: ..." when the query does not parse.
Result<std::vector<SearchHit>> Search(store::Connection& db, std::string_view query_text,
                                      const SearchOptions& options = {});

// How many stored posts (near-duplicates included, as Search finds them) a query
// matches: exactly, or, in a store larger than `max_scan` posts, estimated from up to
// 16 evenly spaced runs of consecutive posts, about max_scan posts in all, so that an
// editor can show the count while someone types.
struct HitCount {
  int64_t hits = 0;        // exact, or round(sample hits * posts / scanned)
  int64_t scanned = 0;     // posts matched against the query
  int64_t posts = 0;       // posts in the store
  bool estimated = false;  // true when only a sample was scanned
};

struct HitCountOptions {
  int64_t max_scan = 0;  // 0: every post, always exact
};

// InvalidArgument "column C: ..." when the query does not parse.
Result<HitCount> CountQueryHits(store::Connection& db, std::string_view query_text,
                                const HitCountOptions& options = {});

// One stored post as it may be shown: the pseudonymised, masked text and metadata,
// never the raw record.
struct StoredPost {
  int64_t id = 0;
  std::string corpus, platform, channel;
  std::string author_key;   // the pseudonym, or the organisation's / media's name
  std::string author_type;  // person | organisation | media
  int64_t published_at = 0;
  std::string lang, text;
  std::optional<std::string> region;  // ISO code the post's place hint names, if any
  int64_t engagement = 0;
  std::string reply_to;  // source id of the post replied to; "" when none
  // The post's address for organisations and media; always "" for a person's post,
  // which a link would identify.
  std::string url;
};

// The post with listen_posts.id `post_id`. NotFound when there is none.
Result<StoredPost> LoadStoredPost(store::Connection& db, int64_t post_id);

// ---------------------------------------------------------------------------
// Query validation (docs/study.md, "Validating queries"): people label a random
// sample of a query's hits relevant / not relevant, and the query's precision
// (relevant / labelled, with its 95 % Wilson interval) is kept in the store per
// study, query and query text, and shown beside the query in the study report.
//
//   TENLIK_ASSIGN_OR_RETURN(ValidationSample s, SampleQueryHits(db, study, "access", {}));
//   TENLIK_RETURN_IF_ERROR(WriteValidationSheet(study, s, "kk", "access.xlsx"));
//   // ... people fill the label column, then:
//   TENLIK_ASSIGN_OR_RETURN(ValidationImport r, ImportValidationSheet(db, study, "access",
//   "access.xlsx", {}));

// The study shipped with Tenlik, <data>/studies/inclusive-education.yaml, with
// <data> found as for the gazetteer ($TENLIK_DATA, else beside the program).
// NotFound when it is not there.
Result<std::string> DefaultStudyPath();
// The folder of the shipped studies, <data>/studies (it may not exist).
Result<std::string> DefaultStudiesDir();

// The key validations are stored under: the study's English name.
std::string StudyKey(const Study& study);

// 16 hex digits identifying a query's text: labels of an older text are stale.
std::string QueryTextHash(std::string_view expression);

// The study's query with this id (borrowed from `study`); NotFound naming the ids
// the study has otherwise.
Result<const StudyQuery*> FindStudyQuery(const Study& study, std::string_view query_id);

// One sampled hit: a post and the keyword in context of the query's first hit.
struct ValidationItem {
  int64_t post_id = 0;               // listen_posts.id, stable in the store
  std::string lang, date, platform;  // date YYYY-MM-DD (UTC)
  std::string before, hit, after;    // the stored (pseudonymised, masked) text
};

struct ValidationSampleOptions {
  size_t sample = 100;        // most hits to draw
  uint64_t seed = 1;          // the same seed and store give the same sample
  size_t window_chars = 120;  // characters of context on each side of the hit
};

struct ValidationSample {
  std::string study;  // StudyKey
  std::string query_id, query_hash, query_expression;
  int64_t hits = 0;  // original posts in the study's scope the query matches
  uint64_t seed = 0;
  std::vector<ValidationItem> items;  // min(sample, hits) hits, in post id order
};

// Draws a reproducible simple random sample of the original posts (near-duplicates
// left out) in the study's scope (corpora, period, languages) that the query
// matches: the posts with the smallest hash of (post id, seed). A post keeps its
// rank when posts are added, so a larger sample contains a smaller one.
// NotFound for an unknown query id.
Result<ValidationSample> SampleQueryHits(store::Connection& db, const Study& study,
                                         std::string_view query_id,
                                         const ValidationSampleOptions& options);

// Writes the labelling workbook (libxlsxwriter) in `lang` (kk | ru | en): a sheet of
// instructions, a sheet with one row per sampled post (post id, query id, keyword
// in context with the hit in bold, language, and an empty label column that offers
// "relevant" / "not relevant" in `lang`), and a hidden sheet "tenlik" holding the
// sheet format version, study, query, query text hash and seed. Written to
// "<path>.tmp" and renamed; IoError when it cannot be written.
Status WriteValidationSheet(const Study& study, const ValidationSample& sample,
                            std::string_view lang, const std::string& path);

enum class ValidationLabel { kRelevant, kNotRelevant, kUnlabelled };

// Reads a label cell, ignoring case and surrounding spaces: relevant / not relevant
// in English, Russian or Kazakh as the sheet offers them, yes / no (да / нет,
// иә / жоқ) and 1 / 0. A blank cell is kUnlabelled; nullopt for anything else.
std::optional<ValidationLabel> ParseValidationLabel(std::string_view cell);

// The precision of one query text over every label stored for it.
struct QueryValidation {
  std::string query_id, query_hash;
  int64_t relevant = 0;
  int64_t labelled = 0;      // relevant + not relevant: the n of the interval
  int64_t unlabelled = 0;    // sampled posts left blank
  double precision = 0;      // relevant / labelled (0 when nothing is labelled)
  double low = 0, high = 0;  // 95 % Wilson score interval
  std::string validated_on;  // YYYY-MM-DD (UTC) of the latest import
  bool stale = false;        // the labels are of another text of the query
};

struct ValidationImportOptions {
  int64_t now = 0;  // Unix seconds recorded with the labels; 0 = the clock
};

struct ValidationImport {
  std::string file;
  int64_t rows = 0;                                        // data rows read from the sheet
  int64_t relevant = 0, not_relevant = 0, unlabelled = 0;  // of this sheet's rows
  std::vector<Reject> rejects;  // rows not stored; line = the spreadsheet row
  QueryValidation validation;   // over every label stored for the sheet's query text
};

// Reads a sheet written by WriteValidationSheet and filled by people (libzip and
// libxml2; any program that keeps the sheets and the "tenlik" sheet will do) and
// stores its labels in one transaction, replacing earlier labels of the same post
// and query text; a blank label never replaces a given one. A row is rejected
// (returned, not stored) for an unknown label, a post id that is not a number or
// not in the store, a row of another query, or a post id seen twice. NotFound when
// the file is missing; DataLoss naming the file when it is not such a workbook;
// InvalidArgument when it was made for another study or query.
Result<ValidationImport> ImportValidationSheet(store::Connection& db, const Study& study,
                                               std::string_view query_id, const std::string& path,
                                               const ValidationImportOptions& options);

// "relevant", "not_relevant" or "unlabelled": the names labels are stored under.
const char* ValidationLabelName(ValidationLabel label);

// The labels stored for the current text of the study's query, by post id (a post
// left blank in a sheet is kUnlabelled). NotFound for an unknown query id.
Result<std::map<int64_t, ValidationLabel>> LoadValidationLabels(store::Connection& db,
                                                                const Study& study,
                                                                std::string_view query_id);

struct ValidationLabelOptions {
  int64_t now = 0;     // Unix seconds recorded with the label; 0 = the clock
  std::string source;  // who or what labelled, stored with the label (e.g. "web:alice")
};

// Stores one label of a post for the current text of the study's query, replacing
// its earlier label; kUnlabelled clears it (the post then has no label of this text).
// Only a hit of the query among the posts SampleQueryHits draws from (original
// posts in the study's scope) can be labelled: NotFound otherwise, and for an
// unknown query id. Returns the query's validation over every label of its text.
Result<QueryValidation> SetValidationLabel(store::Connection& db, const Study& study,
                                           std::string_view query_id, int64_t post_id,
                                           ValidationLabel label,
                                           const ValidationLabelOptions& options);

// A validation as JSON, the shape results.json and `listen validate --json` show:
// {"query_hash","relevant","labelled","unlabelled","precision","low","high",
// "validated_on","stale"} (callers add the query's id under their own key).
nlohmann::json ValidationJson(const QueryValidation& validation);

// Query id -> its validation for the query's current text or, when there is none,
// the most recent one of an older text (stale). Queries never validated are absent.
Result<std::map<std::string, QueryValidation>> LoadQueryValidations(store::Connection& db,
                                                                    const Study& study);

}  // namespace tenlik::listen
