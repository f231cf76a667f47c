#include "store/postgres_url.h"

#include <cctype>

namespace tenlik::store {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PostgresUrl ParsePostgresUrl(std::string_view url) {
  PostgresUrl parsed;
  size_t authority = url.find("://");
  authority = authority == std::string_view::npos ? 0 : authority + 3;
  size_t path = url.find_first_of("/?", authority);
  if (path == std::string_view::npos) path = url.size();
  std::string_view userinfo = url.substr(authority, path - authority);
  size_t at = userinfo.rfind('@');
  if (at != std::string_view::npos) {
    size_t colon = userinfo.substr(0, at).find(':');
    if (colon != std::string_view::npos && colon + 1 < at) {
      std::string_view written = userinfo.substr(colon + 1, at - colon - 1);
      parsed.secrets.emplace_back(written);
      if (PercentDecode(written) != written) parsed.secrets.push_back(PercentDecode(written));
    }
  }
  parsed.before_database = std::string(url.substr(0, path));
  size_t query = url.find('?', path);
  if (query == std::string_view::npos) query = url.size();
  if (path < url.size() && url[path] == '/') {
    parsed.database = PercentDecode(url.substr(path + 1, query - path - 1));
  }
  parsed.after_database = std::string(url.substr(query));
  // Query parameters may carry a password too: "?password=...".
  size_t key = parsed.after_database.find("password=");
  while (key != std::string::npos) {
    size_t begin = key + 9;
    size_t end = parsed.after_database.find('&', begin);
    if (end == std::string::npos) end = parsed.after_database.size();
    if (end > begin) parsed.secrets.push_back(parsed.after_database.substr(begin, end - begin));
    key = parsed.after_database.find("password=", end);
  }
  return parsed;
}

std::string PostgresUrl::WithDatabase(const std::string& name) const {
  return before_database + "/" + PercentEncode(name) + after_database;
}

std::string MaskSecrets(std::string text, const PostgresUrl& url) {
  for (const std::string& secret : url.secrets) {
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 4)) {
      text.replace(at, secret.size(), "****");
    }
  }
  return text;
}

}  // namespace tenlik::store
