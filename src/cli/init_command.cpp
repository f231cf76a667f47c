// `tenlik init`: creates the store with every module's schema and the pseudonym key.
#include <iostream>

#include "cli/cli.h"
#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

Status RunInit(const Context& ctx) {
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/true));
  TENLIK_RETURN_IF_ERROR(db->Migrate(listen::Migrations()));
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
