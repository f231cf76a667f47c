// Results of a cycle as CSV, XLSX or a printable HTML report, labelled in kk/ru/en.
// Suppressed groups appear in no file: only their name in the note saying so. The
// development plan, when given, is a section of the XLSX and HTML reports.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "report/report.h"
#include "review/cycle_internal.h"

namespace tenlik::review {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Labels {
  const std::string& lang;
  const std::string& operator()(const Text& text) const {
    return lang == "kk" ? text.kk : lang == "ru" ? text.ru : text.en;
  }
};

const Text kLevel[] = {{"Өлшем", "Измерение", "Dimension"},
                       {"Бөлім", "Раздел", "Section"},
                       {"Көрсеткіш", "Индикатор", "Indicator"}};

std::string Number(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string Number(const std::optional<double>& value, int decimals) {
  return value ? Number(*value, decimals) : "";
}

std::string GroupName(const Labels& in, const std::string& group) {
  const Text* label = GroupLabel(group);
  return label ? in(*label) : group;
}

report::Table ResultsTable(const CycleResults& results, const Labels& in) {
  report::Table table;
  table.id = "results";
  table.title = in({"Нәтижелер", "Результаты", "Results"});
  table.columns = {in({"Деңгей", "Уровень", "Level"}), "id", in({"Атауы", "Название", "Title"}),
                   in({"Топ", "Группа", "Group"}),
                   in({"Респонденттер", "Респонденты", "Respondents"})};
  for (const ResponseOption& option : ResponseScale()) table.columns.push_back(in(option.label));
  table.columns.insert(table.columns.end(),
                       {in({"Балл (0-100)", "Балл (0-100)", "Score (0-100)"}),
                        in({"Стандартты ауытқу", "Стандартное отклонение", "Standard deviation"}),
                        in({"«Ақпарат жеткіліксіз» үлесі, %", "Доля «нужно больше информации», %",
                            "Share \"need more information\", %"}),
                        in({"Өзгеріс", "Изменение", "Change"})});
  for (const NodeResult& node : results.nodes) {
    for (const GroupCell& cell : node.groups) {
      if (cell.suppressed) continue;
      std::vector<std::string> row = {in(kLevel[static_cast<int>(node.level)]), node.id,
                                      in(node.title), GroupName(in, cell.group),
                                      std::to_string(cell.respondents)};
      for (int64_t count : cell.counts) row.push_back(std::to_string(count));
      row.insert(row.end(),
                 {Number(cell.score, 1), cell.score ? Number(cell.score_sd, 1) : "",
                  Number(100 * cell.need_more_information_share, 1), Number(cell.change, 1)});
      table.rows.push_back(std::move(row));
    }
  }
  table.note =
      in({"Балл: келісемін 2, ішінара келісемін 1, келіспеймін 0; әр респонденттің "
          "орташасы, 0-100 шкаласында. «Ақпарат жеткіліксіз» бағаланбайды.",
          "Балл: согласен 2, отчасти согласен 1, не согласен 0; среднее по каждому "
          "респонденту, по шкале 0-100. «Нужно больше информации» не оценивается.",
          "Score: agree 2, agree to some extent 1, disagree 0; each respondent's mean, "
          "on a 0-100 scale. \"Need more information\" is not scored."});
  return table;
}

report::Table GapsTable(const CycleResults& results, const Labels& in) {
  report::Table table;
  table.id = "gaps";
  table.title =
      in({"Топтар арасындағы алшақтықтар", "Расхождения между группами", "Gaps between groups"});
  table.columns = {"id",
                   in({"Атауы", "Название", "Title"}),
                   in({"Топ А", "Группа А", "Group A"}),
                   in({"Топ Б", "Группа Б", "Group B"}),
                   in({"Айырма (А − Б)", "Разница (А − Б)", "Difference (A − B)"}),
                   in({"Коэн d", "d Коэна", "Cohen's d"}),
                   in({"Белгіленген", "Отмечено", "Flagged"})};
  for (const NodeResult& node : results.nodes) {
    for (const Gap& gap : node.gaps) {
      table.rows.push_back({node.id, in(node.title), GroupName(in, gap.group_a),
                            GroupName(in, gap.group_b), Number(gap.difference, 1),
                            Number(gap.effect_size, 2),
                            gap.flagged ? in({"иә", "да", "yes"}) : ""});
    }
  }
  table.note = in({"Алшақтық |d| " + Number(results.gap_threshold, 1) +
                       " немесе одан көп болса белгіленеді (Коэн d: айырма ортақ стандартты "
                       "ауытқуға бөлінген).",
                   "Расхождение отмечается при |d| не меньше " + Number(results.gap_threshold, 1) +
                       " (d Коэна: разница, делённая на объединённое стандартное отклонение).",
                   "A gap is flagged from |d| = " + Number(results.gap_threshold, 1) +
                       " (Cohen's d: the difference over the pooled standard deviation)."});
  return table;
}

// A bar chart of each dimension's indicator scores per shown group.
std::vector<report::Figure> ScoreFigures(const CycleResults& results, const Labels& in) {
  std::vector<report::Figure> figures;
  report::Figure* current = nullptr;
  for (const NodeResult& node : results.nodes) {
    if (node.level == NodeLevel::kDimension) {
      report::Figure figure;
      std::string id = "scores-" + node.id;
      for (char& c : id) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
      }
      figure.id = id;
      figure.title = node.id + ". " + in(node.title);
      figure.value_label = in({"балл (0-100)", "балл (0-100)", "score (0-100)"});
      figure.note = in({"Көрсеткіштер бойынша балл, топтар бойынша.",
                        "Балл по индикаторам, по группам.", "Score per indicator, by group."});
      for (const GroupCell& cell : node.groups) {
        if (!cell.suppressed) figure.series.push_back({GroupName(in, cell.group), {}, {}, {}});
      }
      figures.push_back(std::move(figure));
      current = &figures.back();
      continue;
    }
    if (node.level != NodeLevel::kIndicator || current == nullptr) continue;
    current->categories.push_back(node.id);
    size_t series = 0;
    for (const GroupCell& cell : node.groups) {
      if (!cell.suppressed) current->series[series++].values.push_back(cell.score);
    }
  }
  std::erase_if(figures, [](const report::Figure& f) { return f.series.empty(); });
  return figures;
}

const Text& StatusLabel(ActionStatus status) {
  static const Text kLabels[] = {{"Басталмаған", "Не начато", "Not started"},
                                 {"Орындалуда", "Выполняется", "In progress"},
                                 {"Орындалды", "Выполнено", "Done"},
                                 {"Тоқтап тұр", "Заблокировано", "Blocked"}};
  return kLabels[static_cast<int>(status)];
}

// A row per action, or per priority that has none yet.
report::Table PlanTable(const DevelopmentPlan& plan, const Labels& in) {
  report::Table table;
  table.id = "plan";
  table.title = in({"Даму жоспары", "План развития", "Development plan"});
  table.columns = {"id",
                   in({"Көрсеткіш", "Индикатор", "Indicator"}),
                   in({"Неге таңдалды", "Почему выбран", "Why chosen"}),
                   in({"Әрекет", "Действие", "Action"}),
                   in({"Жауапты рөл", "Ответственная роль", "Responsible role"}),
                   in({"Басталуы", "Начало", "Start"}),
                   in({"Мерзімі", "Срок", "Due"}),
                   in({"Ресурстар", "Ресурсы", "Resources"}),
                   in({"Табыс дәлелі", "Свидетельство успеха", "Evidence of success"}),
                   in({"Күйі", "Статус", "Status"})};
  for (const Priority& priority : plan.priorities) {
    const std::vector<std::string> head = {priority.fields.indicator_id, in(priority.title),
                                           priority.fields.reason};
    if (priority.actions.empty()) {
      std::vector<std::string> row = head;
      row.resize(table.columns.size());
      table.rows.push_back(std::move(row));
    }
    for (const Action& action : priority.actions) {
      const ActionFields& f = action.fields;
      std::vector<std::string> row = head;
      row.insert(row.end(), {f.what, f.responsible_role, f.start, f.due, f.resources,
                             f.success_evidence, in(StatusLabel(LatestStatus(action)))});
      table.rows.push_back(std::move(row));
    }
  }
  table.note = in({"Күйі: әрекеттің соңғы жаңартуы бойынша.",
                   "Статус: по последнему обновлению "
                   "действия.",
                   "Status: as of the action's latest progress update."});
  return table;
}

report::Report BuildReport(const CycleResults& results, const Instrument& instrument,
                           const Labels& in, const std::optional<DevelopmentPlan>& plan) {
  const Cycle& cycle = results.cycle;
  report::Report out;
  out.lang = in.lang;
  out.title = in(instrument.title) + ": " + cycle.unit.name;
  out.subtitle = in({"Цикл ", "Цикл ", "Cycle "}) + cycle.label + " · " + instrument.id + " " +
                 in({"нұсқа ", "версия ", "version "}) + std::to_string(instrument.version) +
                 " · " +
                 (cycle.state == CycleState::kClosed ? in({"жабық", "закрыт", "closed"})
                                                     : in({"ашық", "открыт", "open"}));
  std::string suppressed;
  for (const GroupProgress& g : cycle.groups) {
    if (!g.responses) suppressed += (suppressed.empty() ? "" : ", ") + GroupName(in, g.group);
  }
  out.caveat = in({"Жауаптар жасырын. 5-тен аз респонденті бар топ ешбір кестеде көрсетілмейді.",
                   "Ответы анонимны. Группа, в которой меньше 5 респондентов, не показывается "
                   "ни в одной таблице.",
                   "Responses are anonymous. A group with fewer than 5 respondents is shown in "
                   "no table."});
  if (!suppressed.empty()) {
    out.caveat += " " + in({"Көрсетілмеген: ", "Не показаны: ", "Not shown: "}) + suppressed + ".";
  }
  if (results.previous_cycle_id) {
    out.caveat += " " +
                  in({"Өзгеріс алдыңғы циклмен салыстырылады: ",
                      "Изменение — по сравнению с предыдущим циклом: ",
                      "Change is against the previous cycle: "}) +
                  results.previous_label + ".";
  }
  report::Section scores{"scores", in({"Балдар", "Баллы", "Scores"}), {}};
  for (report::Figure& figure : ScoreFigures(results, in)) {
    scores.blocks.push_back({std::nullopt, std::move(figure), std::nullopt});
  }
  scores.blocks.push_back({std::nullopt, std::nullopt, ResultsTable(results, in)});
  report::Section gaps{"gaps", in({"Алшақтықтар", "Расхождения", "Gaps"}), {}};
  gaps.blocks.push_back({std::nullopt, std::nullopt, GapsTable(results, in)});
  out.sections = {std::move(scores), std::move(gaps)};
  if (plan && !plan->priorities.empty()) {
    report::Section development{
        "plan", in({"Даму жоспары", "План развития", "Development plan"}), {}};
    development.blocks.push_back({std::nullopt, std::nullopt, PlanTable(*plan, in)});
    out.sections.push_back(std::move(development));
  }
  out.footer = "Tenlik · " + cycle.unit.region;
  return out;
}

std::string CsvField(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

Status WriteCsvFile(const report::Table& table, const std::string& path) {
  std::string text = "\xEF\xBB\xBF";  // spreadsheet programs then read Cyrillic right
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) text += (i ? "," : "") + CsvField(cells[i]);
    text += "\r\n";
  };
  line(table.columns);
  for (const auto& row : table.rows) line(row);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return IoError(path + ": cannot be written");
  return Status::Ok();
}

}  // namespace

Status ExportResults(const CycleResults& results, const Instrument& instrument,
                     const std::string& lang, const std::string& path,
                     const std::optional<DevelopmentPlan>& plan) {
  if (lang != "kk" && lang != "ru" && lang != "en") {
    return InvalidArgument("language '" + lang + "': expected kk, ru or en");
  }
  const Labels in{lang};
  if (EndsWith(path, ".csv")) return WriteCsvFile(ResultsTable(results, in), path);
  if (EndsWith(path, ".xlsx"))
    return report::WriteXlsx(BuildReport(results, instrument, in, plan), path);
  if (EndsWith(path, ".html"))
    return report::WriteHtml(BuildReport(results, instrument, in, plan), path);
  return InvalidArgument(path + ": expected a file name ending in .csv, .xlsx or .html");
}

}  // namespace tenlik::review
