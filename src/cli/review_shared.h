// Internal to cli/: what the `tenlik review` commands share.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "cli/cli.h"
#include "review/review.h"
#include "store/store.h"

namespace tenlik::cli {

// The store of the context, with the review tables migrated to the current version.
Result<std::unique_ptr<store::Connection>> OpenReviewStore(const Context& ctx);

// "YYYY-MM-DD HH:MM" in UTC.
std::string FormatUtcMinute(int64_t unix_seconds);

// The text in the language of the context. The reference lives as long as `text`.
const std::string& TextIn(const Context& ctx, const review::Text& text);

// The group's label in the language of the context (its name when it has none).
std::string GroupName(const Context& ctx, const std::string& group);

// A 0-100 score rounded to a whole number, "-" when there is none.
std::string ScoreText(const std::optional<double>& score);

// "d=0.83" for a gap's effect size (Cohen's d, two decimals); without one (each group
// gave one answer throughout, so there is no spread to measure against) says so in words.
std::string EffectSizeText(const Context& ctx, const std::optional<double>& effect_size);

// Labels of results and exports in the language of messages (--lang): "kk", "ru", "en".
std::string ReportLang(const Context& ctx);

// The required positional argument "cycle": a cycle number, stored in `cycle`.
void AddCycleArgument(CLI::App* command, const Context& ctx, int64_t& cycle);

// Runs `run` when `command` is chosen; its error is reported and sets the exit code.
void Wire(CLI::App* command, Context& ctx, std::function<Status()> run);

}  // namespace tenlik::cli
