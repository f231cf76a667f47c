// `tenlik listen ingest|stats`: wiring of the listen module.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct IngestFlags {
  std::string corpus;
  std::vector<std::string> files;
  std::string format;
  std::vector<std::string> maps;
  std::string timezone;
  std::string organisations;
  std::string rejects;
};

void PrintProgress(const listen::IngestProgress& p) {
  std::string line = "\r" + p.file + ": " + std::to_string(p.records) + " records, " +
                     std::to_string(static_cast<int64_t>(p.records_per_second)) + "/s";
  if (p.fraction > 0) {
    double remaining = p.records / p.fraction - p.records;
    line += ", " + std::to_string(static_cast<int>(p.fraction * 100)) + "%, ETA " +
            FormatDuration(p.records_per_second > 0 ? remaining / p.records_per_second : 0);
  }
  std::cerr << line << "   " << std::flush;
}

nlohmann::json CountsJson(const listen::FileCounts& c) {
  return {{"read", c.read},
          {"stored", c.stored},
          {"duplicates", c.duplicates},
          {"near_duplicates", c.near_duplicates},
          {"rejected", c.rejected}};
}

Status RunIngest(Context& ctx, const IngestFlags& flags) {
  std::string location = store::ResolveLocation(ctx.store);
  listen::IngestOptions options;
  options.corpus = flags.corpus;
  options.files = flags.files;
  if (!flags.format.empty()) {
    TENLIK_ASSIGN_OR_RETURN(listen::Format format, listen::ParseFormat(flags.format));
    options.format = format;
  }
  for (const std::string& spec : flags.maps) {
    TENLIK_RETURN_IF_ERROR(listen::AddMapping(spec, &options.map));
  }
  options.timezone = flags.timezone;
  options.organisations_file = flags.organisations;
  options.key_path = listen::KeyPathFor(location);
  options.rejects_path = flags.rejects.empty() ? listen::RejectsPathFor(location) : flags.rejects;
  options.cancel = &g_interrupted;
  bool terminal = ::isatty(STDERR_FILENO);
  if (terminal) options.on_progress = PrintProgress;

  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/false));
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  Result<listen::IngestReport> report = listen::Ingest(*db, options);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (terminal) std::cerr << "\r\033[K";
  if (!report.ok()) return report.status();

  bool failed_file = false;
  nlohmann::json files = nlohmann::json::array();
  for (const listen::FileReport& f : report->files) {
    failed_file |= !f.status.ok();
    nlohmann::json j = {{"file", f.path},
                        {"format", listen::FormatName(f.format)},
                        {"already_ingested", f.already_ingested},
                        {"resumed", f.resumed},
                        {"counts", CountsJson(f.counts)}};
    if (!f.status.ok()) j["error"] = f.status.message();
    files.push_back(j);
    if (!f.status.ok()) std::cerr << "tenlik: " << f.status.message() << "\n";
  }
  if (ctx.json) {
    nlohmann::json out = {{"files", files},
                          {"total", CountsJson(report->total)},
                          {"cancelled", report->cancelled},
                          {"rejects", options.rejects_path}};
    std::cout << out.dump(2) << "\n";
  } else {
    for (const listen::FileReport& f : report->files) {
      if (!f.status.ok()) continue;
      std::cout << f.path << ": ";
      if (f.already_ingested) {
        std::cout << T(ctx, {"already ingested, nothing added", "уже загружен, ничего не добавлено",
                             "бұрын жүктелген, ештеңе қосылмады"})
                  << "\n";
        continue;
      }
      const listen::FileCounts& c = f.counts;
      std::cout << c.read << T(ctx, {" read, ", " прочитано, ", " оқылды, "}) << c.stored
                << T(ctx, {" stored (", " сохранено (", " сақталды ("}) << c.near_duplicates
                << T(ctx, {" near-duplicates), ", " почти дубликатов), ", " ұқсас көшірме), "})
                << c.duplicates << T(ctx, {" duplicates, ", " дубликатов, ", " көшірме, "})
                << c.rejected << T(ctx, {" rejected", " отклонено", " қабылданбады"})
                << (f.resumed ? T(ctx, {" (resumed)", " (продолжено)", " (жалғастырылды)"}) : "")
                << "\n";
    }
    if (report->total.rejected > 0) {
      std::cout << T(ctx, {"Rejected records and reasons: ", "Отклонённые записи и причины: ",
                           "Қабылданбаған жазбалар мен себептері: "})
                << options.rejects_path << "\n";
    }
  }
  if (report->cancelled) {
    std::cerr << T(ctx, {"tenlik: interrupted; what was stored is kept. Run the same command "
                         "again to continue.\n",
                         "tenlik: прервано; сохранённое не потеряно. Запустите ту же команду, "
                         "чтобы продолжить.\n",
                         "tenlik: тоқтатылды; сақталғаны жоғалмайды. Жалғастыру үшін сол "
                         "команданы қайта іске қосыңыз.\n"});
    ctx.exit_code = kExitFailure;
  } else if (failed_file) {
    ctx.exit_code = kExitFailure;
  } else {
    ctx.exit_code = report->total.rejected > 0 ? kExitSomeRejected : kExitOk;
  }
  return Status::Ok();
}

nlohmann::json MapJson(const std::map<std::string, int64_t>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, count] : counts) j[key] = count;
  return j;
}

