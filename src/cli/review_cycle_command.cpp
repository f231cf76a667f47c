// `tenlik review cycle open|codes|close|list|import|results|export`: review cycles
// with anonymous access codes, paper responses, results and their exports
// (docs/review.md). Codes are shown once, when they are issued.
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/cli.h"
#include "cli/review_shared.h"
#include "listen/listen.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::cli {
namespace {

namespace fs = std::filesystem;

struct CycleFlags {
  std::string unit_id;
  std::string unit_name;
  std::string region;
  std::string instrument;
  int instrument_version = 0;  // 0: the highest stored
  std::string label;
  std::string district;            // of a school
  std::vector<std::string> codes;  // "group=count"
  int64_t cycle = 0;
  std::string group;
  int count = 0;
  std::string out;       // folder for codes.csv and QR codes
  std::string base_url;  // of the answering site, for the QR codes
  std::string file;      // paper responses
  std::string rejects;   // reject file of the import
  std::string format;    // of an export: csv, xlsx, html
  double gap_threshold = 0.5;
};

Result<std::vector<std::pair<std::string, int>>> ParseCodeCounts(
    const Context& ctx, const std::vector<std::string>& specs) {
  std::vector<std::pair<std::string, int>> counts;
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    int count = -1;
    if (eq != std::string::npos && eq + 1 < spec.size() &&
        spec.find_first_not_of("0123456789", eq + 1) == std::string::npos &&
        spec.size() - eq - 1 <= 6) {
      count = std::stoi(spec.substr(eq + 1));
    }
    if (count < 0) {
      return InvalidArgument("--codes " + spec + ": " +
                             T(ctx, {"expected GROUP=COUNT, such as staff=40",
                                     "ожидается ГРУППА=ЧИСЛО, например staff=40",
                                     "ТОП=САН күтіледі, мысалы staff=40"}));
    }
    counts.emplace_back(spec.substr(0, eq), count);
  }
  return counts;
}

nlohmann::json CycleJson(const review::Cycle& cycle) {
  return nlohmann::json::parse(review::CycleToJson(cycle));
}

void PrintCycle(const Context& ctx, const review::Cycle& cycle) {
  std::cout << cycle.id << "\t" << cycle.unit.id << "\t" << cycle.unit.name << "\t"
            << cycle.instrument_id << " " << cycle.instrument_version << "\t" << cycle.label << "\t"
            << review::CycleStateName(cycle.state) << "\t" << FormatUtcMinute(cycle.opened_at)
            << "\n";
  for (const review::GroupProgress& g : cycle.groups) {
    const review::Text* label = review::GroupLabel(g.group);
    std::cout << "  " << (label ? TextIn(ctx, *label) : g.group) << ": " << g.codes_issued
              << T(ctx, {" codes, ", " кодов, ", " код, "})
              << (g.responses ? std::to_string(*g.responses)
                              : T(ctx, {"fewer than 5", "меньше 5", "5-тен аз"}))
              << T(ctx, {" responses\n", " ответов\n", " жауап\n"});
  }
}

