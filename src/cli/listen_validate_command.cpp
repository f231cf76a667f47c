// `tenlik listen validate`: a labelling sheet of random hits of a study query, and
// its precision once people have labelled them. Wiring only: listen/ does the work.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "listen/listen.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

const char* LangCode(UiLang lang) {
  return lang == UiLang::kRussian ? "ru" : lang == UiLang::kKazakh ? "kk" : "en";
}

struct ValidateFlags {
  std::string query;
  std::string study;  // "" = the shipped study
  std::string out;
  std::string import;
  std::string rejects;
  size_t sample = 100;
  uint64_t seed = 1;
};

std::string Percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", share * 100);
  return buf;
}

// A validation as `listen validate --json` prints it: with the query id under "query".
nlohmann::json WithQueryId(const listen::QueryValidation& v) {
  nlohmann::json j = listen::ValidationJson(v);
  j["query"] = v.query_id;
  return j;
}

void PrintValidation(const Context& ctx, const listen::QueryValidation& v) {
  std::cout << T(ctx, {"Precision of ", "Точность запроса ", "Сұраныс дәлдігі, "}) << v.query_id
            << ": ";
  if (v.labelled == 0) {
    std::cout << T(ctx, {"no labelled posts yet", "размеченных публикаций пока нет",
                         "белгіленген жазбалар әлі жоқ"});
  } else {
    std::cout << Percent(v.precision) << " % [" << Percent(v.low) << "–" << Percent(v.high) << "]"
              << T(ctx, {", 95 % Wilson interval; n = ", ", 95 % интервал Уилсона; n = ",
                         ", 95 % Уилсон аралығы; n = "})
              << v.labelled;
  }
  std::cout << " (" << v.relevant << T(ctx, {" relevant, ", " релевантных, ", " қатысты, "})
            << v.unlabelled << T(ctx, {" unlabelled; ", " не размечено; ", " белгіленбеген; "})
            << v.validated_on << ")\n";
  if (v.stale) {
    std::cout << T(ctx, {"Stale: the query's text has changed since these posts were labelled.",
                         "Устарело: текст запроса изменился после разметки этих публикаций.",
                         "Ескірген: бұл жазбалар белгіленгеннен кейін сұраныс мәтіні өзгерді."})
              << "\n";
  }
}

Status WriteSheet(Context& ctx, store::Connection& db, const listen::Study& study,
                  const ValidateFlags& flags) {
  listen::ValidationSampleOptions options;
  options.sample = flags.sample;
  options.seed = flags.seed;
  TENLIK_ASSIGN_OR_RETURN(listen::ValidationSample sample,
                          listen::SampleQueryHits(db, study, flags.query, options));
  TENLIK_RETURN_IF_ERROR(
      listen::WriteValidationSheet(study, sample, LangCode(ctx.lang), flags.out));
  if (ctx.json) {
    std::cout << nlohmann::json{{"query", sample.query_id}, {"query_hash", sample.query_hash},
                                {"hits", sample.hits},      {"sample", sample.items.size()},
                                {"seed", sample.seed},      {"file", flags.out}}
                     .dump(2)
              << "\n";
    return Status::Ok();
  }
  std::cout << T(ctx, {"Labelling sheet: ", "Лист для разметки: ", "Белгілеу парағы: "})
            << flags.out << "\n"
            << sample.items.size() << T(ctx, {" of ", " из ", " / "}) << sample.hits
            << T(ctx, {" original posts the query matches, drawn at random (seed ",
                       " оригинальных публикаций, найденных запросом, выбраны случайно (seed ",
                       " сұраныс тапқан түпнұсқа жазбалар, кездейсоқ таңдалды (seed "})
            << sample.seed << ").\n"
            << T(ctx, {"When it is labelled: tenlik listen validate ",
                       "После разметки: tenlik listen validate ",
                       "Белгілегеннен кейін: tenlik listen validate "})
            << sample.query_id << " --import " << flags.out << "\n";
  return Status::Ok();
}

Status ImportSheet(Context& ctx, store::Connection& db, const listen::Study& study,
                   const ValidateFlags& flags, const std::string& location) {
  TENLIK_ASSIGN_OR_RETURN(listen::ValidationImport r,
                          listen::ImportValidationSheet(db, study, flags.query, flags.import, {}));
  const std::string rejects =
      flags.rejects.empty() ? listen::RejectsPathFor(location) : flags.rejects;
  TENLIK_RETURN_IF_ERROR(listen::AppendRejects(r.rejects, rejects));
  ctx.exit_code = r.rejects.empty() ? kExitOk : kExitSomeRejected;
  if (ctx.json) {
    nlohmann::json j = {{"file", r.file},
                        {"rows", r.rows},
                        {"relevant", r.relevant},
                        {"not_relevant", r.not_relevant},
                        {"unlabelled", r.unlabelled},
                        {"rejected", r.rejects.size()},
                        {"rejects", rejects},
                        {"validation", WithQueryId(r.validation)}};
    std::cout << j.dump(2) << "\n";
    return Status::Ok();
  }
  std::cout << T(ctx, {"Rows read: ", "Прочитано строк: ", "Оқылған жолдар: "}) << r.rows << " — "
            << r.relevant << T(ctx, {" relevant, ", " релевантных, ", " қатысты, "})
            << r.not_relevant << T(ctx, {" not relevant, ", " не релевантных, ", " қатысты емес, "})
            << r.unlabelled << T(ctx, {" unlabelled, ", " не размечено, ", " белгіленбеген, "})
            << r.rejects.size() << T(ctx, {" rejected", " отклонено", " қабылданбады"}) << "\n";
  if (!r.rejects.empty()) {
    std::cout << T(ctx, {"Rejected rows and reasons: ", "Отклонённые строки и причины: ",
                         "Қабылданбаған жолдар мен себептері: "})
              << rejects << "\n";
  }
  PrintValidation(ctx, r.validation);
  return Status::Ok();
}

