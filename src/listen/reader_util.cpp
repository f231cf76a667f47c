// Shared machinery of the export readers: byte sources, record delivery, lines,
// dates, numbers, UTF-8 and JSON string helpers.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include <simdjson.h>

#include "listen/reader.h"

namespace tenlik::listen::reader {

// ---------------------------------------------------------------------------
// Byte sources

Result<size_t> MemorySource::Read(char* buf, size_t n) {
  size_t k = std::min(n, data_.size() - pos_);
  if (k > 0) std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<FileSource>> FileSource::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT || e == ENOTDIR) return NotFound("no such file: " + path);
    return IoError("cannot open " + path + ": " + std::strerror(e));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return IoError("cannot read " + path + ": it is a directory or cannot be examined");
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::unique_ptr<FileSource>(new FileSource(path, fd, st.st_size));
}

Result<size_t> FileSource::Read(char* buf, size_t n) {
  for (;;) {
    ssize_t k = ::read(fd_, buf, n);
    if (k >= 0) return static_cast<size_t>(k);
    if (errno == EINTR) continue;
    return IoError("cannot read " + path_ + ": " + std::strerror(errno));
  }
}

size_t BufferSizeFor(const ByteSource& src) {
  int64_t n = src.size();
  if (n < 0 || n >= (1 << 20)) return 1 << 20;
  return std::max<size_t>(static_cast<size_t>(n) + 1, 4096);
}

