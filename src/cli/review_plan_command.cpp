// `tenlik review plan suggest|add|action|progress|remove|show`: the development plan of
// a closed cycle (docs/review.md "Development plan"): priorities chosen from the
// results, their actions and progress, and the look back at the previous cycle's plan.
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/review_shared.h"
#include "review/review.h"

namespace tenlik::cli {
namespace {

struct PlanFlags {
  int64_t cycle = 0;
  double gap_threshold = 0.5;
  std::string indicator;
  std::string reason;
  std::string note;
  int64_t priority = 0;
  int64_t action = 0;
  review::ActionFields fields;
  std::string date;
  std::string status;
};

std::string Rounded(double value) { return std::to_string(std::lround(value)); }

std::string FindingText(const Context& ctx, const review::SuggestionFinding& f) {
  switch (f.reason) {
    case review::SuggestionReason::kLowScore:
      return T(ctx, {"low score: ", "низкий балл: ", "төмен балл: "}) + GroupName(ctx, f.group) +
             " " + Rounded(f.value);
    case review::SuggestionReason::kFlaggedGap: {
      return T(ctx, {"gap: ", "расхождение: ", "алшақтық: "}) + GroupName(ctx, f.group) + " - " +
             GroupName(ctx, f.other_group) + " " + Rounded(f.value) + " (" +
             EffectSizeText(ctx, f.effect_size) + ")";
    }
    case review::SuggestionReason::kNeedMoreInformation:
      break;
  }
  return T(ctx, {"need more information: ", "нужно больше информации: ", "ақпарат жеткіліксіз: "}) +
         GroupName(ctx, f.group) + " " + Rounded(100 * f.value) + "%";
}

Status RunSuggest(const Context& ctx, const PlanFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(review::CycleResults results,
                          review::ComputeResults(*db, flags.cycle, flags.gap_threshold));
  const std::vector<review::PrioritySuggestion> suggestions = review::SuggestPriorities(results);
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const review::PrioritySuggestion& s : suggestions) {
      nlohmann::json findings = nlohmann::json::array();
      for (const review::SuggestionFinding& f : s.findings) {
        nlohmann::json finding = {{"reason", review::SuggestionReasonName(f.reason)},
                                  {"group", f.group},
                                  {"value", f.value}};
        if (f.reason == review::SuggestionReason::kFlaggedGap) {
          finding["other_group"] = f.other_group;
          finding["effect_size"] =
              f.effect_size ? nlohmann::json(*f.effect_size) : nlohmann::json(nullptr);
        }
        findings.push_back(std::move(finding));
      }
      list.push_back({{"indicator_id", s.indicator_id},
                      {"title", {{"kk", s.title.kk}, {"ru", s.title.ru}, {"en", s.title.en}}},
                      {"lowest_score",
                       s.lowest_score ? nlohmann::json(*s.lowest_score) : nlohmann::json(nullptr)},
                      {"findings", std::move(findings)}});
    }
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"suggestions", std::move(list)}}.dump(2)
              << "\n";
    return Status::Ok();
  }
  if (suggestions.empty()) {
    std::cout << T(ctx, {"No indicator stands out: no low score, flagged gap or much \"need "
                         "more information\" in a shown group.\n",
                         "Ни один индикатор не выделяется: в показанных группах нет низких "
                         "баллов, отмеченных расхождений и частого «нужно больше информации».\n",
                         "Ешбір көрсеткіш ерекшеленбейді: көрсетілген топтарда төмен балл, "
                         "белгіленген алшақтық немесе жиі «ақпарат жеткіліксіз» жоқ.\n"});
  }
  for (const review::PrioritySuggestion& s : suggestions) {
    std::cout << s.indicator_id << " " << TextIn(ctx, s.title) << "\n";
    for (const review::SuggestionFinding& f : s.findings) {
      std::cout << "  " << FindingText(ctx, f) << "\n";
    }
  }
  return Status::Ok();
}

Status RunAdd(const Context& ctx, const PlanFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(
      int64_t id,
      review::AddPriority(*db, flags.cycle, {flags.indicator, flags.reason, flags.note}));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"priority", id}}.dump(2) << "\n";
  } else {
    std::cout << T(ctx, {"Added priority ", "Добавлен приоритет ", "Басымдық қосылды: "}) << id
              << "\n";
  }
  return Status::Ok();
}

Status RunAction(const Context& ctx, const PlanFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(int64_t id,
                          review::AddAction(*db, flags.cycle, flags.priority, flags.fields));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle},
                                {"priority", flags.priority},
                                {"action", id}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << T(ctx, {"Added action ", "Добавлено действие ", "Әрекет қосылды: "}) << id << "\n";
  }
  return Status::Ok();
}

