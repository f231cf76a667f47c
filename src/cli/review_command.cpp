// `tenlik review instrument import|list|export`: review instruments in the store
// (YAML instrument files and XLSForm workbooks, docs/review.md).
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/cli.h"
#include "cli/review_shared.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

struct InstrumentFlags {
  std::vector<std::string> files;
  std::string id;
  int version = 0;  // 0: the highest stored
  std::string out;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<review::Instrument> ReadInstrument(const Context& ctx, const std::string& file) {
  if (EndsWith(file, ".xlsx")) return review::ImportXlsForm(file);
  if (EndsWith(file, ".yaml") || EndsWith(file, ".yml")) return review::LoadInstrumentFile(file);
  return InvalidArgument(file + ": " +
                         T(ctx, {"expected an instrument file (.yaml) or an XLSForm (.xlsx)",
                                 "ожидается файл инструмента (.yaml) или XLSForm (.xlsx)",
                                 "құрал файлы (.yaml) немесе XLSForm (.xlsx) күтіледі"}));
}

Status RunImport(const Context& ctx, const InstrumentFlags& flags) {
  // Every file is read and checked before anything is stored.
  std::vector<review::Instrument> instruments;
  for (const std::string& file : flags.files) {
    TENLIK_ASSIGN_OR_RETURN(review::Instrument instrument, ReadInstrument(ctx, file));
    instruments.push_back(std::move(instrument));
  }
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  nlohmann::json report = nlohmann::json::array();
  for (const review::Instrument& instrument : instruments) {
    TENLIK_ASSIGN_OR_RETURN(review::ImportOutcome outcome,
                            review::ImportInstrument(*db, instrument, std::time(nullptr)));
    const bool added = outcome == review::ImportOutcome::kAdded;
    if (ctx.json) {
      report.push_back({{"id", instrument.id},
                        {"version", instrument.version},
                        {"kind", review::KindName(instrument.kind)},
                        {"added", added}});
      continue;
    }
    std::cout << (added ? T(ctx, {"Imported ", "Импортирован ", "Импортталды: "})
                        : T(ctx, {"Already stored: ", "Уже в хранилище: ", "Қоймада бар: "}))
              << instrument.id << " " << T(ctx, {"version", "версия", "нұсқа"}) << " "
              << instrument.version << " (" << TextIn(ctx, instrument.title) << ")\n";
  }
  if (ctx.json) std::cout << report.dump(2) << "\n";
  return Status::Ok();
}

Status RunList(const Context& ctx) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(auto instruments, review::ListInstruments(*db));
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const review::InstrumentSummary& s : instruments) {
      list.push_back({{"id", s.id},
                      {"version", s.version},
                      {"kind", review::KindName(s.kind)},
                      {"title", {{"kk", s.title.kk}, {"ru", s.title.ru}, {"en", s.title.en}}},
                      {"imported_at", s.imported_at}});
    }
    std::cout << list.dump(2) << "\n";
    return Status::Ok();
  }
  if (instruments.empty()) {
    std::cout << T(ctx, {"No instruments in the store.\n", "В хранилище нет инструментов.\n",
                         "Қоймада құралдар жоқ.\n"});
    return Status::Ok();
  }
  for (const review::InstrumentSummary& s : instruments) {
    std::cout << s.id << "\t" << s.version << "\t" << review::KindName(s.kind) << "\t"
              << FormatUtcMinute(s.imported_at) << "\t" << TextIn(ctx, s.title) << "\n";
  }
  return Status::Ok();
}

Status RunExport(const Context& ctx, const InstrumentFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  std::optional<int> version;
  if (flags.version > 0) version = flags.version;
  TENLIK_ASSIGN_OR_RETURN(review::Instrument instrument,
                          review::GetInstrument(*db, flags.id, version));
  if (EndsWith(flags.out, ".xlsx")) {
    TENLIK_RETURN_IF_ERROR(review::ExportXlsForm(instrument, flags.out));
  } else if (EndsWith(flags.out, ".yaml") || EndsWith(flags.out, ".yml")) {
    TENLIK_RETURN_IF_ERROR(review::WriteInstrumentFile(instrument, flags.out));
  } else {
    return InvalidArgument(flags.out + ": " +
                           T(ctx, {"expected a file name ending in .xlsx or .yaml",
                                   "ожидается имя файла с окончанием .xlsx или .yaml",
                                   ".xlsx немесе .yaml кеңейтімді файл аты күтіледі"}));
  }
  std::cout << T(ctx, {"Written ", "Записан ", "Жазылды: "}) << flags.out << " (" << instrument.id
            << " " << T(ctx, {"version", "версия", "нұсқа"}) << " " << instrument.version << ")\n";
  return Status::Ok();
}

}  // namespace