Status RunStats(Context& ctx) {
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/false));
  TENLIK_ASSIGN_OR_RETURN(listen::Stats stats, listen::ComputeStats(*db));
  nlohmann::json j = {{"posts", stats.posts},
                      {"near_duplicates", stats.near_duplicates},
                      {"duplicates", stats.duplicates},
                      {"rejected", stats.rejected},
                      {"files", stats.files},
                      {"first_published_at", stats.first_published_at},
                      {"last_published_at", stats.last_published_at},
                      {"by_corpus", MapJson(stats.by_corpus)},
                      {"by_platform", MapJson(stats.by_platform)},
                      {"by_lang", MapJson(stats.by_lang)},
                      {"by_author_type", MapJson(stats.by_author_type)},
                      {"by_month", MapJson(stats.by_month)}};
  if (ctx.json) {
    std::cout << j.dump(2) << "\n";
    return Status::Ok();
  }
  std::cout << T(ctx, {"Posts stored: ", "Сохранено публикаций: ", "Сақталған жазбалар: "})
            << stats.posts << "\n"
            << T(ctx,
                 {"  of which near-duplicates (reposts): ", "  из них почти дубликаты (репосты): ",
                  "  оның ішінде ұқсас көшірмелер (репостар): "})
            << stats.near_duplicates << "\n"
            << T(ctx, {"Exact duplicates not stored: ", "Точные дубликаты (не сохранены): ",
                       "Дәл көшірмелер (сақталмады): "})
            << stats.duplicates << "\n"
            << T(ctx, {"Rejected records: ", "Отклонённые записи: ", "Қабылданбаған жазбалар: "})
            << stats.rejected << "\n"
            << T(ctx, {"Files: ", "Файлы: ", "Файлдар: "}) << stats.files << "\n";
  auto table = [&](const Tr& title, const std::map<std::string, int64_t>& counts) {
    std::cout << T(ctx, title) << "\n";
    for (const auto& [key, count] : counts) std::cout << "  " << key << "\t" << count << "\n";
  };
  table({"By corpus:", "По корпусам:", "Корпус бойынша:"}, stats.by_corpus);
  table({"By platform:", "По платформам:", "Платформа бойынша:"}, stats.by_platform);
  table({"By language:", "По языкам:", "Тіл бойынша:"}, stats.by_lang);
  table({"By author type:", "По типу автора:", "Автор түрі бойынша:"}, stats.by_author_type);
  table({"By month:", "По месяцам:", "Ай бойынша:"}, stats.by_month);
  return Status::Ok();
}

}  // namespace

void RegisterListenCommands(CLI::App& app, Context& ctx) {
  CLI::App* listen =
      app.add_subcommand("listen", T(ctx, {"Social-media listening", "Мониторинг социальных сетей",
                                           "Әлеуметтік желілерді бақылау"}));
  listen->require_subcommand(1);

  auto flags = std::make_shared<IngestFlags>();
  CLI::App* ingest = listen->add_subcommand(
      "ingest", T(ctx, {"Read exports into the store (pseudonymised, de-duplicated)",
                        "Загрузить выгрузки в хранилище (с псевдонимами, без дубликатов)",
                        "Экспорттарды қоймаға жүктеу (бүркеншік аттармен, көшірмесіз)"}));
  ingest
      ->add_option("--corpus", flags->corpus,
                   T(ctx, {"Corpus name, e.g. public or organisations",
                           "Имя корпуса, например public или organisations",
                           "Корпус атауы, мысалы public немесе organisations"}))
      ->required();
  ingest->add_option(
      "--format", flags->format,
      T(ctx, {"meltwater, telegram, instagram, jsonl or csv (default: detect)",
              "meltwater, telegram, instagram, jsonl или csv (по умолчанию: определить)",
              "meltwater, telegram, instagram, jsonl немесе csv (әдепкі: анықтау)"}));
  ingest->add_option("--map", flags->maps,
                     T(ctx, {"field=Column for csv/jsonl, e.g. --map text=Body",
                             "поле=Столбец для csv/jsonl, например --map text=Body",
                             "өріс=Баған csv/jsonl үшін, мысалы --map text=Body"}));
  ingest->add_option(
      "--timezone", flags->timezone,
      T(ctx, {"Zone of dates written without one, e.g. Asia/Almaty or +05:00 (default: UTC)",
              "Часовой пояс дат, записанных без него, например Asia/Almaty или +05:00 "
              "(по умолчанию: UTC)",
              "Белдеуі жазылмаған күндердің уақыт белдеуі, мысалы Asia/Almaty немесе +05:00 "
              "(әдепкі: UTC)"}));
  ingest
      ->add_option("--organisations", flags->organisations,
                   T(ctx, {"TSV of organisations and media that keep their names",
                           "TSV организаций и СМИ, сохраняющих свои имена",
                           "Атаулары сақталатын ұйымдар мен БАҚ тізімі (TSV)"}))
      ->check(CLI::ExistingFile);
  ingest->add_option("--rejects", flags->rejects,
                     T(ctx, {"Reject file (default <store>.rejects.jsonl)",
                             "Файл отклонённых записей (по умолчанию <store>.rejects.jsonl)",
                             "Қабылданбаған жазбалар файлы (әдепкі <store>.rejects.jsonl)"}));
  ingest
      ->add_option("files", flags->files,
                   T(ctx, {"Export files", "Файлы выгрузок", "Экспорт файлдары"}))
      ->required();
  ingest->callback([&ctx, flags] {
    Status status = RunIngest(ctx, *flags);
    if (!status.ok()) ctx.exit_code = ReportError(ctx, status);
  });

  CLI::App* stats = listen->add_subcommand(
      "stats", T(ctx, {"What the store holds", "Что содержит хранилище", "Қоймада не бар"}));
  stats->callback([&ctx] {
    Status status = RunStats(ctx);
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });

  RegisterStudyCommands(*listen, ctx);
  RegisterValidateCommand(*listen, ctx);
}

}  // namespace tenlik::cli