Status RunProgress(const Context& ctx, const PlanFlags& flags) {
  std::optional<review::ActionStatus> status = review::ParseActionStatus(flags.status);
  if (!status) {
    return InvalidArgument("--status " + flags.status + ": " +
                           T(ctx, {"expected not_started, in_progress, done or blocked",
                                   "ожидается not_started, in_progress, done или blocked",
                                   "not_started, in_progress, done немесе blocked күтіледі"}));
  }
  std::string date = flags.date;
  if (date.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    date = buffer;
  }
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(
      int64_t id, review::AddProgress(*db, flags.cycle, flags.action, {date, *status, flags.note}));
  if (ctx.json) {
    std::cout << nlohmann::json{{"cycle", flags.cycle}, {"action", flags.action}, {"progress", id}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << T(ctx, {"Recorded: ", "Записано: ", "Жазылды: "}) << date << " "
              << review::ActionStatusName(*status) << "\n";
  }
  return Status::Ok();
}

Status RunRemove(const Context& ctx, const PlanFlags& flags) {
  if ((flags.priority > 0) == (flags.action > 0)) {
    return InvalidArgument(T(
        ctx, {"expected one of --priority and --action", "ожидается одно из --priority и --action",
              "--priority немесе --action біреуі күтіледі"}));
  }
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  if (flags.priority > 0) {
    TENLIK_RETURN_IF_ERROR(review::RemovePriority(*db, flags.cycle, flags.priority));
  } else {
    TENLIK_RETURN_IF_ERROR(review::RemoveAction(*db, flags.cycle, flags.action));
  }
  if (!ctx.json) std::cout << T(ctx, {"Removed\n", "Удалено\n", "Өшірілді\n"});
  return Status::Ok();
}

void PrintActions(const Context& ctx, const std::vector<review::Action>& actions,
                  const std::string& indent) {
  for (const review::Action& action : actions) {
    const review::ActionFields& f = action.fields;
    std::cout << indent << T(ctx, {"Action ", "Действие ", "Әрекет "}) << action.id << ": "
              << f.what << " [" << review::ActionStatusName(review::LatestStatus(action)) << "]\n"
              << indent << "  " << f.responsible_role << " · " << f.start << " .. " << f.due
              << "\n";
    if (!f.resources.empty()) {
      std::cout << indent << "  " << T(ctx, {"resources: ", "ресурсы: ", "ресурстар: "})
                << f.resources << "\n";
    }
    std::cout << indent << "  "
              << T(ctx, {"evidence of success: ", "свидетельство успеха: ", "табыс дәлелі: "})
              << f.success_evidence << "\n";
    for (const review::ProgressUpdate& update : action.progress) {
      std::cout << indent << "    " << update.date << " " << review::ActionStatusName(update.status)
                << (update.note.empty() ? "" : ": " + update.note) << "\n";
    }
  }
}

Status RunShow(const Context& ctx, const PlanFlags& flags) {
  TENLIK_ASSIGN_OR_RETURN(auto db, OpenReviewStore(ctx));
  TENLIK_ASSIGN_OR_RETURN(review::DevelopmentPlan plan, review::GetPlan(*db, flags.cycle));
  TENLIK_ASSIGN_OR_RETURN(std::optional<review::PlanFollowUp> previous,
                          review::FollowUpPreviousPlan(*db, flags.cycle));
  if (ctx.json) {
    std::cout << review::PlanToJson(plan, previous) << "\n";
    return Status::Ok();
  }
  std::cout << plan.cycle.unit.name << " · " << plan.cycle.label << "\n";
  if (plan.priorities.empty()) {
    std::cout << T(ctx, {"No priorities chosen yet.\n", "Приоритеты пока не выбраны.\n",
                         "Басымдықтар әлі таңдалмаған.\n"});
  }
  for (const review::Priority& priority : plan.priorities) {
    std::cout << T(ctx, {"Priority ", "Приоритет ", "Басымдық "}) << priority.id << ": "
              << priority.fields.indicator_id << " " << TextIn(ctx, priority.title) << "\n  "
              << T(ctx, {"why: ", "почему: ", "неге: "}) << priority.fields.reason << "\n";
    if (!priority.fields.note.empty()) std::cout << "  " << priority.fields.note << "\n";
    PrintActions(ctx, priority.actions, "  ");
  }
  if (!previous) return Status::Ok();
  std::cout << "\n"
            << T(ctx, {"Plan of the previous cycle ", "План предыдущего цикла ",
                       "Алдыңғы циклдің жоспары: "})
            << previous->planned_label << " (" << previous->planned_cycle_id << ")\n";
  for (const review::PriorityFollowUp& item : previous->priorities) {
    std::cout << item.priority.fields.indicator_id << " " << TextIn(ctx, item.priority.title)
              << "\n";
    for (const review::FollowUpScore& score : item.scores) {
      if (!score.then && !score.now) continue;
      std::cout << "  " << GroupName(ctx, score.group) << ": " << ScoreText(score.then) << " -> "
                << ScoreText(score.now) << "\n";
    }
    PrintActions(ctx, item.priority.actions, "  ");
  }
  return Status::Ok();
}

}  // namespace

