// Entry point of `tenlik`: picks the user's language, builds the command tree and
// turns every error into a message and an exit code. Nothing escapes main.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli/cli.h"

namespace tenlik::cli {
namespace {

UiLang LangFromCode(std::string_view code) {
  if (code.substr(0, 2) == "kk") return UiLang::kKazakh;
  if (code.substr(0, 2) == "ru") return UiLang::kRussian;
  return UiLang::kEnglish;
}

// --lang must be known before the help texts are built, so it is read ahead.
UiLang LangFromArgs(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return LangFromCode(argv[i + 1]);
    if (arg.rfind("--lang=", 0) == 0) return LangFromCode(arg.substr(7));
  }
  const char* env = std::getenv("LANG");
  return env ? LangFromCode(env) : UiLang::kEnglish;
}

int Run(int argc, char** argv) {
  Context ctx;
  ctx.lang = LangFromArgs(argc, argv);
  CLI::App app(T(ctx, {"Tenlik: evidence for inclusive education.",
                       "Теңдік: данные об инклюзивном образовании.",
                       "Теңдік: инклюзивті білім беру туралы дәлелдер."}),
               "tenlik");
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all");
  app.get_formatter()->label("OPTIONS", T(ctx, {"OPTIONS", "ПАРАМЕТРЫ", "ПАРАМЕТРЛЕР"}));
  app.get_formatter()->label("SUBCOMMANDS", T(ctx, {"COMMANDS", "КОМАНДЫ", "КОМАНДАЛАР"}));
  app.get_formatter()->label("Usage", T(ctx, {"Usage", "Использование", "Қолданылуы"}));
  std::string lang_code;
  app.add_option("--lang", lang_code, T(ctx, {"Language of messages: kk, ru or en",
                                              "Язык сообщений: kk, ru или en",
                                              "Хабарлама тілі: kk, ru немесе en"}))
      ->check(CLI::IsMember({"kk", "ru", "en"}));
  app.add_option("--store", ctx.store,
                 T(ctx, {"Store: a SQLite file (default $TENLIK_STORE, else ./tenlik.db)",
                         "Хранилище: файл SQLite (по умолчанию $TENLIK_STORE, иначе ./tenlik.db)",
                         "Қойма: SQLite файлы (әдепкі $TENLIK_STORE, әйтпесе ./tenlik.db)"}));
  app.add_flag("--json", ctx.json,
               T(ctx, {"Print results as JSON", "Выводить результаты в JSON",
                       "Нәтижелерді JSON түрінде шығару"}));
  app.fallthrough();

  RegisterInitCommand(app, ctx);
  RegisterTextCommands(app, ctx);
  RegisterListenCommands(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterUserCommands(app, ctx);
  RegisterStoreCommands(app, ctx);
  RegisterReviewCommands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return ctx.exit_code;
}

}  // namespace
}  // namespace tenlik::cli

int main(int argc, char** argv) {
  try {
    return tenlik::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "tenlik: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "tenlik: internal error\n";
  }
  return tenlik::cli::kExitFailure;
}
