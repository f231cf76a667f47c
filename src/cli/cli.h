// Shared wiring of the `tenlik` command: the user's language, exit codes and the
// registration hook each subcommand file provides. cli/ only wires modules.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "base/status.h"

namespace tenlik::cli {

enum class UiLang { kEnglish, kRussian, kKazakh };

// A user-facing text in the three languages.
struct Tr {
  const char* en;
  const char* ru;
  const char* kk;
};

// Options every subcommand understands.
struct Context {
  UiLang lang = UiLang::kEnglish;
  bool json = false;
  std::string store;  // --store as given; resolve with store::ResolveLocation
  // Exit code set by the command that ran.
  int exit_code = 0;
};

const char* Pick(const Tr& text, UiLang lang);
inline std::string T(const Context& ctx, const Tr& text) { return Pick(text, ctx.lang); }

// Exit codes of DESIGN.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSomeRejected = 3;

// "h:mm:ss" for a time left or taken.
std::string FormatDuration(double seconds);

// Prints "tenlik: <message>" to stderr and returns the exit code for `status`.
int ReportError(const Context& ctx, const Status& status);

// Calls fn(line, &out) for each line of standard input (without the newline, and
// without a trailing CR). What fn appends to out goes to standard output in large
// blocks; the rest is written and flushed at the end.
void ForEachInputLine(const std::function<void(const std::string& line, std::string* out)>& fn);

// Each subcommand file defines one of these; main() calls them all.
void RegisterInitCommand(CLI::App& app, Context& ctx);
void RegisterTextCommands(CLI::App& app, Context& ctx);
void RegisterListenCommands(CLI::App& app, Context& ctx);
void RegisterServeCommand(CLI::App& app, Context& ctx);
void RegisterUserCommands(CLI::App& app, Context& ctx);
void RegisterStoreCommands(CLI::App& app, Context& ctx);
void RegisterReviewCommands(CLI::App& app, Context& ctx);
// `tenlik review cycle ...`, under `tenlik review`.
void RegisterReviewCycleCommands(CLI::App& review, Context& ctx);
// `tenlik review plan ...`: the development plan of a closed cycle.
void RegisterReviewPlanCommands(CLI::App& review, Context& ctx);
// `tenlik review district ...`: a district's view of its schools.
void RegisterReviewDistrictCommands(CLI::App& review, Context& ctx);
// `tenlik review peer ...`: peer review of a district cycle.
void RegisterReviewPeerCommands(CLI::App& review, Context& ctx);
// Subcommands under `tenlik text`, each in its own file.
void RegisterGeoCommands(CLI::App& text, Context& ctx);
void RegisterSentimentCommands(CLI::App& text, Context& ctx);
// Subcommands under `tenlik listen` that run studies: run, search, query.
void RegisterStudyCommands(CLI::App& listen, Context& ctx);
// `tenlik listen validate`: labelling sheets and the precision of study queries.
void RegisterValidateCommand(CLI::App& listen, Context& ctx);

}  // namespace tenlik::cli
