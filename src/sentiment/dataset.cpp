// ReadPolarityCsv: an RFC 4180 reader for the KazSAnDRA polarity files. The
// sentiment module does not link libcsv (CMake gives it base and text only), so
// this is a small state machine: fields separated by commas, records by LF or
// CRLF; a field that starts with a quote runs to the closing quote, with "" for a
// quote and line breaks allowed inside.
#include <fstream>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "sentiment/sentiment.h"

namespace tenlik::sentiment {
namespace {

class CsvParser {
 public:
  explicit CsvParser(std::string_view data) : data_(data) {
    // A UTF-8 byte-order mark is not part of the first column's name.
    if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  // Reads the next record into `fields`. Returns false at end of input; sets
  // `error` (and returns false) when the input is malformed.
  bool Next(std::vector<std::string>* fields, std::string* error) {
    fields->clear();
    if (pos_ >= data_.size()) return false;
    record_line_ = line_;
    std::string field;
    while (true) {
      field.clear();
      if (pos_ < data_.size() && data_[pos_] == '"') {
        ++pos_;
        while (true) {
          if (pos_ >= data_.size()) {
            *error = "line " + std::to_string(record_line_) + ": quoted field is not closed";
            return false;
          }
          char c = data_[pos_++];
          if (c == '"') {
            if (pos_ < data_.size() && data_[pos_] == '"') {
              field.push_back('"');
              ++pos_;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line_;
            field.push_back(c);
          }
        }
        if (pos_ < data_.size() && data_[pos_] != ',' && data_[pos_] != '\n' && data_[pos_] != '\r') {
          *error = "line " + std::to_string(line_) + ": text after a closing quote";
          return false;
        }
      } else {
        while (pos_ < data_.size() && data_[pos_] != ',' && data_[pos_] != '\n' && data_[pos_] != '\r') {
          field.push_back(data_[pos_++]);
        }
      }
      fields->push_back(field);
      if (pos_ >= data_.size()) return true;
      char c = data_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

  size_t record_line() const { return record_line_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 1;
};

}  // namespace

Result<std::vector<Example>> ReadPolarityCsv(const std::string& path, size_t max_rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return IoError("cannot read " + path);

  CsvParser parser(data);
  std::vector<std::string> fields;
  std::string error;
  if (!parser.Next(&fields, &error)) {
    return DataLoss(path + ": " + (error.empty() ? "empty file, expected a header" : error));
  }
  int text_col = -1, label_col = -1;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == "text") text_col = static_cast<int>(i);
    if (fields[i] == "label") label_col = static_cast<int>(i);
  }
  if (text_col < 0 || label_col < 0) {
    return DataLoss(path + ": the header must name the columns `text` and `label`");
  }
  const size_t width = fields.size();
  std::vector<Example> examples;
  while (max_rows == 0 || examples.size() < max_rows) {
    if (!parser.Next(&fields, &error)) {
      if (!error.empty()) return DataLoss(path + ": " + error);
      break;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != width) {
      return DataLoss(path + ": line " + std::to_string(parser.record_line()) + ": " +
                      std::to_string(fields.size()) + " fields, the header has " +
                      std::to_string(width));
    }
    const std::string& label = fields[static_cast<size_t>(label_col)];
    if (label != "0" && label != "1") {
      return DataLoss(path + ": line " + std::to_string(parser.record_line()) +
                      ": label must be 0 or 1, found \"" + label.substr(0, 20) + "\"");
    }
    examples.push_back({std::move(fields[static_cast<size_t>(text_col)]), label == "1" ? 1 : 0});
  }
  return examples;
}

}  // namespace tenlik::sentiment
