// Runs the tenlik binary from tests (tests/cli only).
#pragma once

#include <string>
#include <vector>

namespace tenlik::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs TENLIK_BINARY with `args`, `input` on stdin, and the environment plus `env`
// ("NAME=value"), and waits for it.
CommandResult RunTenlik(const std::vector<std::string>& args, const std::string& input = "",
                        const std::vector<std::string>& env = {});

// Starts TENLIK_BINARY with `args` and stdout/stderr to /dev/null; returns its pid.
int StartTenlik(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

}  // namespace tenlik::testing
