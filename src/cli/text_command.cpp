#include "cli/cli.h"

namespace tenlik::cli {
void RegisterTextCommands(CLI::App&, Context&) {}
}  // namespace tenlik::cli