Status ShowValidation(Context& ctx, store::Connection& db, const listen::Study& study,
                      const ValidateFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(const listen::StudyQuery* query,
                          listen::FindStudyQuery(study, flags.query));
  TENLIK_ASSIGN_OR_RETURN(auto all, listen::LoadQueryValidations(db, study));
  auto found = all.find(query->id);
  if (ctx.json) {
    std::cout << (found == all.end() ? nlohmann::json{{"query", query->id}, {"validated", false}}
                                     : WithQueryId(found->second))
                     .dump(2)
              << "\n";
    return Status::Ok();
  }
  if (found == all.end()) {
    std::cout << query->id << ": "
              << T(ctx, {"not validated. Make a labelling sheet with --out FILE.",
                         "не проверен. Создайте лист для разметки: --out ФАЙЛ.",
                         "тексерілмеген. Белгілеу парағын жасаңыз: --out ФАЙЛ."})
              << "\n";
    return Status::Ok();
  }
  PrintValidation(ctx, found->second);
  return Status::Ok();
}

Status ValidateCommand(Context& ctx, const ValidateFlags& flags) {
  std::string study_path = flags.study;
  if (study_path.empty()) {
    TENLIK_ASSIGN_OR_RETURN(study_path, listen::DefaultStudyPath());
  }
  TENLIK_ASSIGN_OR_RETURN(listen::Study study, listen::LoadStudy(study_path));
  std::string location = store::ResolveLocation(ctx.store);
  TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(location, /*create=*/false));
  ctx.exit_code = kExitOk;
  if (!flags.out.empty()) return WriteSheet(ctx, *db, study, flags);
  if (!flags.import.empty()) return ImportSheet(ctx, *db, study, flags, location);
  return ShowValidation(ctx, *db, study, flags);
}

}  // namespace

void RegisterValidateCommand(CLI::App& listen, Context& ctx) {
  auto flags = std::make_shared<ValidateFlags>();
  CLI::App* cmd = listen.add_subcommand(
      "validate",
      T(ctx,
        {"Check a study query: a sheet of random hits to label, then its precision",
         "Проверить запрос исследования: лист случайных совпадений для разметки, затем точность",
         "Зерттеу сұранысын тексеру: белгілеуге кездейсоқ сәйкестіктер парағы, содан кейін "
         "дәлдік"}));
  cmd->add_option("query", flags->query,
                  T(ctx, {"Query id in the study file", "Id запроса в файле исследования",
                          "Зерттеу файлындағы сұраныс id"}))
      ->required();
  cmd->add_option("--study", flags->study,
                  T(ctx, {"Study file (default: the shipped data/studies/inclusive-education.yaml)",
                          "Файл исследования (по умолчанию: data/studies/inclusive-education.yaml)",
                          "Зерттеу файлы (әдепкі: data/studies/inclusive-education.yaml)"}));
  CLI::Option* out =
      cmd->add_option("--out", flags->out,
                      T(ctx, {"Write a labelling sheet (XLSX) in the --lang language",
                              "Записать лист для разметки (XLSX) на языке --lang",
                              "Белгілеу парағын (XLSX) --lang тілінде жазу"}));
  CLI::Option* import = cmd->add_option("--import", flags->import,
                                        T(ctx, {"Read a labelled sheet and store its labels",
                                                "Прочитать размеченный лист и сохранить метки",
                                                "Белгіленген парақты оқып, белгілерді сақтау"}));
  out->excludes(import);
  cmd->add_option(
         "--sample", flags->sample,
         T(ctx, {"Posts in the sheet (default 100)", "Публикаций в листе (по умолчанию 100)",
                 "Парақтағы жазбалар (әдепкі 100)"}))
      ->check(CLI::Range(1, 100000));
  cmd->add_option(
      "--seed", flags->seed,
      T(ctx, {"Random seed of the sample (default 1)", "Seed случайной выборки (по умолчанию 1)",
              "Кездейсоқ іріктеудің seed мәні (әдепкі 1)"}));
  cmd->add_option("--rejects", flags->rejects,
                  T(ctx, {"Reject file (default <store>.rejects.jsonl)",
                          "Файл отклонённых записей (по умолчанию <store>.rejects.jsonl)",
                          "Қабылданбаған жазбалар файлы (әдепкі <store>.rejects.jsonl)"}));
  cmd->callback([&ctx, flags] {
    Status status = ValidateCommand(ctx, *flags);
    if (!status.ok()) ctx.exit_code = ReportError(ctx, status);
  });
}

}  // namespace tenlik::cli