Status ReadAll(ByteSource& src, std::string* out) {
  out->clear();
  size_t len = 0;
  out->resize(src.size() >= 0 ? static_cast<size_t>(src.size()) + (1 << 16) : (1 << 20));
  for (;;) {
    if (out->size() - len < (1 << 16)) out->resize(out->size() * 2);
    Result<size_t> k = src.Read(out->data() + len, out->size() - len);
    if (!k.ok()) return k.status();
    if (*k == 0) break;
    len += *k;
  }
  out->reserve(len + simdjson::SIMDJSON_PADDING);
  out->resize(len);
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Emitter

bool Emitter::EmitPost(Post&& post, int64_t line) {
  post.line = line;
  post.record = record_++;
  if (cancelled_) return false;
  if (!sink_.OnPost(std::move(post))) cancelled_ = true;
  return !cancelled_;
}

bool Emitter::EmitReject(int64_t line, std::string field, std::string reason,
                         std::string_view raw) {
  Reject r;
  r.file = file_;
  r.line = line;
  r.record = record_++;
  r.field = std::move(field);
  r.reason = std::move(reason);
  r.raw = SanitiseUtf8(raw, kMaxRejectRaw);
  if (cancelled_) return false;
  if (!sink_.OnReject(std::move(r))) cancelled_ = true;
  return !cancelled_;
}

Status Emitter::Finish() const {
  if (cancelled_) {
    return Cancelled(file_ + ": stopped on request after " + std::to_string(record_) +
                     " records");
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// LineReader

LineReader::LineReader(ByteSource& src) : src_(src), buf_(BufferSizeFor(src) + kPadding) {}

bool LineReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  size_t cap = buf_.size() - kPadding;
  if (end_ == cap) {
    buf_.resize(cap * 2 + kPadding);
    cap = buf_.size() - kPadding;
  }
  Result<size_t> k = src_.Read(buf_.data() + end_, cap - end_);
  if (!k.ok()) {
    status_ = k.status();
    return false;
  }
  if (*k == 0) {
    eof_ = true;
  } else {
    end_ += *k;
  }
  if (first_ && (end_ >= 3 || eof_)) {
    first_ = false;
    if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  }
  return true;
}

bool LineReader::Next(std::string_view* line, int64_t* line_number) {
  size_t scan = begin_;
  for (;;) {
    if (!first_) {
      const char* start = buf_.data() + begin_;
      const void* nl = std::memchr(buf_.data() + scan, '\n', end_ - scan);
      if (nl != nullptr || (eof_ && end_ > begin_)) {
        size_t stop = nl ? static_cast<const char*>(nl) - buf_.data() : end_;
        size_t len = stop - begin_;
        begin_ = nl ? stop + 1 : end_;
        if (len > 0 && start[len - 1] == '\r') --len;
        *line = std::string_view(start, len);
        *line_number = ++line_;
        return true;
      }
      if (eof_) return false;
      scan = end_;
    } else if (eof_) {
      return false;
    }
    size_t offset = scan - begin_;
    if (!Fill()) return false;
    scan = begin_ + std::min(offset, end_ - begin_);
  }
}

// ---------------------------------------------------------------------------
// Strings

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

namespace {
// Length of the valid UTF-8 sequence at s[i], or 0.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n;
  unsigned min;
  unsigned cp;
  if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}
}  // namespace

std::string SanitiseUtf8(std::string_view s, size_t max_bytes) {
  std::string out;
  if (s.size() <= max_bytes && IsValidUtf8(s)) return std::string(s);
  out.reserve(std::min(s.size(), max_bytes));
  size_t i = 0;
  while (i < s.size()) {
    size_t n = Utf8SeqLen(s, i);
    std::string_view piece = n ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD", 3);
    if (out.size() + piece.size() > max_bytes) break;
    out.append(piece);
    i += n ? n : 1;
  }
  return out;
}

std::string Quote(std::string_view s) { return "'" + SanitiseUtf8(s, 80) + "'"; }

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

// ---------------------------------------------------------------------------
// Numbers

namespace {
// s[i..i+3) are digits and s[i+3] is not.
bool ThreeDigitsThenEnd(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  for (size_t k = i; k < i + 3; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  return i + 3 == s.size() || s[i + 3] < '0' || s[i + 3] > '9';
}
}  // namespace

bool ParseCount(std::string_view s, int64_t* out) {
  s = Trim(s);
  *out = 0;
  if (s.empty() || s == "-" || s == "N/A" || s == "n/a") return true;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') { neg = true; i = 1; } else if (s[0] == '+') { i = 1; }
  double value = 0;
  bool digits = false, fraction = false;
  double scale = 0.1;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits = true;
      if (fraction) {
        value += (c - '0') * scale;
        scale /= 10;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if (c == ',' && !fraction &&
               !ThreeDigitsThenEnd(s, i + 1)) {
      fraction = true;  // decimal comma: "1,5K"
    } else if (c == ',' || c == ' ' || c == '\'' || c == '_') {
      // thousands separators ("1,234", "1 234")
      if (fraction) return false;
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;  // no-break space
    } else if (c == '.') {
      if (fraction) return false;
      fraction = true;
    } else {
      break;
    }
  }
  if (!digits) return false;
  std::string_view rest = Trim(s.substr(i));
  if (!rest.empty()) {
    if (rest.size() != 1) return false;
    char m = rest[0];
    if (m == 'k' || m == 'K') value *= 1e3;
    else if (m == 'm' || m == 'M') value *= 1e6;
    else if (m == 'b' || m == 'B') value *= 1e9;
    else return false;
  }
  if (!(value < 9.2e18)) return false;
  *out = static_cast<int64_t>(std::llround(value)) * (neg ? -1 : 1);
  return true;
}

// ---------------------------------------------------------------------------
// Dates

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

namespace {

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return i < s.size() ? s[i] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void spaces() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  // Reads between min and max digits.
  bool num(int min, int max, int* out) {
    int n = 0, v = 0;
    while (n < max && i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    if (n < min) return false;
    *out = v;
    return true;
  }
};

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool Civil(int y, int mo, int d, int h, int mi, int sec, int64_t* out) {
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) return false;
  if (h < 0 || h > 24 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return false;
  if (h == 24 && (mi != 0 || sec != 0)) return false;
  *out = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + sec;
  return true;
}

// Civil() of a wall-clock time in `zone`.
bool CivilIn(const LocalZone& zone, int y, int mo, int d, int h, int mi, int sec, int64_t* out) {
  int64_t wall_clock;
  if (!Civil(y, mo, d, h, mi, sec, &wall_clock)) return false;
  *out = zone.ToUtc(wall_clock);
  return true;
}

int MonthFromName(Cursor& c) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t b = c.i;
  while (c.i < c.s.size() &&
         ((c.s[c.i] >= 'a' && c.s[c.i] <= 'z') || (c.s[c.i] >= 'A' && c.s[c.i] <= 'Z'))) {
    ++c.i;
  }
  if (c.i - b < 3) return 0;
  std::string word = Lower(c.s.substr(b, c.i - b));
  for (int m = 0; m < 12; ++m) {
    if (word.compare(0, 3, kMonths[m]) == 0) {
      // "Sept", "June", "September" are fine; "Novx" is not.
      static const char* kFull[] = {"january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november",
                                    "december"};
      std::string_view full = kFull[m];
      if (word.size() <= full.size() && full.compare(0, word.size(), word) == 0) return m + 1;
      if (word == "sept") return 9;
      return 0;
    }
  }
  return 0;
}

// "09:15AM", "9:15 am", "21:15", "09:15:30 PM". Consumes to the end of input.
bool ParseClockAt(Cursor& c, int* h, int* mi, int* sec) {
  *sec = 0;
  if (!c.num(1, 2, h) || !c.eat(':') || !c.num(2, 2, mi)) return false;
  if (c.eat(':') && !c.num(2, 2, sec)) return false;
  c.spaces();
  char a = c.peek();
  if (a == 'A' || a == 'a' || a == 'P' || a == 'p') {
    ++c.i;
    if (!(c.eat('M') || c.eat('m'))) return false;
    if (*h < 1 || *h > 12) return false;
    if (a == 'A' || a == 'a') *h = (*h == 12) ? 0 : *h;
    else *h = (*h == 12) ? 12 : *h + 12;
  }
  c.spaces();
  return c.done();
}

// Optional zone at the cursor: Z, +05:00, +0500, +05, UTC, GMT. Sets *offset (seconds
// east) and *given (false when the text ends without a zone).
bool ParseZoneAt(Cursor& c, int* offset, bool* given) {
  *offset = 0;
  c.spaces();
  *given = !c.done();
  if (c.done()) return true;
  if (c.eat('Z') || c.eat('z')) {
    c.spaces();
    return c.done();
  }
  std::string_view rest = c.s.substr(c.i);
  if (rest.size() >= 3 && (EqualsIgnoreCase(rest.substr(0, 3), "UTC") ||
                           EqualsIgnoreCase(rest.substr(0, 3), "GMT"))) {
    c.i += 3;
    if (c.done()) return true;
  }
  char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.i;
  int hh = 0, mm = 0;
  if (!c.num(2, 2, &hh)) return false;
  if (c.eat(':')) {
    if (!c.num(2, 2, &mm)) return false;
  } else if (!c.done()) {
    if (!c.num(2, 2, &mm)) return false;
  }
  if (hh > 14 || mm > 59) return false;
  *offset = (sign == '+' ? 1 : -1) * (hh * 3600 + mm * 60);
  c.spaces();
  return c.done();
}

bool ParseIso(std::string_view s, int64_t* out, const LocalZone& zone) {
  Cursor c{s};
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!c.num(4, 4, &y) || !c.eat('-') || !c.num(2, 2, &mo) || !c.eat('-') || !c.num(2, 2, &d)) {
    return false;
  }
  if (c.peek() == 'T' || c.peek() == 't' || c.peek() == ' ') {
    ++c.i;
    c.spaces();
    if (!c.num(2, 2, &h) || !c.eat(':') || !c.num(2, 2, &mi)) return false;
    if (c.eat(':')) {
      if (!c.num(2, 2, &sec)) return false;
      if (c.eat('.') || c.eat(',')) {
        int frac;
        if (!c.num(1, 9, &frac)) return false;
        while (c.peek() >= '0' && c.peek() <= '9') ++c.i;
      }
    }
  }
  int offset;
  bool zoned;
  if (!ParseZoneAt(c, &offset, &zoned)) return false;
  int64_t t;
  if (!Civil(y, mo, d, h, mi, sec, &t)) return false;
  *out = zoned ? t - offset : zone.ToUtc(t);
  return true;
}

// "24.11.2026", "24.11.2026 09:15", "24.11.2026, 09:15:30"; also with '/' (day first).
bool ParseDayFirst(std::string_view s, int64_t* out, const LocalZone& zone) {
  Cursor c{s};
  int d, mo, y, h = 0, mi = 0, sec = 0;
  if (!c.num(1, 2, &d)) return false;
  char sep = c.peek();
  if (sep != '.' && sep != '/') return false;
  ++c.i;
  if (!c.num(1, 2, &mo) || !c.eat(sep) || !c.num(4, 4, &y)) return false;
  c.eat(',');
  c.spaces();
  if (!c.done() && !ParseClockAt(c, &h, &mi, &sec)) return false;
  return CivilIn(zone, y, mo, d, h, mi, sec, out);
}

bool ParseUnix(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  size_t i = (s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  int64_t v = 0;
  size_t digits = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && digits > 0) {  // fraction of a second: dropped
      for (size_t k = i + 1; k < s.size(); ++k) {
        if (s[k] < '0' || s[k] > '9') return false;
      }
      break;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
    ++digits;
  }
  if (s[0] == '-') v = -v;
  if (v > 100'000'000'000LL || v < -100'000'000'000LL) v /= 1000;  // milliseconds
  *out = v;
  return true;
}

}  // namespace

