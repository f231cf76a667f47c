// Generic CSV reader (Format::kCsv); see docs/formats.md "Generic CSV".
#include <string>
#include <vector>

#include "listen/reader.h"

namespace tenlik::listen::reader {
namespace {

// Header name as compared with the default names: lower case, spaces and '-' as '_'.
std::string NormaliseColumn(std::string_view name) {
  std::string n = Lower(Trim(name));
  for (char& c : n) {
    if (c == ' ' || c == '-') c = '_';
  }
  return n;
}

class CsvHandler : public CsvRowHandler {
 public:
  CsvHandler(const ReadOptions& options, Emitter& out) : options_(options), out_(out) {
    for (int i = 0; i < kFieldCount; ++i) column_[i] = -1;
  }

  Status OnHeader(const CsvRow& header) override {
    names_ = HeaderNames(header);
    if (names_.empty()) return Status::Ok();  // empty file: no records
    const std::string& file = out_.file();
    std::string_view first = names_[0];
    if (!first.empty() && (first[0] == '{' || first[0] == '[')) {
      return DataLoss(file + ": looks like JSON, not " + ExpectedDescription(Format::kCsv) +
                      " (use --format jsonl or telegram)");
    }
    std::vector<std::string> normalised;
    for (const std::string& n : names_) normalised.push_back(NormaliseColumn(n));
    for (int f = 0; f < kFieldCount; ++f) {
      const char* fname = FieldName(static_cast<Field>(f));
      auto mapped = options_.map.find(fname);
      if (mapped != options_.map.end()) {
        column_[f] = Find(mapped->second);
        if (column_[f] < 0) {
          return DataLoss(file + ": --map " + fname + "=" + SanitiseUtf8(mapped->second, 80) +
                          ": no such column; the header has " + ColumnList(names_));
        }
        continue;
      }
      for (std::string_view syn : FieldSynonyms(static_cast<Field>(f))) {
        for (size_t i = 0; i < normalised.size() && column_[f] < 0; ++i) {
          if (normalised[i] == syn) column_[f] = static_cast<int>(i);
        }
        if (column_[f] >= 0) break;
      }
    }
    for (Field f : {Field::kText, Field::kPublishedAt}) {
      if (column_[static_cast<int>(f)] < 0) {
        std::string names;
        for (std::string_view syn : FieldSynonyms(f)) names += (names.empty() ? "" : ", ") + std::string(syn);
        return DataLoss(file + ": not " + ExpectedDescription(Format::kCsv) + " with a " +
                        FieldName(f) + " column: expected a column named " + names +
                        " or --map " + FieldName(f) + "=Column; the header has " +
                        ColumnList(names_));
      }
    }
    keys_ = CsvRawJsonKeys(names_);
    return Status::Ok();
  }

  bool OnRow(const CsvRow& row) override {
    if (std::optional<bool> done = SkipOrRejectCsvRow(row, names_, out_)) return *done;
    std::string field, reason;
    values_.Clear();
    for (int f = 0; f < kFieldCount; ++f) {
      int c = column_[f];
      if (c >= 0 && static_cast<size_t>(c) < row.count) {
        values_.Set(static_cast<Field>(f), (*row.fields)[static_cast<size_t>(c)]);
      }
    }
    Post post;
    if (!BuildGenericPost(values_, out_.zone(), &post, &field, &reason)) {
      return out_.EmitReject(row.line, std::move(field), std::move(reason), row.text);
    }
    post.raw = CsvRawJson(keys_, row);
    return out_.EmitPost(std::move(post), row.line);
  }

 private:
  int Find(const std::string& column) const {
    std::string_view want = Trim(column);
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == want) return static_cast<int>(i);
    }
    for (size_t i = 0; i < names_.size(); ++i) {
      if (EqualsIgnoreCase(names_[i], want)) return static_cast<int>(i);
    }
    return -1;
  }

  const ReadOptions& options_;
  Emitter& out_;
  std::vector<std::string> names_;
  std::vector<std::string> keys_;
  int column_[kFieldCount];
  GenericValues values_;
};

}  // namespace

Status ReadCsv(ByteSource& src, const ReadOptions& options, Emitter& out) {
  CsvHandler handler(options, out);
  CsvInfo info;
  TENLIK_RETURN_IF_ERROR(ReadCsvRows(src, out.file(), handler, &info));
  return out.Finish();
}

}  // namespace tenlik::listen::reader
