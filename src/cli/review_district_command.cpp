// `tenlik review district overview DISTRICT`: the district's schools side by side
// (docs/review.md "District overview"); groups under five stay suppressed.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cli.h"
#include "cli/review_shared.h"
#include "review/review.h"

namespace tenlik::cli {
namespace {

struct DistrictFlags {
  std::string district;
  std::string instrument = "school";
  std::string label;
};

// One line per node: its id and title, then per school the shown groups' scores.
Status RunOverview(const Context& ctx, const DistrictFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  std::optional<std::string> label;
  if (!flags.label.empty()) label = flags.label;
  TENLIK_ASSIGN_OR_RETURN(
      review::DistrictOverview overview,
      review::ComputeDistrictOverview(*db, flags.district, flags.instrument, label));
  if (ctx.json) {
    std::cout << review::DistrictOverviewToJson(overview) << "\n";
    return Status::Ok();
  }
  if (overview.schools.empty()) {
    std::cout << T(ctx, {"No closed school cycle names this district.\n",
                         "Нет закрытых циклов школ этого района.\n",
                         "Бұл ауданның мектептерінде жабық цикл жоқ.\n"});
    return Status::Ok();
  }
  std::cout << T(ctx, {"Groups with fewer than 5 respondents are not shown.\n",
                       "Группы, в которых меньше 5 респондентов, не показываются.\n",
                       "5-тен аз респонденті бар топтар көрсетілмейді.\n"});
  for (size_t s = 0; s < overview.schools.size(); ++s) {
    const review::Cycle& cycle = overview.schools[s].cycle;
    std::cout << "[" << s + 1 << "] " << cycle.unit.name << " · " << cycle.label << " (" << cycle.id
              << ")\n";
  }
  const std::vector<review::NodeResult>& nodes = overview.schools[0].nodes;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const bool dimension = nodes[n].level == review::NodeLevel::kDimension;
    std::cout << (dimension ? "" : "  ") << nodes[n].id << " " << TextIn(ctx, nodes[n].title)
              << "\n";
    for (size_t s = 0; s < overview.schools.size(); ++s) {
      std::string line = (dimension ? "  [" : "    [") + std::to_string(s + 1) + "]";
      for (const review::NodeResult& node : overview.schools[s].nodes) {
        if (node.id != nodes[n].id) continue;
        for (const review::GroupCell& cell : node.groups) {
          if (cell.suppressed) continue;
          line += " " + GroupName(ctx, cell.group) + " " + ScoreText(cell.score);
        }
      }
      std::cout << line << "\n";
    }
  }
  return Status::Ok();
}

}  // namespace

void RegisterReviewDistrictCommands(CLI::App& review, Context& ctx) {
  auto flags = std::make_shared<DistrictFlags>();
  CLI::App* district = review.add_subcommand(
      "district",
      T(ctx, {"A district's view of its schools' reviews", "Обзор районом самооценки его школ",
              "Ауданның өз мектептерінің өзін-өзі бағалауына шолуы"}));
  district->require_subcommand(1);
  CLI::App* overview = district->add_subcommand(
      "overview",
      T(ctx, {"The district's schools side by side: each school's latest closed cycle (or "
              "the one with --label), dimension and indicator scores per group. Groups with "
              "fewer than 5 respondents are not shown, and no totals are given",
              "Школы района рядом: последний закрытый цикл каждой школы (или цикл с "
              "--label), баллы измерений и индикаторов по группам. Группы, где меньше 5 "
              "респондентов, не показываются, итоги не приводятся",
              "Аудан мектептері қатар: әр мектептің соңғы жабық циклі (немесе --label "
              "циклі), өлшемдер мен көрсеткіштердің топтар бойынша балдары. 5-тен аз "
              "респонденті бар топтар көрсетілмейді, жиынтық берілмейді"}));
  overview
      ->add_option("district", flags->district,
                   T(ctx, {"District id, as given to `cycle open --district`",
                           "Идентификатор района, как в `cycle open --district`",
                           "Аудан идентификаторы, `cycle open --district` ішіндегідей"}))
      ->required();
  overview->add_option(
      "--instrument", flags->instrument,
      T(ctx, {"Instrument id (default school)", "Идентификатор инструмента (по умолчанию school)",
              "Құрал идентификаторы (әдепкі school)"}));
  overview->add_option("--label", flags->label,
                       T(ctx, {"Cycle label to compare, such as 2026 (default: each "
                               "school's latest closed cycle)",
                               "Название цикла для сравнения, например 2026 (по умолчанию — "
                               "последний закрытый цикл каждой школы)",
                               "Салыстырылатын цикл атауы, мысалы 2026 (әдепкі: әр мектептің "
                               "соңғы жабық циклі)"}));
  Wire(overview, ctx, [&ctx, flags] { return RunOverview(ctx, *flags); });
}

}  // namespace tenlik::cli
