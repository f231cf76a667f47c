// Internal to src/listen: shared machinery of the export readers (ReadFile).
// Not part of the module's public API; see listen.h and docs/formats.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cctz/time_zone.h>

#include "listen/listen.h"

namespace tenlik::listen::reader {

// ---------------------------------------------------------------------------
// Byte sources: a file (streamed) or memory (tests, fuzzers).

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 at end of input. IoError on failure.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Total size in bytes when known, else -1 (used to size buffers).
  virtual int64_t size() const { return -1; }
};

// A read buffer size for `src`: 1 MiB, less for small inputs.
size_t BufferSizeFor(const ByteSource& src);

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override;
  int64_t size() const override { return static_cast<int64_t>(data_.size()); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

class FileSource : public ByteSource {
 public:
  ~FileSource() override;
  // NotFound when the file does not exist, IoError when it cannot be opened.
  static Result<std::unique_ptr<FileSource>> Open(const std::string& path);
  Result<size_t> Read(char* buf, size_t n) override;
  int64_t size() const override { return size_; }

 private:
  FileSource(std::string path, int fd, int64_t size) : path_(std::move(path)), fd_(fd), size_(size) {}
  std::string path_;
  int fd_ = -1;
  int64_t size_ = -1;
};

// Reads the whole source into `out` (which gets simdjson padding in its capacity).
Status ReadAll(ByteSource& src, std::string* out);

// ---------------------------------------------------------------------------
// The zone of dates that carry none (ReadOptions::timezone).

class LocalZone {
 public:
  LocalZone() = default;  // UTC

  // "UTC", "Z", a fixed offset ("+05:00", "+0500", "+05", "-03:30") or an IANA zone
  // name ("Asia/Almaty", rules from the system's tzdata through cctz). Empty is UTC.
  // InvalidArgument naming `spec` and what was expected otherwise.
  static Result<LocalZone> Parse(std::string_view spec);

  // The UTC seconds of a wall-clock time given as seconds since 1970-01-01 00:00 of
  // that wall clock. A time skipped by a transition is read with the offset before
  // it; a time that occurs twice is read as its first occurrence.
  int64_t ToUtc(int64_t wall_clock) const;

 private:
  int32_t fixed_offset_ = 0;  // seconds east of UTC, when !named_
  bool named_ = false;
  cctz::time_zone zone_;
};

// ---------------------------------------------------------------------------
// Delivering records: ordinals, skip_records, cancellation, reject shaping.

class Emitter {
 public:
  Emitter(std::string file, int64_t skip_records, RecordSink& sink, LocalZone zone = {})
      : file_(std::move(file)), skip_(skip_records), sink_(sink), zone_(std::move(zone)) {}

  const std::string& file() const { return file_; }
  // The zone of the file's dates that carry none.
  const LocalZone& zone() const { return zone_; }
  // Ordinal the next record will get.
  int64_t next_record() const { return record_; }
  // True when the next record is before skip_records: count it with Skip() and do
  // not bother building it.
  bool skipping() const { return record_ < skip_; }
  void Skip() { ++record_; }

  // Each returns false when the sink asked to stop.
  bool EmitPost(Post&& post, int64_t line);
  bool EmitReject(int64_t line, std::string field, std::string reason, std::string_view raw);

  bool cancelled() const { return cancelled_; }
  // Ok, or Cancelled when the sink stopped reading.
  Status Finish() const;

 private:
  std::string file_;
  int64_t skip_;
  RecordSink& sink_;
  LocalZone zone_;
  int64_t record_ = 0;
  bool cancelled_ = false;
};

// ---------------------------------------------------------------------------
// Readers. `name` is the file name used in messages. Each returns DataLoss when the
// input as a whole is not its format.

Status ReadMeltwater(ByteSource& src, const ReadOptions& options, Emitter& out);
Status ReadTelegram(ByteSource& src, const ReadOptions& options, Emitter& out);
Status ReadInstagram(ByteSource& src, const ReadOptions& options, Emitter& out);
Status ReadJsonl(ByteSource& src, const ReadOptions& options, Emitter& out);
Status ReadCsv(ByteSource& src, const ReadOptions& options, Emitter& out);

// Reads `src` as options.format; what ReadFile does after opening the file. Never
// throws. `name` is used in messages and in Reject.file.
Status ReadSource(ByteSource& src, const std::string& name, const ReadOptions& options,
                  RecordSink& sink);

// Guesses the format from the first bytes of a file (up to 64 KiB) and its name.
Result<Format> DetectFromPrefix(std::string_view head, const std::string& name);

// What each reader expects, for DataLoss messages.
const char* ExpectedDescription(Format format);

// ---------------------------------------------------------------------------
// Line-oriented input for NDJSON / JSONL. Lines are returned without the line end
// ('\n', and a '\r' before it); a UTF-8 BOM at the start is dropped. Every returned
// line is followed by at least kPadding readable bytes (for simdjson).

class LineReader {
 public:
  static constexpr size_t kPadding = 64;
  explicit LineReader(ByteSource& src);
  // False at end of input or on error (see status()).
  bool Next(std::string_view* line, int64_t* line_number);
  const Status& status() const { return status_; }

 private:
  bool Fill();
  ByteSource& src_;
  std::vector<char> buf_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  bool first_ = true;
  int64_t line_ = 0;
  Status status_;
};

// ---------------------------------------------------------------------------
// CSV / TSV through libcsv, from UTF-8 (with or without BOM) or UTF-16 with BOM.

struct CsvRow {
  const std::vector<std::string>* fields;  // fields[0..count)
  size_t count = 0;
  int64_t line = 0;        // 1-based line where the record starts
  std::string_view text;   // the record as it appears in the file (UTF-8), truncated
};

class CsvRowHandler {
 public:
  virtual ~CsvRowHandler() = default;
  // First non-blank record. A non-ok status stops reading and is returned.
  virtual Status OnHeader(const CsvRow& header) = 0;
  // Each later non-blank record; false stops reading (cancelled).
  virtual bool OnRow(const CsvRow& row) = 0;
};

struct CsvInfo {
  bool utf16 = false;
  char delimiter = ',';
};

// Reads the whole source as CSV. The delimiter is detected from the header line
// (tab, semicolon or comma). Returns the handler's header status, IoError, or
// DataLoss when the bytes are not text.
Status ReadCsvRows(ByteSource& src, const std::string& name, CsvRowHandler& handler,
                   CsvInfo* info);

// ---------------------------------------------------------------------------
// Values.

// Parses a date/time in any of the forms the readers accept (docs/formats.md):
// ISO 8601 (zone optional, `zone` when absent), unix seconds or milliseconds,
// "24-Nov-2026 09:15AM", "Nov 24, 2026 [09:15 AM]", "24.11.2026 [09:15[:00]]"; the
// forms without a zone are read in `zone`. *out is UTC seconds.
bool ParseDateTime(std::string_view s, int64_t* out, const LocalZone& zone = {});
// "24-Nov-2026 09:15AM" style (also 24-hour and without time), read in `zone`.
bool ParseMeltwaterDate(std::string_view s, int64_t* out, const LocalZone& zone = {});
// "Nov 24, 2026" plus an optional separate clock "09:15 AM", read in `zone`.
bool ParseMonthDayYear(std::string_view date, std::string_view clock, int64_t* out,
                       const LocalZone& zone = {});
// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);

// Parses a count: "1234", "1,234", "1 234", "1.2K", "3M", "12.0". Empty -> 0, true.
bool ParseCount(std::string_view s, int64_t* out);

// Lower-cased platform name: "Twitter"/"X" -> "twitter", "VKontakte" -> "vk", ...
// Empty when `s` is not a known social network.
std::string KnownPlatform(std::string_view s);
// Platform guessed from a URL's host, "web" for other http(s) URLs, "" otherwise.
std::string PlatformFromUrl(std::string_view url);
// Language name or code -> ISO 639-1 code where known ("Russian" -> "ru"), else the
// trimmed input lower-cased.
std::string NormaliseLang(std::string_view s);

std::string_view Trim(std::string_view s);
std::string Lower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

bool IsValidUtf8(std::string_view s);
// Valid UTF-8 (invalid bytes become U+FFFD), cut to at most `max_bytes` on a
// character boundary.
std::string SanitiseUtf8(std::string_view s, size_t max_bytes);
// For messages: 'value' sanitised, at most 80 bytes.
std::string Quote(std::string_view s);
// Appends `s` as a JSON string literal (with quotes). `s` must be valid UTF-8.
void AppendJsonString(std::string_view s, std::string* out);

// Field names of Post that a FieldMap may name, in a fixed order.
enum class Field {
  kSourceId, kPlatform, kChannel, kAuthor, kAuthorId, kAuthorType, kPublishedAt,
  kText, kLang, kUrl, kEngagement, kPlace, kReplyTo, kCount
};
constexpr int kFieldCount = static_cast<int>(Field::kCount);
// "source_id", "platform", ...
const char* FieldName(Field f);
// Canonical field for a --map name ("id" is an alias of "source_id"); false if unknown.
bool FieldFromName(std::string_view name, Field* f);
// Default column / key names for a field, in order of preference (lower case).
const std::vector<std::string_view>& FieldSynonyms(Field f);

constexpr size_t kMaxRejectRaw = 4096;

// ---------------------------------------------------------------------------
// CSV helpers shared by the Meltwater and generic CSV readers.

// Header names, trimmed.
std::vector<std::string> HeaderNames(const CsvRow& header);
// "a", "b", ... for messages (at most ~300 bytes).
std::string ColumnList(const std::vector<std::string>& names);
// True when the header has "Date" and one of "Hit Sentence", "Opening Text",
// "Headline" (exact case when `exact_case`).
bool IsMeltwaterHeader(const std::vector<std::string>& names, bool exact_case);
// The header names as JSON strings (sanitised to UTF-8), the keys of CsvRawJson.
std::vector<std::string> CsvRawJsonKeys(const std::vector<std::string>& names);
// {"<name>": "<value>", ...} of a row; `keys` are the names already as JSON strings.
// Fields beyond the header are keyed "column N".
std::string CsvRawJson(const std::vector<std::string>& keys, const CsvRow& row);
// The start of a CSV reader's OnRow: a row before skip_records is counted, a row
// whose column count differs from the header's (extra empty trailing fields are
// fine) or that is not UTF-8 is rejected. Returns what OnRow should return for such
// a row, nullopt when the row is to be read.
std::optional<bool> SkipOrRejectCsvRow(const CsvRow& row, const std::vector<std::string>& names,
                                       Emitter& out);

// ---------------------------------------------------------------------------
// Generic records (CSV and JSONL): field values as strings -> Post.

struct GenericValues {
  std::string_view value[kFieldCount];
  bool present[kFieldCount] = {};
  void Clear() {
    for (int i = 0; i < kFieldCount; ++i) {
      value[i] = {};
      present[i] = false;
    }
  }
  void Set(Field f, std::string_view v) {
    value[static_cast<int>(f)] = v;
    present[static_cast<int>(f)] = true;
  }
};

// Fills `post` (not raw/line/record) from `v`, reading dates without a zone in
// `zone`; on a bad value names the field and the reason and returns false.
bool BuildGenericPost(const GenericValues& v, const LocalZone& zone, Post* post,
                      std::string* field, std::string* reason);

}  // namespace tenlik::listen::reader