bool ParseMeltwaterDate(std::string_view s, int64_t* out, const LocalZone& zone) {
  Cursor c{Trim(s)};
  int d, y, h = 0, mi = 0, sec = 0;
  if (!c.num(1, 2, &d)) return false;
  if (!(c.eat('-') || c.eat(' '))) return false;
  int mo = MonthFromName(c);
  if (mo == 0) return false;
  if (!(c.eat('-') || c.eat(' '))) return false;
  if (!c.num(4, 4, &y)) return false;
  c.spaces();
  if (!c.done() && !ParseClockAt(c, &h, &mi, &sec)) return false;
  return CivilIn(zone, y, mo, d, h, mi, sec, out);
}

bool ParseMonthDayYear(std::string_view date, std::string_view clock, int64_t* out,
                       const LocalZone& zone) {
  Cursor c{Trim(date)};
  int d, y, h = 0, mi = 0, sec = 0;
  int mo = MonthFromName(c);
  if (mo == 0) return false;
  c.eat('.');
  c.spaces();
  if (!c.num(1, 2, &d)) return false;
  c.eat(',');
  c.spaces();
  if (!c.num(4, 4, &y)) return false;
  c.eat(',');
  c.spaces();
  if (!c.done() && !ParseClockAt(c, &h, &mi, &sec)) return false;
  clock = Trim(clock);
  if (!clock.empty()) {
    Cursor k{clock};
    if (!ParseClockAt(k, &h, &mi, &sec)) return false;
  }
  return CivilIn(zone, y, mo, d, h, mi, sec, out);
}

