#include <cstdio>
#include <iostream>
#include <string>

#include "cli/cli.h"

namespace tenlik::cli {

const char* Pick(const Tr& text, UiLang lang) {
  switch (lang) {
    case UiLang::kRussian:
      return text.ru;
    case UiLang::kKazakh:
      return text.kk;
    case UiLang::kEnglish:
      break;
  }
  return text.en;
}

int ReportError(const Context& ctx, const Status& status) {
  std::cerr << "tenlik: " << T(ctx, {"error", "ошибка", "қате"}) << ": " << status.message()
            << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

void ForEachInputLine(const std::function<void(const std::string& line, std::string* out)>& fn) {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    fn(line, &out);
    if (out.size() > (1u << 16)) {
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  std::cout.flush();
}

std::string FormatDuration(double seconds) {
  int s = static_cast<int>(seconds);
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  return text;
}

}  // namespace tenlik::cli
