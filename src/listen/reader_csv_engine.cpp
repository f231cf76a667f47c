// CSV / TSV input for the Meltwater and generic CSV readers: decoding (UTF-8 with or
// without BOM, UTF-16 LE/BE with BOM) in chunks, delimiter detection, libcsv
// parsing, and the line where each record starts.
#include <csv.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "listen/reader.h"

namespace tenlik::listen::reader {
namespace {

// Yields the input as UTF-8 in chunks.
class Utf8Stream {
 public:
  explicit Utf8Stream(ByteSource& src) : src_(src), raw_(BufferSizeFor(src)) {}
  ~Utf8Stream() {
    if (from_) ucnv_close(from_);
    if (to_) ucnv_close(to_);
  }

  // Reads the first bytes and detects the encoding.
  Status Init(const std::string& name, CsvInfo* info) {
    while (raw_len_ < 4) {
      Result<size_t> k = src_.Read(raw_.data() + raw_len_, raw_.size() - raw_len_);
      if (!k.ok()) return k.status();
      if (*k == 0) {
        eof_ = true;
        break;
      }
      raw_len_ += *k;
    }
    const unsigned char* b = reinterpret_cast<const unsigned char*>(raw_.data());
    const char* charset = nullptr;
    if (raw_len_ >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
      charset = "UTF-16LE";
      raw_pos_ = 2;
    } else if (raw_len_ >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
      charset = "UTF-16BE";
      raw_pos_ = 2;
    } else if (raw_len_ >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
      charset = "UTF-16LE";  // no BOM, but plainly UTF-16LE text
    } else if (raw_len_ >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
      raw_pos_ = 3;
    }
    if (charset != nullptr) {
      UErrorCode err = U_ZERO_ERROR;
      from_ = ucnv_open(charset, &err);
      if (U_SUCCESS(err)) to_ = ucnv_open("UTF-8", &err);
      if (U_FAILURE(err)) return Internal(std::string("ICU cannot open converter: ") + u_errorName(err));
      out_.resize(raw_.size() * 2);
      pivot_source_ = pivot_target_ = pivot_;
      info->utf16 = true;
    }
    (void)name;
    return Status::Ok();
  }

  // Next chunk of UTF-8; empty at the end.
  Status Next(std::string_view* chunk) {
    *chunk = {};
    if (from_ == nullptr) {
      if (raw_pos_ < raw_len_) {
        *chunk = std::string_view(raw_.data() + raw_pos_, raw_len_ - raw_pos_);
        raw_pos_ = raw_len_;
        return Status::Ok();
      }
      if (eof_) return Status::Ok();
      Result<size_t> k = src_.Read(raw_.data(), raw_.size());
      if (!k.ok()) return k.status();
      raw_pos_ = raw_len_ = *k;
      if (*k == 0) eof_ = true;
      *chunk = std::string_view(raw_.data(), *k);
      return Status::Ok();
    }
    for (;;) {
      if (raw_pos_ == raw_len_ && !eof_) {
        Result<size_t> k = src_.Read(raw_.data(), raw_.size());
        if (!k.ok()) return k.status();
        raw_pos_ = 0;
        raw_len_ = *k;
        if (*k == 0) eof_ = true;
      }
      if (done_) return Status::Ok();
      char* target = out_.data();
      const char* source = raw_.data() + raw_pos_;
      UErrorCode err = U_ZERO_ERROR;
      ucnv_convertEx(to_, from_, &target, out_.data() + out_.size(), &source,
                     raw_.data() + raw_len_, pivot_, &pivot_source_, &pivot_target_,
                     pivot_ + kPivot, first_, eof_, &err);
      first_ = false;
      raw_pos_ = static_cast<size_t>(source - raw_.data());
      if (err == U_BUFFER_OVERFLOW_ERROR) {
        // target full: hand it out, continue next time
      } else if (U_FAILURE(err)) {
        done_ = true;  // truncated character at the end: drop it
      } else if (eof_) {
        done_ = true;
      }
      size_t n = static_cast<size_t>(target - out_.data());
      if (n > 0) {
        *chunk = std::string_view(out_.data(), n);
        return Status::Ok();
      }
      if (done_) return Status::Ok();
    }
  }