// Shows the codes once: on standard output, or into `flags.out` as codes.csv with a
// QR code (SVG) per code when a folder is given. The folder must be new or empty, so
// that codes of different batches are never mixed up.
Status ShowCodes(const Context& ctx, const CycleFlags& flags,
                 const std::vector<review::IssuedCode>& codes, nlohmann::json* json) {
  if (flags.out.empty()) {
    if (ctx.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const review::IssuedCode& c : codes) {
        list.push_back({{"group", c.group}, {"code", c.code}});
      }
      (*json)["codes"] = std::move(list);
      return Status::Ok();
    }
    for (const review::IssuedCode& c : codes) std::cout << c.group << "\t" << c.code << "\n";
    return Status::Ok();
  }
  std::error_code error;
  if (fs::exists(flags.out) && !fs::is_empty(flags.out, error)) {
    return InvalidArgument(flags.out + ": " +
                           T(ctx, {"expected a new or empty folder for the codes",
                                   "для кодов нужна новая или пустая папка",
                                   "кодтар үшін жаңа немесе бос қалта керек"}));
  }
  fs::create_directories(fs::path(flags.out) / "qr", error);
  if (error) return IoError(flags.out + ": " + error.message());
  // Only the owner may read the codes until they are handed out.
  fs::permissions(flags.out, fs::perms::owner_all, error);
  std::ofstream csv(fs::path(flags.out) / "codes.csv");
  csv << "group,code,qr\n";
  std::map<std::string, int> numbers;
  for (const review::IssuedCode& c : codes) {
    const std::string name = c.group + "-" + std::to_string(++numbers[c.group]) + ".svg";
    csv << c.group << "," << c.code << "," << (flags.base_url.empty() ? "" : "qr/" + name) << "\n";
    if (flags.base_url.empty()) continue;
    TENLIK_ASSIGN_OR_RETURN(std::string svg, review::QrSvg(flags.base_url, c.code));
    std::ofstream(fs::path(flags.out) / "qr" / name) << svg;
  }
  csv.close();
  if (!csv) return IoError(flags.out + "/codes.csv: cannot be written");
  if (ctx.json) {
    (*json)["codes_file"] = (fs::path(flags.out) / "codes.csv").string();
  } else {
    std::cout << codes.size()
              << T(ctx, {" codes written to ", " кодов записано в ", " код жазылды: "})
              << (fs::path(flags.out) / "codes.csv").string() << "\n";
  }
  return Status::Ok();
}

Status RunOpen(const Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto counts, ParseCodeCounts(ctx, flags.codes));
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  std::optional<int> version;
  if (flags.instrument_version > 0) version = flags.instrument_version;
  // The unit is of the instrument's kind: a school instrument reviews a school.
  TENLIK_ASSIGN_OR_RETURN(review::Instrument instrument,
                          review::GetInstrument(*db, flags.instrument, version));
  review::OpenCycleRequest request;
  request.unit = {flags.unit_id, flags.unit_name, flags.region, instrument.kind};
  request.instrument_id = instrument.id;
  request.instrument_version = instrument.version;
  request.label = flags.label;
  request.codes = std::move(counts);
  request.district_id = flags.district;
  TENLIK_ASSIGN_OR_RETURN(review::OpenedCycle opened,
                          review::OpenCycle(*db, request, std::time(nullptr)));
  nlohmann::json json = {{"cycle", CycleJson(opened.cycle)}};
  if (!ctx.json) {
    std::cout << T(ctx, {"Opened cycle ", "Открыт цикл ", "Цикл ашылды: "}) << opened.cycle.id
              << "\n";
  }
  TENLIK_RETURN_IF_ERROR(ShowCodes(ctx, flags, opened.codes, &json));
  if (ctx.json) std::cout << json.dump(2) << "\n";
  return Status::Ok();
}

Status RunCodes(const Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(auto codes,
                          review::IssueCodes(*db, flags.cycle, flags.group, flags.count));
  nlohmann::json json = {{"cycle", flags.cycle}};
  TENLIK_RETURN_IF_ERROR(ShowCodes(ctx, flags, codes, &json));
  if (ctx.json) std::cout << json.dump(2) << "\n";
  return Status::Ok();
}

Status RunClose(const Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_RETURN_IF_ERROR(review::CloseCycle(*db, flags.cycle, std::time(nullptr)));
  TENLIK_ASSIGN_OR_RETURN(review::Cycle cycle, review::GetCycle(*db, flags.cycle));
  if (ctx.json) {
    std::cout << CycleJson(cycle).dump(2) << "\n";
  } else {
    std::cout << T(ctx, {"Closed cycle ", "Закрыт цикл ", "Цикл жабылды: "}) << cycle.id << "\n";
  }
  return Status::Ok();
}

