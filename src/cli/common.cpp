#include <iostream>

#include "cli/cli.h"

namespace tenlik::cli {

const char* Pick(const Tr& text, UiLang lang) {
  switch (lang) {
    case UiLang::kRussian: return text.ru;
    case UiLang::kKazakh: return text.kk;
    case UiLang::kEnglish: break;
  }
  return text.en;
}

int ReportError(const Context& ctx, const Status& status) {
  std::cerr << "tenlik: "
            << T(ctx, {"error", "ошибка", "қате"}) << ": " << status.message() << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return kExitUsage;
    default: return kExitFailure;
  }
}

}  // namespace tenlik::cli
