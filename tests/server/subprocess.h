// Runs the tenlik binary from the server tests (serve and user commands).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace tenlik::server {

struct Ran {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs TENLIK_BINARY with `args`, `input` on stdin and `env` added; waits for it.
Ran RunTenlik(const std::vector<std::string>& args, const std::string& input,
              const std::vector<std::string>& env);

// Starts TENLIK_BINARY with stdin from /dev/null and stderr to `err_file`.
pid_t StartTenlik(const std::vector<std::string>& args, const std::vector<std::string>& env,
                  const std::string& err_file);

}  // namespace tenlik::server
