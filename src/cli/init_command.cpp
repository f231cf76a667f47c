#include "cli/cli.h"

namespace tenlik::cli {
void RegisterInitCommand(CLI::App&, Context&) {}
}  // namespace tenlik::cli