 private:
  static constexpr size_t kPivot = 4096;
  ByteSource& src_;
  std::vector<char> raw_;
  size_t raw_pos_ = 0, raw_len_ = 0;
  bool eof_ = false, done_ = false, first_ = true;
  UConverter* from_ = nullptr;
  UConverter* to_ = nullptr;
  std::vector<char> out_;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
};

char DetectDelimiter(std::string_view first_line) {
  size_t commas = 0, semis = 0, tabs = 0;
  bool quoted = false;
  for (char c : first_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++commas;
    else if (c == ';') ++semis;
    else if (c == '\t') ++tabs;
  }
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

int IsSpace(unsigned char c) { return c == ' '; }
int IsTerm(unsigned char c) { return c == '\n' || c == '\r'; }

struct State {
  CsvRowHandler* handler = nullptr;
  std::vector<std::string> fields;
  size_t count = 0;
  std::string text;  // the record's text, cut at kMaxRejectRaw + a little
  int64_t record_line = 1;
  bool header_done = false;
  Status header_status;
  bool stop = false;
};

void OnField(void* s, size_t len, void* data) {
  State* st = static_cast<State*>(data);
  if (st->count == st->fields.size()) st->fields.emplace_back();
  st->fields[st->count++].assign(static_cast<const char*>(s), len);
}

void OnRowEnd(int, void* data) {
  State* st = static_cast<State*>(data);
  size_t count = st->count;
  st->count = 0;
  if (st->stop) return;
  bool blank = true;
  for (size_t i = 0; i < count && blank; ++i) blank = st->fields[i].empty();
  if (blank) return;
  CsvRow row;
  row.fields = &st->fields;
  row.count = count;
  row.line = st->record_line;
  std::string_view text = st->text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  row.text = text;
  if (!st->header_done) {
    st->header_done = true;
    st->header_status = st->handler->OnHeader(row);
    if (!st->header_status.ok()) st->stop = true;
  } else if (!st->handler->OnRow(row)) {
    st->stop = true;
  }
}

}  // namespace

Status ReadCsvRows(ByteSource& src, const std::string& name, CsvRowHandler& handler,
                   CsvInfo* info) {
  Utf8Stream in(src);
  TENLIK_RETURN_IF_ERROR(in.Init(name, info));

  csv_parser parser;
  if (csv_init(&parser, 0) != 0) return Internal("libcsv: cannot initialise");
  struct Free {
    csv_parser* p;
    ~Free() { csv_free(p); }
  } free_parser{&parser};
  csv_set_space_func(&parser, IsSpace);
  csv_set_term_func(&parser, IsTerm);

  State st;
  st.handler = &handler;
  int64_t line = 1;
  bool at_line_start = true;
  bool first_chunk = true;
  const size_t text_cap = kMaxRejectRaw + 8;

  for (;;) {
    std::string_view chunk;
    TENLIK_RETURN_IF_ERROR(in.Next(&chunk));
    if (chunk.empty()) break;
    if (first_chunk) {
      first_chunk = false;
      std::string_view head = chunk.substr(0, std::min<size_t>(chunk.size(), 65536));
      if (!info->utf16 && head.find('\0') != std::string_view::npos) {
        return DataLoss(name + ": contains NUL bytes; expected text (UTF-8 or UTF-16 with BOM)");
      }
      info->delimiter = DetectDelimiter(head.substr(0, head.find('\n')));
      csv_set_delim(&parser, static_cast<unsigned char>(info->delimiter));
    }
    size_t pos = 0;
    while (pos < chunk.size()) {
      const void* nl = std::memchr(chunk.data() + pos, '\n', chunk.size() - pos);
      size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - chunk.data()) + 1
                      : chunk.size();
      std::string_view piece = chunk.substr(pos, end - pos);
      if (at_line_start && parser.pstate == 0) {  // 0: libcsv's ROW_NOT_BEGUN
        st.record_line = line;
        st.text.clear();
      }
      if (st.text.size() < text_cap) {
        st.text.append(piece.substr(0, text_cap - st.text.size()));
      }
      if (csv_parse(&parser, piece.data(), piece.size(), OnField, OnRowEnd, &st) != piece.size()) {
        return DataLoss(name + ": CSV parser failed: " + csv_strerror(csv_error(&parser)));
      }
      if (st.stop) return st.header_status;
      at_line_start = nl != nullptr;
      if (nl) ++line;
      pos = end;
    }
  }
  csv_fini(&parser, OnField, OnRowEnd, &st);
  if (st.stop) return st.header_status;
  if (!st.header_done) {
    // Empty file: the handler sees an empty header.
    CsvRow row;
    row.fields = &st.fields;
    row.count = 0;
    row.line = 1;
    return handler.OnHeader(row);
  }
  return Status::Ok();
}

std::vector<std::string> HeaderNames(const CsvRow& header) {
  std::vector<std::string> names;
  names.reserve(header.count);
  for (size_t i = 0; i < header.count; ++i) names.emplace_back(Trim((*header.fields)[i]));
  return names;
}

std::string ColumnList(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    if (out.size() > 300) {
      out += "...";
      break;
    }
    out += "\"" + SanitiseUtf8(n, 60) + "\"";
  }
  return out.empty() ? "(none)" : out;
}

