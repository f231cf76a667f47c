// Internal to src/listen: line-by-line JSON (NDJSON / JSONL) for the JSONL and
// Instagram readers, and DOM value helpers shared with the Telegram reader.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "listen/reader.h"

namespace tenlik::listen::reader {

class NdjsonHandler {
 public:
  virtual ~NdjsonHandler() = default;
  // The first non-blank line, parsed; a non-ok status (DataLoss) stops reading.
  virtual Status OnFirst(simdjson::dom::object first) = 0;
  // Each non-blank line that is a JSON object (the first included), unless it is
  // skipped (skip_records). False stops reading (cancelled).
  virtual bool OnRecord(simdjson::dom::element root, simdjson::dom::object record,
                        std::string_view line, int64_t line_number) = 0;
};

// Reads one JSON object per line. A first line that is not a JSON object is DataLoss
// (the file is not NDJSON); later broken lines are Rejects.
Status ReadNdjson(ByteSource& src, Format format, Emitter& out, NdjsonHandler& handler);

// DOM helpers. Each returns false when the key is missing, null or of another type.
bool GetString(simdjson::dom::object o, std::string_view key, std::string_view* out);
// Integer from an integer, a double (truncated) or a string of digits.
bool GetInt(simdjson::dom::object o, std::string_view key, int64_t* out);
bool GetObject(simdjson::dom::object o, std::string_view key, simdjson::dom::object* out);
// Scalar as text: strings as they are, numbers written into `scratch` (integers as
// integers, doubles that hold an integer likewise), true/false. False for null,
// objects and arrays.
bool ScalarText(simdjson::dom::element e, std::string* scratch, std::string_view* out);

}  // namespace tenlik::listen::reader