void RegisterReviewCommands(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<InstrumentFlags>();
  CLI::App* review_command = app.add_subcommand(
      "review",
      T(ctx, {"School, district and national self-review", "Самооценка школ, районов и страны",
              "Мектептердің, аудандардың және елдің өзін-өзі бағалауы"}));
  review_command->require_subcommand(1);
  CLI::App* instrument = review_command->add_subcommand(
      "instrument",
      T(ctx, {"Review instruments: questionnaires in kk/ru/en, versioned",
              "Инструменты самооценки: анкеты на kk/ru/en с версиями",
              "Өзін-өзі бағалау құралдары: kk/ru/en тілдеріндегі нұсқалары бар сауалнамалар"}));
  instrument->require_subcommand(1);

  CLI::App* import = instrument->add_subcommand(
      "import",
      T(ctx, {"Import instruments from instrument files (.yaml) or XLSForm workbooks (.xlsx). "
              "Every file is checked first; a new version is added, the same content again "
              "changes nothing, other content under a stored version is refused",
              "Импортировать инструменты из файлов инструментов (.yaml) или книг XLSForm "
              "(.xlsx). Сначала проверяется каждый файл; новая версия добавляется, повторное "
              "содержимое ничего не меняет, другое содержимое под сохранённой версией "
              "отклоняется",
              "Құралдарды құрал файлдарынан (.yaml) немесе XLSForm кітаптарынан (.xlsx) "
              "импорттау. Алдымен әр файл тексеріледі; жаңа нұсқа қосылады, сол мазмұн қайта "
              "берілсе ештеңе өзгермейді, сақталған нұсқаның басқа мазмұны қабылданбайды"}));
  import
      ->add_option("files", flags->files,
                   T(ctx, {"Instrument files (.yaml) or XLSForm workbooks (.xlsx)",
                           "Файлы инструментов (.yaml) или книги XLSForm (.xlsx)",
                           "Құрал файлдары (.yaml) немесе XLSForm кітаптары (.xlsx)"}))
      ->required();
  Wire(import, ctx, [&ctx, flags] { return RunImport(ctx, *flags); });

  CLI::App* list = instrument->add_subcommand(
      "list", T(ctx, {"List stored instruments: id, version, kind, imported (UTC), title",
                      "Список инструментов в хранилище: id, версия, вид, импортирован (UTC), "
                      "название",
                      "Қоймадағы құралдар тізімі: id, нұсқа, түрі, импортталған уақыты (UTC), "
                      "атауы"}));
  Wire(list, ctx, [&ctx] { return RunList(ctx); });

  CLI::App* export_command = instrument->add_subcommand(
      "export", T(ctx, {"Write a stored instrument as XLSForm (.xlsx) or an instrument file "
                        "(.yaml)",
                        "Записать инструмент из хранилища как XLSForm (.xlsx) или файл "
                        "инструмента (.yaml)",
                        "Қоймадағы құралды XLSForm (.xlsx) немесе құрал файлы (.yaml) ретінде "
                        "жазу"}));
  export_command
      ->add_option("id", flags->id,
                   T(ctx, {"Instrument id", "Идентификатор инструмента", "Құрал идентификаторы"}))
      ->required();
  export_command
      ->add_option("--version", flags->version,
                   T(ctx, {"Version (default: the highest stored)",
                           "Версия (по умолчанию — последняя сохранённая)",
                           "Нұсқа (әдепкі: қоймадағы ең соңғысы)"}))
      ->check(CLI::PositiveNumber);
  export_command
      ->add_option("--out", flags->out,
                   T(ctx, {"Output file: .xlsx or .yaml", "Выходной файл: .xlsx или .yaml",
                           "Шығыс файл: .xlsx немесе .yaml"}))
      ->required();
  Wire(export_command, ctx, [&ctx, flags] { return RunExport(ctx, *flags); });
  RegisterReviewCycleCommands(*review_command, ctx);
  RegisterReviewPlanCommands(*review_command, ctx);
  RegisterReviewDistrictCommands(*review_command, ctx);
  RegisterReviewPeerCommands(*review_command, ctx);
}

}  // namespace tenlik::cli
