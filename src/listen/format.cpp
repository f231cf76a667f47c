// Names of formats and author types (listen.h).
#include <string>

#include "listen/listen.h"
#include "listen/reader.h"

namespace tenlik::listen {

const char* AuthorTypeName(AuthorType type) {
  switch (type) {
    case AuthorType::kPerson: return "person";
    case AuthorType::kOrganisation: return "organisation";
    case AuthorType::kMedia: return "media";
  }
  return "person";
}

Result<AuthorType> ParseAuthorType(std::string_view name) {
  std::string n = reader::Lower(reader::Trim(name));
  if (n == "person") return AuthorType::kPerson;
  if (n == "organisation" || n == "organization" || n == "org") return AuthorType::kOrganisation;
  if (n == "media") return AuthorType::kMedia;
  return InvalidArgument("unknown author type '" + reader::SanitiseUtf8(name, 80) +
                         "': expected person, organisation or media");
}

const char* FormatName(Format format) {
  switch (format) {
    case Format::kMeltwaterCsv: return "meltwater";
    case Format::kTelegramJson: return "telegram";
    case Format::kInstagramNdjson: return "instagram";
    case Format::kJsonl: return "jsonl";
    case Format::kCsv: return "csv";
  }
  return "jsonl";
}

Result<Format> ParseFormat(std::string_view name) {
  std::string n = reader::Lower(reader::Trim(name));
  if (n == "meltwater") return Format::kMeltwaterCsv;
  if (n == "telegram") return Format::kTelegramJson;
  if (n == "instagram" || n == "zeeschuimer") return Format::kInstagramNdjson;
  if (n == "jsonl" || n == "ndjson") return Format::kJsonl;
  if (n == "csv" || n == "tsv") return Format::kCsv;
  return InvalidArgument("unknown format '" + reader::SanitiseUtf8(name, 80) +
                         "': expected meltwater, telegram, instagram, jsonl or csv");
}

namespace reader {

const char* ExpectedDescription(Format format) {
  switch (format) {
    case Format::kMeltwaterCsv:
      return "a Meltwater export (CSV or tab-separated UTF-16 with columns \"Date\" and "
             "\"Hit Sentence\", \"Opening Text\" or \"Headline\")";
    case Format::kTelegramJson:
      return "a Telegram Desktop export (result.json with a \"messages\" array)";
    case Format::kInstagramNdjson:
      return "a Zeeschuimer Instagram export (NDJSON, one {\"source_platform\": "
             "\"instagram.com\", \"data\": {...}} object per line)";
    case Format::kJsonl:
      return "JSON Lines (one JSON object per line)";
    case Format::kCsv:
      return "a CSV file with a header line";
  }
  return "";
}

}  // namespace reader
}  // namespace tenlik::listen
