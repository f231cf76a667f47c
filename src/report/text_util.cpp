// Escaping, UTF-8 clean-up and number formatting for the report writers.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "report/internal.h"

namespace tenlik::report::internal {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when invalid.
size_t DecodeOne(std::string_view s, size_t i, char32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = 0;
  char32_t v = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

bool IsRuKk(std::string_view lang) { return lang == "ru" || lang == "kk"; }

}  // namespace

std::string CleanUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t n = DecodeOne(s, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
                         cp == 0xFFFE || cp == 0xFFFF;
    if (!control) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string Escape(std::string_view raw) {
  const std::string s = CleanUtf8(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Ellipsize(std::string_view s, size_t max) {
  if (CodePoints(s) <= max) return std::string(s);
  size_t count = 0, i = 0;
  const size_t keep = max > 0 ? max - 1 : 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == keep) break;
      ++count;
    }
  }
  std::string out(s.substr(0, i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";  // …
}

std::string FormatNumber(double v, std::string_view lang, int decimals) {
  if (!std::isfinite(v)) return "\xE2\x80\x93";  // –
  decimals = std::clamp(decimals, 0, 10);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string digits = buf;
  bool negative = v < 0;
  if (negative && digits.find_first_not_of("0.") == std::string::npos) negative = false;  // -0.0
  const size_t dot = digits.find('.');
  const std::string int_part = digits.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
  const bool ru = IsRuKk(lang);
  const std::string group = ru ? "\xE2\x80\xAF" : ",";  // U+202F narrow no-break space
  std::string out;
  if (negative) out += "\xE2\x88\x92";  // U+2212 minus
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += group;
    out += int_part[i];
  }
  if (!frac.empty()) {
    out += ru ? ',' : '.';
    out += frac;
  }
  return out;
}

int ChooseDecimals(const std::vector<double>& values) {
  double max_abs = 0;
  bool whole = true;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    max_abs = std::max(max_abs, std::fabs(v));
    if (std::fabs(v - std::round(v)) > 1e-9) whole = false;
  }
  if (whole) return 0;
  if (max_abs >= 1000) return 0;
  if (max_abs >= 1) return 1;
  if (max_abs >= 0.01) return 2;
  return 3;
}

std::string PlainNumber(double v) {
  if (v == 0) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "";
  return std::string(buf, end);
}

std::optional<double> ParseNumber(std::string_view cell) {
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  if (cell.empty()) return std::nullopt;
  std::string_view digits = cell;
  if (digits.front() == '-') digits.remove_prefix(1);
  if (digits.empty() || !(std::isdigit(static_cast<unsigned char>(digits.front())) ||
                          digits.front() == '.')) {
    return std::nullopt;
  }
  if (digits.size() > 1 && digits[0] == '0' && std::isdigit(static_cast<unsigned char>(digits[1]))) {
    return std::nullopt;
  }
  double v = 0;
  auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || ptr != cell.data() + cell.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

int DecimalsWritten(std::string_view cell) {
  const size_t dot = cell.find('.');
  if (dot == std::string_view::npos) return 0;
  size_t n = 0;
  for (size_t i = dot + 1; i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i])); ++i) {
    ++n;
  }
  return static_cast<int>(n);
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + path + ": " + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return IoError("cannot write " + path + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return IoError("cannot write " + path + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace tenlik::report::internal