Status RunList(const Context& ctx) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(auto cycles, review::ListCycles(*db));
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const review::Cycle& cycle : cycles) list.push_back(CycleJson(cycle));
    std::cout << list.dump(2) << "\n";
    return Status::Ok();
  }
  if (cycles.empty()) {
    std::cout << T(ctx, {"No review cycles in the store.\n", "В хранилище нет циклов самооценки.\n",
                         "Қоймада өзін-өзі бағалау циклдері жоқ.\n"});
  }
  for (const review::Cycle& cycle : cycles) PrintCycle(ctx, cycle);
  return Status::Ok();
}

Status RunImport(Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(
      review::PaperImport imported,
      review::ImportPaperResponses(*db, flags.cycle, flags.file, std::time(nullptr)));
  // Rejects go to the reject file of listening's ingest, with the same fields.
  const std::string rejects_path = flags.rejects.empty()
                                       ? listen::RejectsPathFor(store::ResolveLocation(ctx.store))
                                       : flags.rejects;
  std::vector<listen::Reject> rejects;
  for (const review::PaperReject& r : imported.rejects) {
    rejects.push_back({r.file, r.row, r.record, r.column, r.reason, r.raw});
  }
  TENLIK_RETURN_IF_ERROR(listen::AppendRejects(rejects, rejects_path));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle},
                                {"rows", imported.rows},
                                {"imported", imported.imported},
                                {"rejected", imported.rejects.size()},
                                {"rejects", imported.rejects.empty() ? "" : rejects_path}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << flags.file << ": " << imported.rows << T(ctx, {" rows, ", " строк, ", " жол, "})
              << imported.imported << T(ctx, {" stored, ", " сохранено, ", " сақталды, "})
              << imported.rejects.size()
              << T(ctx, {" rejected\n", " отклонено\n", " қабылданбады\n"});
    for (const review::PaperReject& r : imported.rejects) {
      std::cerr << r.file << T(ctx, {" row ", " строка ", " жол "}) << r.row
                << (r.column.empty() ? "" : ", " + r.column) << ": " << r.reason << "\n";
    }
    if (!imported.rejects.empty()) {
      std::cout << T(ctx, {"Rejected rows: ", "Отклонённые строки: ", "Қабылданбаған жолдар: "})
                << rejects_path << "\n";
    }
  }
  ctx.exit_code = imported.rejects.empty() ? kExitOk : kExitSomeRejected;
  return Status::Ok();
}