bool ParseDateTime(std::string_view s, int64_t* out, const LocalZone& zone) {
  s = Trim(s);
  if (s.empty()) return false;
  if (ParseUnix(s, out)) return true;
  if (s.size() >= 10 && s[4] == '-') return ParseIso(s, out, zone);
  if (ParseDayFirst(s, out, zone)) return true;
  if (ParseMeltwaterDate(s, out, zone)) return true;
  return ParseMonthDayYear(s, "", out, zone);
}

// ---------------------------------------------------------------------------
// Platforms and languages

std::string KnownPlatform(std::string_view s) {
  std::string n = Lower(Trim(s));
  if (n == "twitter" || n == "x" || n == "x (twitter)" || n == "twitter/x" || n == "x.com" ||
      n == "twitter.com") {
    return "twitter";
  }
  if (n == "vk" || n == "vkontakte" || n == "vk.com" || n == "вконтакте") return "vk";
  if (n == "ok" || n == "odnoklassniki" || n == "ok.ru") return "ok";
  if (n == "youtube" || n == "youtube.com") return "youtube";
  if (n == "tiktok" || n == "tiktok.com") return "tiktok";
  if (n == "facebook" || n == "facebook.com") return "facebook";
  if (n == "instagram" || n == "instagram.com") return "instagram";
  if (n == "telegram" || n == "t.me") return "telegram";
  if (n == "reddit" || n == "reddit.com") return "reddit";
  if (n == "linkedin" || n == "linkedin.com") return "linkedin";
  if (n == "threads" || n == "threads.net") return "threads";
  if (n == "pinterest" || n == "pinterest.com") return "pinterest";
  if (n == "twitch" || n == "twitch.tv") return "twitch";
  return "";
}

std::string PlatformFromUrl(std::string_view url) {
  url = Trim(url);
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  std::string host = Lower(rest.substr(0, rest.find_first_of("/?#:")));
  auto ends = [&](std::string_view d) {
    return host == d || (host.size() > d.size() && host.compare(host.size() - d.size(),
                                                                d.size(), d) == 0 &&
                         host[host.size() - d.size() - 1] == '.');
  };
  if (ends("twitter.com") || ends("x.com")) return "twitter";
  if (ends("t.me") || ends("telegram.me")) return "telegram";
  if (ends("instagram.com")) return "instagram";
  if (ends("facebook.com") || ends("fb.com")) return "facebook";
  if (ends("vk.com") || ends("vk.ru")) return "vk";
  if (ends("ok.ru")) return "ok";
  if (ends("youtube.com") || ends("youtu.be")) return "youtube";
  if (ends("tiktok.com")) return "tiktok";
  if (ends("reddit.com")) return "reddit";
  if (ends("threads.net")) return "threads";
  if (host.empty()) return "";
  return "web";
}

std::string NormaliseLang(std::string_view s) {
  std::string n = Lower(Trim(s));
  if (n == "english") return "en";
  if (n == "russian" || n == "русский") return "ru";
  if (n == "kazakh" || n == "қазақ" || n == "қазақша" || n == "казахский") return "kk";
  if (n == "uzbek") return "uz";
  if (n == "kyrgyz" || n == "kirghiz") return "ky";
  if (n == "ukrainian") return "uk";
  if (n == "german") return "de";
  if (n == "french") return "fr";
  if (n == "spanish") return "es";
  if (n == "turkish") return "tr";
  if (n == "chinese") return "zh";
  if (n == "arabic") return "ar";
  return n;
}

}  // namespace tenlik::listen::reader