bool IsMeltwaterHeader(const std::vector<std::string>& names, bool exact_case) {
  auto has = [&](std::string_view col) {
    for (const std::string& n : names) {
      if (exact_case ? n == col : EqualsIgnoreCase(n, col)) return true;
    }
    return false;
  };
  return has("Date") && (has("Hit Sentence") || has("Opening Text") || has("Headline"));
}

std::vector<std::string> CsvRawJsonKeys(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  keys.reserve(names.size());
  for (const std::string& n : names) {
    std::string k;
    AppendJsonString(SanitiseUtf8(n, 1 << 16), &k);
    keys.push_back(std::move(k));
  }
  return keys;
}

std::string CsvRawJson(const std::vector<std::string>& keys, const CsvRow& row) {
  size_t n = 2;
  for (size_t i = 0; i < row.count; ++i) n += (*row.fields)[i].size() + 8;
  for (const std::string& k : keys) n += k.size();
  std::string out;
  out.reserve(n + n / 8);
  out.push_back('{');
  for (size_t i = 0; i < row.count; ++i) {
    if (i > 0) out.push_back(',');
    if (i < keys.size()) {
      out += keys[i];
    } else {
      out += "\"column " + std::to_string(i + 1) + "\"";
    }
    out.push_back(':');
    AppendJsonString((*row.fields)[i], &out);
  }
  out.push_back('}');
  return out;
}

namespace {

// Fills field/reason and returns false when the row does not fit the header.
bool CheckCsvRow(const CsvRow& row, const std::vector<std::string>& names, std::string* field,
                 std::string* reason) {
  if (row.count != names.size()) {
    bool ok = row.count > names.size();
    for (size_t i = names.size(); ok && i < row.count; ++i) ok = (*row.fields)[i].empty();
    if (!ok) {
      field->clear();
      *reason = "expected " + std::to_string(names.size()) + " columns as in the header, got " +
                std::to_string(row.count);
      return false;
    }
  }
  for (size_t i = 0; i < row.count; ++i) {
    if (!IsValidUtf8((*row.fields)[i])) {
      field->clear();
      *reason = "column " +
                (i < names.size() ? "\"" + SanitiseUtf8(names[i], 80) + "\"" : std::to_string(i + 1)) +
                " is not valid UTF-8 (save the file as UTF-8 or UTF-16)";
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<bool> SkipOrRejectCsvRow(const CsvRow& row, const std::vector<std::string>& names,
                                       Emitter& out) {
  if (out.skipping()) {
    out.Skip();
    return true;
  }
  std::string field, reason;
  if (!CheckCsvRow(row, names, &field, &reason)) {
    return out.EmitReject(row.line, std::move(field), std::move(reason), row.text);
  }
  return std::nullopt;
}

}  // namespace tenlik::listen::reader
