// Line-by-line JSON for the JSONL and Instagram readers; DOM helpers.
#include "listen/reader_ndjson.h"

#include <charconv>
#include <cmath>
#include <string>

namespace tenlik::listen::reader {

static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);

Status ReadNdjson(ByteSource& src, Format format, Emitter& out, NdjsonHandler& handler) {
  LineReader lines(src);
  simdjson::dom::parser parser;
  std::string_view line;
  int64_t number = 0;
  bool first = true;
  while (lines.Next(&line, &number)) {
    std::string_view json = Trim(line);
    if (json.empty()) continue;
    if (first) {
      first = false;
      simdjson::dom::element root;
      simdjson::dom::object o;
      auto error = parser.parse(json.data(), json.size(), false).get(root);
      if (!error) error = root.get_object().get(o);
      if (error) {
        return DataLoss(out.file() + ": line " + std::to_string(number) +
                        " is not a JSON object (" + simdjson::error_message(error) +
                        "); expected " + ExpectedDescription(format));
      }
      TENLIK_RETURN_IF_ERROR(handler.OnFirst(o));
      if (out.skipping()) {
        out.Skip();
        continue;
      }
      if (!handler.OnRecord(root, o, line, number)) break;
      continue;
    }
    if (out.skipping()) {
      out.Skip();
      continue;
    }
    simdjson::dom::element e;
    auto error = parser.parse(json.data(), json.size(), false).get(e);
    if (error) {
      if (!out.EmitReject(number, "", std::string("not valid JSON: ") + simdjson::error_message(error),
                          line)) {
        break;
      }
      continue;
    }
    simdjson::dom::object o;
    if (e.get_object().get(o)) {
      if (!out.EmitReject(number, "", "expected a JSON object", line)) break;
      continue;
    }
    if (!handler.OnRecord(e, o, line, number)) break;
  }
  TENLIK_RETURN_IF_ERROR(lines.status());
  return out.Finish();
}

bool GetString(simdjson::dom::object o, std::string_view key, std::string_view* out) {
  return !o[key].get_string().get(*out);
}

bool GetInt(simdjson::dom::object o, std::string_view key, int64_t* out) {
  simdjson::dom::element e;
  if (o[key].get(e)) return false;
  switch (e.type()) {
    case simdjson::dom::element_type::INT64:
      *out = e.get_int64().value_unsafe();
      return true;
    case simdjson::dom::element_type::UINT64: {
      uint64_t u = e.get_uint64().value_unsafe();
      if (u > static_cast<uint64_t>(INT64_MAX)) return false;
      *out = static_cast<int64_t>(u);
      return true;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double d = e.get_double().value_unsafe();
      if (!(d > -9.2e18 && d < 9.2e18)) return false;
      *out = static_cast<int64_t>(std::floor(d));
      return true;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view s = Trim(e.get_string().value_unsafe());
      if (s.empty()) return false;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
      return ec == std::errc() && p == s.data() + s.size();
    }
    default:
      return false;
  }
}

bool GetObject(simdjson::dom::object o, std::string_view key, simdjson::dom::object* out) {
  return !o[key].get_object().get(*out);
}

bool ScalarText(simdjson::dom::element e, std::string* scratch, std::string_view* out) {
  char buf[64];
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      *out = e.get_string().value_unsafe();
      return true;
    case simdjson::dom::element_type::INT64: {
      auto r = std::to_chars(buf, buf + sizeof buf, e.get_int64().value_unsafe());
      scratch->assign(buf, r.ptr);
      break;
    }
    case simdjson::dom::element_type::UINT64: {
      auto r = std::to_chars(buf, buf + sizeof buf, e.get_uint64().value_unsafe());
      scratch->assign(buf, r.ptr);
      break;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double d = e.get_double().value_unsafe();
      std::to_chars_result r;
      if (d == std::floor(d) && d > -9e15 && d < 9e15) {
        r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(d));
      } else {
        r = std::to_chars(buf, buf + sizeof buf, d);
      }
      scratch->assign(buf, r.ptr);
      break;
    }
    case simdjson::dom::element_type::BOOL:
      *scratch = e.get_bool().value_unsafe() ? "true" : "false";
      break;
    default:
      return false;
  }
  *out = *scratch;
  return true;
}

}  // namespace tenlik::listen::reader
