// `tenlik init`: creates the store with every module's schema and the pseudonym key,
// and imports the shipped review instruments (data/instruments/).
#include <ctime>
#include <iostream>

#include "cli/cli.h"
#include "listen/listen.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

// Imports the shipped instruments, so a school coordinator finds them ready; a store
// that has them already is left as it is. Without the data folder init still succeeds
// and says how to import them.
Status ImportShippedInstruments(const Context& ctx, store::Connection& db) {
  TENLIK_RETURN_IF_ERROR(db.Migrate(review::Migrations()));
  Result<std::string> dir = review::DefaultInstrumentsDir();
  if (!dir.ok()) {
    std::cerr << "tenlik: " << dir.status().message() << "\n"
              << T(ctx, {"Review instruments were not imported: run `tenlik review instrument "
                         "import FILE`.\n",
                         "Инструменты самооценки не импортированы: выполните `tenlik review "
                         "instrument import ФАЙЛ`.\n",
                         "Өзін-өзі бағалау құралдары импортталмады: `tenlik review instrument "
                         "import ФАЙЛ` орындаңыз.\n"});
    return Status::Ok();
  }
  TENLIK_ASSIGN_OR_RETURN(auto instruments, review::LoadInstrumentsDir(*dir));
  for (const review::Instrument& instrument : instruments) {
    TENLIK_RETURN_IF_ERROR(review::ImportInstrument(db, instrument, std::time(nullptr)).status());
    std::cout << T(ctx, {"Review instrument ready: ", "Инструмент самооценки готов: ",
                         "Өзін-өзі бағалау құралы дайын: "})
              << instrument.id << " " << instrument.version << "\n";
  }
  return Status::Ok();
}

Status RunInit(const Context& ctx) {
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/true));
  TENLIK_RETURN_IF_ERROR(db->Migrate(listen::Migrations()));
  TENLIK_RETURN_IF_ERROR(ImportShippedInstruments(ctx, *db));
  std::string key_path = listen::KeyPathFor(location);
  Status key = listen::CreatePseudonymKey(key_path);
  bool key_existed = key.code() == StatusCode::kAlreadyExists;
  if (!key.ok() && !key_existed) return key;
  std::cout << T(ctx, {"Store ready: ", "Хранилище готово: ", "Қойма дайын: "})
            << store::PrintableLocation(location) << "\n"
            << (key_existed ? T(ctx, {"Pseudonym key kept: ", "Ключ псевдонимов сохранён: ",
                                      "Бүркеншік ат кілті сақталды: "})
                            : T(ctx, {"Pseudonym key created: ", "Создан ключ псевдонимов: ",
                                      "Бүркеншік ат кілті жасалды: "}))
            << key_path << "\n"
            << T(ctx, {"Keep the key secret and back it up: without it, the same person gets a "
                       "new pseudonym in later ingests.\n",
                       "Храните ключ в тайне и сделайте резервную копию: без него тот же человек "
                       "получит новый псевдоним при следующей загрузке.\n",
                       "Кілтті құпия сақтап, сақтық көшірмесін жасаңыз: онсыз келесі жүктеуде сол "
                       "адам жаңа бүркеншік ат алады.\n"});
  return Status::Ok();
}

}  // namespace

void RegisterInitCommand(CLI::App& app, Context& ctx) {
  CLI::App* init = app.add_subcommand("init", T(ctx, {"Create the store and its pseudonym key",
                                                      "Создать хранилище и ключ псевдонимов",
                                                      "Қойма мен бүркеншік ат кілтін жасау"}));
  init->callback([&ctx] {
    Status status = RunInit(ctx);
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });
}

}  // namespace tenlik::cli