Status RunResults(const Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(review::CycleResults results,
                          review::ComputeResults(*db, flags.cycle, flags.gap_threshold));
  if (ctx.json) {
    std::cout << review::ResultsToJson(results) << "\n";
    return Status::Ok();
  }
  const std::string lang = ReportLang(ctx);
  auto in = [&lang](const review::Text& text) -> const std::string& {
    return lang == "kk" ? text.kk : lang == "ru" ? text.ru : text.en;
  };
  const review::Cycle& cycle = results.cycle;
  std::cout << cycle.unit.name << " · " << cycle.label << " · " << cycle.instrument_id << " "
            << cycle.instrument_version << " · "
            << (cycle.state == review::CycleState::kOpen ? T(ctx, {"open", "открыт", "ашық"})
                                                         : T(ctx, {"closed", "закрыт", "жабық"}))
            << "\n";
  if (results.previous_cycle_id) {
    std::cout << T(ctx, {"Change against cycle ", "Изменение относительно цикла ",
                         "Өзгеріс мына циклмен салыстырылады: "})
              << *results.previous_cycle_id << " (" << results.previous_label << ")\n";
  }
  std::cout << T(ctx, {"Groups with fewer than 5 respondents are not shown.\n",
                       "Группы, в которых меньше 5 респондентов, не показываются.\n",
                       "5-тен аз респонденті бар топтар көрсетілмейді.\n"})
            << T(ctx, {"n: respondents; score 0-100 (agree 2, to some extent 1, disagree 0); "
                       "change; ?: share of \"need more information\"; !: gap flagged\n",
                       "n: респонденты; балл 0-100 (согласен 2, отчасти 1, не согласен 0); "
                       "изменение; ?: доля «нужно больше информации»; !: отмеченное "
                       "расхождение\n",
                       "n: респонденттер; балл 0-100 (келісемін 2, ішінара 1, келіспеймін 0); "
                       "өзгеріс; ?: «ақпарат жеткіліксіз» үлесі; !: белгіленген алшақтық\n"});
  // One line per node and group: score, change, "need more information" share.
  for (const review::NodeResult& node : results.nodes) {
    const std::string indent = node.level == review::NodeLevel::kDimension ? ""
                               : node.level == review::NodeLevel::kSection ? "  "
                                                                           : "    ";
    std::cout << indent << node.id << " " << in(node.title) << "\n";
    for (const review::GroupCell& cell : node.groups) {
      if (cell.suppressed) continue;
      const review::Text* label = review::GroupLabel(cell.group);
      char line[160];
      std::snprintf(line, sizeof line, "%s  %-14s n=%-5lld %6s %7s  ?=%.0f%%", indent.c_str(),
                    (label ? in(*label) : cell.group).c_str(),
                    static_cast<long long>(cell.respondents), ScoreText(cell.score).c_str(),
                    cell.change ? ((*cell.change >= 0 ? "+" : "") +
                                   std::to_string(static_cast<int>(std::lround(*cell.change))))
                                      .c_str()
                                : "",
                    100 * cell.need_more_information_share);
      std::cout << line << "\n";
    }
    for (const review::Gap& gap : node.gaps) {
      if (!gap.flagged) continue;
      std::cout << indent << "  ! " << gap.group_a << " - " << gap.group_b << ": "
                << std::lround(gap.difference) << " (" << EffectSizeText(ctx, gap.effect_size)
                << ")\n";
    }
  }
  return Status::Ok();
}

Status RunExport(const Context& ctx, const CycleFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(review::CycleResults results,
                          review::ComputeResults(*db, flags.cycle, flags.gap_threshold));
  TENLIK_ASSIGN_OR_RETURN(
      review::Instrument instrument,
      review::GetInstrument(*db, results.cycle.instrument_id, results.cycle.instrument_version));
  std::string out = flags.out;
  if (out.empty()) out = "review-cycle-" + std::to_string(flags.cycle) + "." + flags.format;
  const std::string suffix = "." + flags.format;
  if (out.size() < suffix.size() ||
      out.compare(out.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return InvalidArgument(
        out + ": " +
        T(ctx, {"expected a file name ending in ", "ожидается имя файла с окончанием ",
                "кеңейтімі мынадай файл аты күтіледі: "}) +
        suffix);
  }
  // A closed cycle's plan, when chosen, is printed with its results.
  TENLIK_ASSIGN_OR_RETURN(review::DevelopmentPlan plan, review::GetPlan(*db, flags.cycle));
  TENLIK_RETURN_IF_ERROR(review::ExportResults(results, instrument, ReportLang(ctx), out, plan));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"file", out}}.dump(2) << "\n";
  } else {
    std::cout << T(ctx, {"Written ", "Записан ", "Жазылды: "}) << out << "\n";
  }
  return Status::Ok();
}

