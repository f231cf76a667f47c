// What the server reads from a request: language, cookies, who is calling.
#include <charconv>
#include <string>

#include <ctime>

#include "server/internal.h"

namespace tenlik::server {
namespace {

std::optional<Lang> LangFromCode(std::string_view code) {
  if (code.substr(0, 2) == "kk") return Lang::kKazakh;
  if (code.substr(0, 2) == "ru") return Lang::kRussian;
  if (code.substr(0, 2) == "en") return Lang::kEnglish;
  return std::nullopt;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string CookieValue(const httplib::Request& req, std::string_view name) {
  std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t end = rest.find(';');
    std::string_view pair = Trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return "";
}

Lang RequestLang(const httplib::Request& req) {
  if (auto lang = LangFromCode(CookieValue(req, "lang"))) return *lang;
  // Accept-Language in the client's order of preference; q-values are rarely out of
  // order in practice, so the first supported language wins.
  std::string header = req.get_header_value("Accept-Language");
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t end = rest.find(',');
    std::string_view item = Trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (auto lang = LangFromCode(item)) return *lang;
  }
  return Lang::kEnglish;
}

std::string SessionCookie(const std::string& token, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

accounts::Actor Call::Actor() const { return {session ? session->user : "", req.remote_addr}; }

int64_t Call::Now() const { return options.clock ? options.clock() : std::time(nullptr); }

std::optional<int64_t> IntParam(Call& call, const char* name, int64_t min, int64_t max,
                                int64_t fallback) {
  if (!call.req.has_param(name)) return fallback;
  const std::string text = call.req.get_param_value(name);
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    SendError(call.res, call.lang, 400, "invalid_parameter", name);
    return std::nullopt;
  }
  return value;
}

}  // namespace tenlik::server