void RegisterReviewPlanCommands(CLI::App& review, Context& ctx) {
  auto flags = std::make_shared<PlanFlags>();
  CLI::App* plan = review.add_subcommand(
      "plan", T(ctx, {"Development plan of a closed cycle: suggested priorities, priorities with "
                      "actions, progress through the year, and how the previous cycle's plan went",
                      "План развития закрытого цикла: предлагаемые приоритеты, приоритеты с "
                      "действиями, ход работы в течение года и итоги плана предыдущего цикла",
                      "Жабық циклдің даму жоспары: ұсынылған басымдықтар, әрекеттері бар "
                      "басымдықтар, жыл бойғы барысы және алдыңғы цикл жоспарының нәтижесі"}));
  plan->require_subcommand(1);

  CLI::App* suggest = plan->add_subcommand(
      "suggest",
      T(ctx, {"Indicators to consider as priorities: a shown group's score below 50, a "
              "flagged gap between groups, or a \"need more information\" share of 25% or "
              "more; most reasons first. Groups with fewer than 5 respondents are never used",
              "Индикаторы, которые стоит рассмотреть как приоритеты: балл показанной группы "
              "ниже 50, отмеченное расхождение между группами или доля «нужно больше "
              "информации» от 25%; сначала те, где причин больше. Группы, где меньше 5 "
              "респондентов, не используются",
              "Басымдық ретінде қарастыруға болатын көрсеткіштер: көрсетілген топтың балы "
              "50-ден төмен, топтар арасындағы белгіленген алшақтық немесе «ақпарат "
              "жеткіліксіз» үлесі 25% не одан көп; себебі көбі алдымен. 5-тен аз респонденті "
              "бар топтар ешқашан қолданылмайды"}));
  AddCycleArgument(suggest, ctx, flags->cycle);
  suggest
      ->add_option("--gap-threshold", flags->gap_threshold,
                   T(ctx, {"|Cohen's d| from which a gap between groups is flagged (default 0.5)",
                           "|d Коэна|, начиная с которого расхождение между группами "
                           "отмечается (по умолчанию 0.5)",
                           "Топтар арасындағы алшақтық белгіленетін |Коэн d| мәні (әдепкі 0.5)"}))
      ->check(CLI::Range(0.0, 10.0));
  Wire(suggest, ctx, [&ctx, flags] { return RunSuggest(ctx, *flags); });

  CLI::App* add = plan->add_subcommand(
      "add", T(ctx, {"Choose an indicator as a priority of the closed cycle's plan",
                     "Выбрать индикатор приоритетом плана закрытого цикла",
                     "Көрсеткішті жабық цикл жоспарының басымдығы ретінде таңдау"}));
  AddCycleArgument(add, ctx, flags->cycle);
  add->add_option("--indicator", flags->indicator,
                  T(ctx, {"Indicator id, such as A1.1", "Идентификатор индикатора, например A1.1",
                          "Көрсеткіш идентификаторы, мысалы A1.1"}))
      ->required();
  add->add_option("--why", flags->reason,
                  T(ctx, {"Why it was chosen", "Почему выбран", "Неге таңдалды"}))
      ->required();
  add->add_option("--note", flags->note, T(ctx, {"A note", "Примечание", "Ескертпе"}));
  Wire(add, ctx, [&ctx, flags] { return RunAdd(ctx, *flags); });

  CLI::App* action = plan->add_subcommand(
      "action", T(ctx, {"Add an action to a priority", "Добавить действие к приоритету",
                        "Басымдыққа әрекет қосу"}));
  AddCycleArgument(action, ctx, flags->cycle);
  action
      ->add_option(
          "--priority", flags->priority,
          T(ctx, {"Priority number (see `plan show`)", "Номер приоритета (см. `plan show`)",
                  "Басымдық нөмірі (`plan show` қараңыз)"}))
      ->required()
      ->check(CLI::PositiveNumber);
  action
      ->add_option("--what", flags->fields.what,
                   T(ctx, {"What will be done", "Что будет сделано", "Не істелетіні"}))
      ->required();
  action
      ->add_option("--role", flags->fields.responsible_role,
                   T(ctx, {"Responsible role, such as \"deputy head\" (a role, not a name)",
                           "Ответственная роль, например «завуч» (роль, а не имя)",
                           "Жауапты рөл, мысалы «директор орынбасары» (аты емес, рөлі)"}))
      ->required();
  action
      ->add_option(
          "--start", flags->fields.start,
          T(ctx, {"Start date YYYY-MM-DD", "Дата начала ГГГГ-ММ-ДД", "Басталу күні ЖЖЖЖ-АА-КК"}))
      ->required();
  action
      ->add_option(
          "--due", flags->fields.due,
          T(ctx, {"Due date YYYY-MM-DD, not before the start", "Срок ГГГГ-ММ-ДД, не раньше начала",
                  "Мерзімі ЖЖЖЖ-АА-КК, басталуынан ерте емес"}))
      ->required();
  action->add_option("--resources", flags->fields.resources,
                     T(ctx, {"Resources needed", "Нужные ресурсы", "Қажетті ресурстар"}));
  action
      ->add_option("--evidence", flags->fields.success_evidence,
                   T(ctx, {"Evidence that will show success", "Что покажет успех",
                           "Табысты көрсететін дәлел"}))
      ->required();
  Wire(action, ctx, [&ctx, flags] { return RunAction(ctx, *flags); });

  CLI::App* progress = plan->add_subcommand(
      "progress", T(ctx, {"Record progress of an action", "Записать ход выполнения действия",
                          "Әрекеттің орындалу барысын жазу"}));
  AddCycleArgument(progress, ctx, flags->cycle);
  progress
      ->add_option("--action", flags->action,
                   T(ctx, {"Action number (see `plan show`)", "Номер действия (см. `plan show`)",
                           "Әрекет нөмірі (`plan show` қараңыз)"}))
      ->required()
      ->check(CLI::PositiveNumber);
  progress
      ->add_option("--status", flags->status,
                   T(ctx, {"not_started, in_progress, done or blocked",
                           "not_started, in_progress, done или blocked",
                           "not_started, in_progress, done немесе blocked"}))
      ->required();
  progress->add_option(
      "--date", flags->date,
      T(ctx, {"Date YYYY-MM-DD (default today, UTC)", "Дата ГГГГ-ММ-ДД (по умолчанию сегодня, UTC)",
              "Күні ЖЖЖЖ-АА-КК (әдепкі бүгін, UTC)"}));
  progress->add_option("--note", flags->note, T(ctx, {"A note", "Примечание", "Ескертпе"}));
  Wire(progress, ctx, [&ctx, flags] { return RunProgress(ctx, *flags); });

  CLI::App* remove = plan->add_subcommand(
      "remove", T(ctx, {"Remove a priority (with its actions) or an action (with its progress)",
                        "Удалить приоритет (с его действиями) или действие (с его ходом)",
                        "Басымдықты (әрекеттерімен) немесе әрекетті (барысымен) өшіру"}));
  AddCycleArgument(remove, ctx, flags->cycle);
  remove->add_option("--priority", flags->priority,
                     T(ctx, {"Priority number", "Номер приоритета", "Басымдық нөмірі"}));
  remove->add_option("--action", flags->action,
                     T(ctx, {"Action number", "Номер действия", "Әрекет нөмірі"}));
  Wire(remove, ctx, [&ctx, flags] { return RunRemove(ctx, *flags); });

  CLI::App* show = plan->add_subcommand(
      "show", T(ctx, {"Show the cycle's plan and how the previous cycle's plan went: each of "
                      "its priorities scored then and now, and its actions' status",
                      "Показать план цикла и итоги плана предыдущего цикла: баллы каждого "
                      "приоритета тогда и сейчас и статус его действий",
                      "Цикл жоспарын және алдыңғы цикл жоспарының нәтижесін көрсету: әр "
                      "басымдықтың сол кездегі және қазіргі балы, әрекеттерінің күйі"}));
  AddCycleArgument(show, ctx, flags->cycle);
  Wire(show, ctx, [&ctx, flags] { return RunShow(ctx, *flags); });
}

}  // namespace tenlik::cli
