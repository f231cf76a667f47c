// Public API of social-media listening: reading exports into Posts, and ingesting
// them (normalise, pseudonymise, de-duplicate, store) into a Tenlik store.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace tenlik::store {
class Connection;
}

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

}  // namespace tenlik::listen
