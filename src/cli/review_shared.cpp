#include "cli/review_shared.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace tenlik::cli {

Result<std::unique_ptr<store::Connection>> OpenReviewStore(const Context& ctx) {
  TENLIK_ASSIGN_OR_RETURN(auto db,
                          store::Connection::Open(store::ResolveLocation(ctx.store), false));
  TENLIK_RETURN_IF_ERROR(db->Migrate(review::Migrations()));
  return db;
}

std::string FormatUtcMinute(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &tm);
  return buffer;
}

const std::string& TextIn(const Context& ctx, const review::Text& text) {
  switch (ctx.lang) {
    case UiLang::kKazakh:
      return text.kk;
    case UiLang::kRussian:
      return text.ru;
    case UiLang::kEnglish:
      break;
  }
  return text.en;
}

std::string GroupName(const Context& ctx, const std::string& group) {
  const review::Text* label = review::GroupLabel(group);
  return label ? TextIn(ctx, *label) : group;
}

std::string ScoreText(const std::optional<double>& score) {
  return score ? std::to_string(std::lround(*score)) : "-";
}

std::string EffectSizeText(const Context& ctx, const std::optional<double>& effect_size) {
  if (!effect_size) {
    return T(ctx, {"d not defined: each group answered alike",
                   "d не определён: внутри каждой группы ответы одинаковы",
                   "d анықталмаған: әр топтың ішінде жауаптар бірдей"});
  }
  char text[32];
  std::snprintf(text, sizeof text, "d=%.2f", *effect_size);
  return text;
}

std::string ReportLang(const Context& ctx) {
  return ctx.lang == UiLang::kKazakh ? "kk" : ctx.lang == UiLang::kRussian ? "ru" : "en";
}

void Wire(CLI::App* command, Context& ctx, std::function<Status()> run) {
  command->callback([&ctx, run = std::move(run)] {
    Status status = run();
    ctx.exit_code = status.ok() ? kExitOk : ReportError(ctx, status);
  });
}

void AddCycleArgument(CLI::App* command, const Context& ctx, int64_t& cycle) {
  command
      ->add_option("cycle", cycle,
                   T(ctx, {"Cycle number (see `tenlik review cycle list`)",
                           "Номер цикла (см. `tenlik review cycle list`)",
                           "Цикл нөмірі (`tenlik review cycle list` қараңыз)"}))
      ->required()
      ->check(CLI::PositiveNumber);
}

}  // namespace tenlik::cli