void AddCodeOutput(CLI::App* command, const Context& ctx, CycleFlags& flags) {
  command->add_option(
      "--out", flags.out,
      T(ctx, {"Write the codes to FOLDER/codes.csv (and QR codes to FOLDER/qr/ with "
              "--base-url) instead of standard output; FOLDER must be new or empty",
              "Записать коды в ПАПКА/codes.csv (и QR-коды в ПАПКА/qr/ при --base-url) вместо "
              "стандартного вывода; ПАПКА должна быть новой или пустой",
              "Кодтарды стандартты шығысқа емес, ҚАЛТА/codes.csv файлына (--base-url берілсе, "
              "QR-кодтарды ҚАЛТА/qr/ ішіне) жазу; ҚАЛТА жаңа немесе бос болуы керек"}));
  command->add_option("--base-url", flags.base_url,
                      T(ctx, {"Address of the answering site; each QR code opens BASE/r/CODE",
                              "Адрес сайта для ответов; каждый QR-код открывает BASE/r/КОД",
                              "Жауап беру сайтының мекенжайы; әр QR-код BASE/r/КОД ашады"}));
}

}  // namespace

void RegisterReviewCycleCommands(CLI::App& review, Context& ctx) {
  auto flags = std::make_shared<CycleFlags>();
  CLI::App* cycle = review.add_subcommand(
      "cycle", T(ctx, {"Review cycles: open, issue anonymous access codes, import paper answers, "
                       "close, results, export, list",
                       "Циклы самооценки: открыть, выдать анонимные коды доступа, импорт бумажных "
                       "анкет, закрыть, результаты, экспорт, список",
                       "Өзін-өзі бағалау циклдері: ашу, жасырын кіру кодтарын беру, қағаз "
                       "сауалнамаларды енгізу, жабу, нәтижелер, экспорт, тізім"}));
  cycle->require_subcommand(1);

  CLI::App* open = cycle->add_subcommand(
      "open",
      T(ctx, {"Open a cycle for a school or district on a stored instrument and issue "
              "single-use anonymous access codes per respondent group. The codes are shown "
              "this once: the store keeps only their hashes",
              "Открыть цикл для школы или района по инструменту из хранилища и выдать "
              "одноразовые анонимные коды доступа для каждой группы респондентов. Коды "
              "показываются только сейчас: в хранилище остаются лишь их хеши",
              "Мектеп немесе аудан үшін қоймадағы құрал бойынша цикл ашып, әр респондент "
              "тобына бір реттік жасырын кіру кодтарын беру. Кодтар тек осы жолы көрсетіледі: "
              "қоймада тек олардың хештері сақталады"}));
  open->add_option("--unit-id", flags->unit_id,
                   T(ctx, {"Identifier of the school or district", "Идентификатор школы или района",
                           "Мектептің немесе ауданның идентификаторы"}))
      ->required();
  open->add_option("--unit-name", flags->unit_name,
                   T(ctx, {"Name of the school or district as printed",
                           "Название школы или района для печати",
                           "Басып шығаруға арналған мектептің немесе ауданның атауы"}))
      ->required();
  open->add_option("--region", flags->region,
                   T(ctx, {"ISO 3166-2 code of the region, such as KZ-ALA",
                           "Код региона ISO 3166-2, например KZ-ALA",
                           "Өңірдің ISO 3166-2 коды, мысалы KZ-ALA"}))
      ->required();
  open->add_option("--instrument", flags->instrument,
                   T(ctx, {"Instrument id: school or district (or one imported)",
                           "Идентификатор инструмента: school или district (или импортированный)",
                           "Құрал идентификаторы: school немесе district (немесе импортталған)"}))
      ->required();
  open->add_option("--instrument-version", flags->instrument_version,
                   T(ctx, {"Instrument version (default: the highest stored)",
                           "Версия инструмента (по умолчанию — последняя сохранённая)",
                           "Құрал нұсқасы (әдепкі: қоймадағы ең соңғысы)"}))
      ->check(CLI::PositiveNumber);
  open->add_option("--label", flags->label,
                   T(ctx, {"Name of the cycle, such as 2026", "Название цикла, например 2026",
                           "Цикл атауы, мысалы 2026"}))
      ->required();
  open->add_option("--district", flags->district,
                   T(ctx, {"District id of the school, for the district overview",
                           "Идентификатор района школы, для обзора района",
                           "Мектеп ауданының идентификаторы, аудан шолуы үшін"}));
  open->add_option("--codes", flags->codes,
                   T(ctx, {"GROUP=COUNT codes to issue, repeatable: staff, students, parents "
                           "(school); district_staff, school_leaders (district)",
                           "ГРУППА=ЧИСЛО кодов, можно повторять: staff, students, parents "
                           "(школа); district_staff, school_leaders (район)",
                           "ТОП=САН берілетін кодтар, қайталауға болады: staff, students, "
                           "parents (мектеп); district_staff, school_leaders (аудан)"}));
  AddCodeOutput(open, ctx, *flags);
  Wire(open, ctx, [&ctx, flags] { return RunOpen(ctx, *flags); });

  CLI::App* codes = cycle->add_subcommand(
      "codes", T(ctx, {"Issue more access codes for one group of an open cycle",
                       "Выдать дополнительные коды доступа одной группе открытого цикла",
                       "Ашық циклдің бір тобына қосымша кіру кодтарын беру"}));
  AddCycleArgument(codes, ctx, flags->cycle);
  codes
      ->add_option("--group", flags->group,
                   T(ctx, {"Respondent group", "Группа респондентов", "Респондент тобы"}))
      ->required();
  codes
      ->add_option("--count", flags->count,
                   T(ctx, {"Number of codes", "Количество кодов", "Кодтар саны"}))
      ->required()
      ->check(CLI::Range(1, 100000));
  AddCodeOutput(codes, ctx, *flags);
  Wire(codes, ctx, [&ctx, flags] { return RunCodes(ctx, *flags); });

  CLI::App* close = cycle->add_subcommand(
      "close", T(ctx, {"Close a cycle: no more drafts or responses; unsubmitted drafts are "
                       "deleted",
                       "Закрыть цикл: больше никаких черновиков и ответов; неотправленные "
                       "черновики удаляются",
                       "Циклды жабу: бұдан әрі жоба да, жауап та қабылданбайды; жіберілмеген "
                       "жобалар өшіріледі"}));
  AddCycleArgument(close, ctx, flags->cycle);
  Wire(close, ctx, [&ctx, flags] { return RunClose(ctx, *flags); });

  CLI::App* list = cycle->add_subcommand(
      "list", T(ctx, {"List cycles, newest first, with codes issued and responses per group "
                      "(a count below 5 is not shown)",
                      "Список циклов, новые первыми, с числом кодов и ответов по группам "
                      "(число меньше 5 не показывается)",
                      "Циклдер тізімі, жаңасы алдымен, топтар бойынша кодтар мен жауаптар саны "
                      "(5-тен аз сан көрсетілмейді)"}));
  Wire(list, ctx, [&ctx] { return RunList(ctx); });

  CLI::App* import = cycle->add_subcommand(
      "import",
      T(ctx, {"Import paper questionnaires into an open cycle from a CSV or XLSX file: a "
              "header with group and question ids, a row per respondent. Bad rows go to the "
              "reject file with the reason (exit code 3); the rest are stored",
              "Импортировать бумажные анкеты в открытый цикл из файла CSV или XLSX: заголовок "
              "с group и идентификаторами вопросов, по строке на респондента. Ошибочные "
              "строки попадают в файл отклонённых записей с причиной (код выхода 3); "
              "остальные сохраняются",
              "Қағаз сауалнамаларды CSV немесе XLSX файлынан ашық циклге импорттау: group "
              "пен сұрақ идентификаторлары бар тақырып жолы, әр респондентке бір жол. Қате "
              "жолдар себебімен қабылданбаған жазбалар файлына түседі (шығу коды 3); "
              "қалғандары сақталады"}));
  AddCycleArgument(import, ctx, flags->cycle);
  import
      ->add_option(
          "file", flags->file,
          T(ctx, {"CSV (UTF-8, ',' or ';') or XLSX file", "Файл CSV (UTF-8, ',' или ';') или XLSX",
                  "CSV (UTF-8, ',' немесе ';') немесе XLSX файлы"}))
      ->required();
  import->add_option("--rejects", flags->rejects,
                     T(ctx, {"Reject file (default <store>.rejects.jsonl)",
                             "Файл отклонённых записей (по умолчанию <store>.rejects.jsonl)",
                             "Қабылданбаған жазбалар файлы (әдепкі <store>.rejects.jsonl)"}));
  import->callback([&ctx, flags] {
    Status status = RunImport(ctx, *flags);
  if (!status.ok()) ctx.exit_code = ReportError(ctx, status);
});

auto add_threshold = [&ctx, flags](CLI::App* command) {
  command
      ->add_option("--gap-threshold", flags->gap_threshold,
                   T(ctx, {"|Cohen's d| from which a gap between groups is flagged "
                           "(default 0.5)",
                           "|d Коэна|, начиная с которого расхождение между группами "
                           "отмечается (по умолчанию 0.5)",
                           "Топтар арасындағы алшақтық белгіленетін |Коэн d| мәні (әдепкі "
                           "0.5)"}))
      ->check(CLI::Range(0.0, 10.0));
};
CLI::App* results = cycle->add_subcommand(
    "results",
    T(ctx, {"Results per indicator, section and dimension and per group: score (agree 2, "
            "to some extent 1, disagree 0, on 0-100), the share of \"need more "
            "information\", gaps between groups (Cohen's d), change since the previous "
            "cycle. Groups with fewer than 5 respondents are not shown",
            "Результаты по индикаторам, разделам и измерениям и по группам: балл "
            "(согласен 2, отчасти 1, не согласен 0, по шкале 0-100), доля «нужно больше "
            "информации», расхождения между группами (d Коэна), изменение с прошлого "
            "цикла. Группы, где меньше 5 респондентов, не показываются",
            "Көрсеткіштер, бөлімдер мен өлшемдер және топтар бойынша нәтижелер: балл "
            "(келісемін 2, ішінара 1, келіспеймін 0, 0-100 шкаласында), «ақпарат "
            "жеткіліксіз» үлесі, топтар арасындағы алшақтықтар (Коэн d), алдыңғы циклден "
            "бергі өзгеріс. 5-тен аз респонденті бар топтар көрсетілмейді"}));
AddCycleArgument(results, ctx, flags->cycle);
add_threshold(results);
Wire(results, ctx, [&ctx, flags] { return RunResults(ctx, *flags); });

CLI::App* export_command = cycle->add_subcommand(
    "export",
    T(ctx, {"Write the results as CSV, XLSX or a printable HTML report, labelled "
            "in the language of --lang; groups with fewer than 5 respondents are left out",
            "Записать результаты в CSV, XLSX или печатный отчёт HTML с подписями "
            "на языке --lang; группы, где меньше 5 респондентов, не включаются",
            "Нәтижелерді --lang тіліндегі белгілермен CSV, XLSX немесе "
            "басып шығаруға болатын HTML есебі ретінде жазу; 5-тен аз "
            "респонденті бар топтар енгізілмейді"}));
AddCycleArgument(export_command, ctx, flags->cycle);
export_command
    ->add_option("--format", flags->format,
                 T(ctx, {"csv, xlsx or html", "csv, xlsx или html", "csv, xlsx немесе html"}))
    ->required()
    ->check(CLI::IsMember({"csv", "xlsx", "html"}));
export_command->add_option("--out", flags->out,
                           T(ctx, {"Output file (default review-cycle-N.FORMAT)",
                                   "Выходной файл (по умолчанию review-cycle-N.FORMAT)",
                                   "Шығыс файл (әдепкі review-cycle-N.FORMAT)"}));
add_threshold(export_command);
Wire(export_command, ctx, [&ctx, flags] { return RunExport(ctx, *flags); });
}  // namespace tenlik::cli

}  // namespace tenlik::cli
