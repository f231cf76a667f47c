// ReadFile and DetectFormat (listen.h): dispatch to the export readers.
#include <exception>
#include <new>
#include <string>

#include "listen/reader.h"
#include "listen/reader_ndjson.h"

namespace tenlik::listen {
namespace reader {
namespace {

class HeaderOnly : public CsvRowHandler {
 public:
  Status OnHeader(const CsvRow& header) override {
    names = HeaderNames(header);
    return Cancelled("header read");  // stop after the header
  }
  bool OnRow(const CsvRow&) override { return false; }
  std::vector<std::string> names;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace

Result<Format> DetectFromPrefix(std::string_view head, const std::string& name) {
  if (head.empty()) return InvalidArgument(name + ": the file is empty");
  const unsigned char b0 = static_cast<unsigned char>(head[0]);
  bool utf16 = head.size() >= 2 && ((b0 == 0xFF && static_cast<unsigned char>(head[1]) == 0xFE) ||
                                    (b0 == 0xFE && static_cast<unsigned char>(head[1]) == 0xFF));
  if (!utf16) {
    std::string_view text = head;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string_view trimmed = Trim(text);
    if (!trimmed.empty() && trimmed[0] == '{') {
      std::string_view first_line = text.substr(0, text.find('\n'));
      std::string_view json = Trim(first_line);
      simdjson::dom::parser parser;
      simdjson::padded_string padded(json);
      simdjson::dom::object o;
      bool complete = text.find('\n') != std::string_view::npos || head.size() < 65536;
      if (complete && !parser.parse(padded).get_object().get(o)) {
        std::string_view platform;
        if (!o["messages"].error() || !o["chats"].error()) return Format::kTelegramJson;
        if (GetString(o, "source_platform", &platform)) {
          if (Lower(platform).find("instagram") != std::string::npos) return Format::kInstagramNdjson;
          return Format::kJsonl;
        }
        simdjson::dom::object data;
        if ((GetObject(o, "data", &data) && !data["taken_at"].error() && !data["code"].error()) ||
            (!o["taken_at"].error() && !o["code"].error() && !o["caption"].error())) {
          return Format::kInstagramNdjson;
        }
        return Format::kJsonl;
      }
      // A JSON document spread over lines (or a very long first line).
      if (trimmed.find("\"messages\"") != std::string_view::npos ||
          trimmed.find("\"chats\"") != std::string_view::npos || EndsWith(name, ".json")) {
        return Format::kTelegramJson;
      }
      return InvalidArgument(name + ": a JSON document that is neither " +
                             ExpectedDescription(Format::kTelegramJson) + " nor " +
                             ExpectedDescription(Format::kJsonl));
    }
    if (!trimmed.empty() && trimmed[0] == '[') {
      return InvalidArgument(name + ": a JSON array; expected " +
                             ExpectedDescription(Format::kJsonl) + " or " +
                             ExpectedDescription(Format::kTelegramJson));
    }
  }
  MemorySource src(head);
  HeaderOnly header;
  CsvInfo info;
  Status s = ReadCsvRows(src, name, header, &info);
  if (!s.ok() && s.code() != StatusCode::kCancelled) {
    return InvalidArgument(name + ": not a known export format: " + s.message());
  }
  if (header.names.empty()) return InvalidArgument(name + ": the file has no header line");
  if (IsMeltwaterHeader(header.names, /*exact_case=*/true)) return Format::kMeltwaterCsv;
  return Format::kCsv;
}

Status ReadSource(ByteSource& src, const std::string& name, const ReadOptions& options,
                  RecordSink& sink) {
  try {
    Result<LocalZone> zone = LocalZone::Parse(options.timezone);
    if (!zone.ok()) return zone.status();
    Emitter out(name, options.skip_records, sink, std::move(zone).value());
    switch (options.format) {
      case Format::kMeltwaterCsv: return ReadMeltwater(src, options, out);
      case Format::kTelegramJson: return ReadTelegram(src, options, out);
      case Format::kInstagramNdjson: return ReadInstagram(src, options, out);
      case Format::kJsonl: return ReadJsonl(src, options, out);
      case Format::kCsv: return ReadCsv(src, options, out);
    }
    return InvalidArgument(name + ": unknown format");
  } catch (const std::bad_alloc&) {
    return Internal(name + ": out of memory while reading");
  } catch (const std::exception& e) {
    return Internal(name + ": unexpected error while reading: " + e.what());
  } catch (...) {
    return Internal(name + ": unexpected error while reading");
  }
}

}  // namespace reader

Status ReadFile(const std::string& path, const ReadOptions& options, RecordSink& sink) {
  try {
    Result<std::unique_ptr<reader::FileSource>> file = reader::FileSource::Open(path);
    if (!file.ok()) return file.status();
    return reader::ReadSource(**file, path, options, sink);
  } catch (...) {
    return Internal(path + ": unexpected error while reading");
  }
}

Result<Format> DetectFormat(const std::string& path) {
  try {
    Result<std::unique_ptr<reader::FileSource>> file = reader::FileSource::Open(path);
    if (!file.ok()) return file.status();
    std::string head(65536, '\0');
    size_t len = 0;
    while (len < head.size()) {
      Result<size_t> k = (*file)->Read(head.data() + len, head.size() - len);
      if (!k.ok()) return k.status();
      if (*k == 0) break;
      len += *k;
    }
    head.resize(len);
    return reader::DetectFromPrefix(head, path);
  } catch (...) {
    return Internal(path + ": unexpected error while detecting the format");
  }
}

}  // namespace tenlik::listen
