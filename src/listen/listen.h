// Public API of social-media listening: reading exports into Posts, and ingesting
// them (normalise, pseudonymise, de-duplicate, store) into a Tenlik store.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

#include "store/store.h"

namespace tenlik::listen {

enum class AuthorType { kPerson, kOrganisation, kMedia };

// "person", "organisation", "media".
const char* AuthorTypeName(AuthorType type);
// Parses the names above (also "org", "organization"); InvalidArgument otherwise.
Result<AuthorType> ParseAuthorType(std::string_view name);

// One post as read from an export, before ingest pseudonymises it.
struct Post {
  std::string source_id;     // id given by the platform or export; may be empty
  std::string platform;      // telegram, instagram, facebook, twitter, vk, youtube, tiktok, news, web, ...
  std::string channel;       // channel, group, page or site the post appeared in
  std::string author;        // author name or handle as exported (personal data until ingest)
  std::string author_id;     // author id as exported, if any (personal data until ingest)
  AuthorType author_type = AuthorType::kPerson;
  bool author_type_given = false;  // true when the export stated the author type
  int64_t published_at = 0;  // seconds since the Unix epoch, UTC
  std::string text;          // as exported (UTF-8)
  std::string lang;          // language stated by the export, may be empty
  std::string url;
  int64_t engagement = 0;    // likes + shares + comments, or the export's engagement figure
  std::string place;         // place hint: city / region as exported, may be empty
  std::string reply_to;      // source_id of the post this one replies to, if any
  std::string raw;           // the whole source record as JSON, so nothing is lost to mapping
  // Other strings in `raw` that identify the author (full name, profile URL, user
  // id); ingest replaces them, like `author` and `author_id`, with the pseudonym.
  std::vector<std::string> author_details;
  int64_t line = 0;          // 1-based line where the record starts in its file
  int64_t record = 0;        // 0-based ordinal of the record in its file (rejects included)
};

// A record that could not be read. Ingest writes these to the reject file.
struct Reject {
  std::string file;
  int64_t line = 0;      // 1-based; 0 when unknown
  int64_t record = 0;    // 0-based ordinal in the file
  std::string field;     // the field at fault, or "" for the whole record
  std::string reason;    // what was expected, in English
  std::string raw;       // the record's text (truncated to a few KB)
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
  FieldMap map;                // for kCsv and kJsonl
  int64_t skip_records = 0;    // records before this ordinal are parsed cheaply and not delivered
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

// The key file that belongs to the store at `store_location`: "<store>.key".
std::string KeyPathFor(const std::string& store_location);
// The default reject file of a store: "<store>.rejects.jsonl".
std::string RejectsPathFor(const std::string& store_location);

struct IngestProgress {
  std::string file;
  int64_t records = 0;       // records read so far in this file (this run)
  double fraction = -1;      // share of the file done, or -1 when unknown
  double records_per_second = 0;
};

struct IngestOptions {
  std::string corpus;                 // required: e.g. "public", "organisations"
  std::vector<std::string> files;
  std::optional<Format> format;       // unset: detect each file's format
  FieldMap map;                       // for csv / jsonl
  std::string organisations_file;     // "name<TAB>organisation|media" lines; may be empty
  std::string key_path;               // pseudonym key (required)
  std::string rejects_path;           // reject records are appended here
  int batch_size = 5000;              // records per transaction
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
  FileCounts total;           // sum over files
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
  int64_t duplicates = 0;       // exact duplicates counted at ingest, not stored
  int64_t rejected = 0;
  int64_t files = 0;
  int64_t first_published_at = 0;
  int64_t last_published_at = 0;
  std::map<std::string, int64_t> by_corpus, by_platform, by_lang, by_author_type, by_month;
};

Result<Stats> ComputeStats(store::Connection& db);

}  // namespace tenlik::listen
