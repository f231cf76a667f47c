#include "cli/cli.h"

namespace tenlik::cli {
void RegisterListenCommands(CLI::App&, Context&) {}
}  // namespace tenlik::cli
