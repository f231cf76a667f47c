#include "run_command.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tenlik::testing {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args, std::vector<std::string>& storage) {
  storage.assign(1, TENLIK_BINARY);
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  return argv;
}

void ApplyEnv(const std::vector<std::string>& env) {
  for (const std::string& kv : env) {
    size_t eq = kv.find('=');
    ::setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
  }
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

CommandResult RunTenlik(const std::vector<std::string>& args, const std::string& input,
                        const std::vector<std::string>& env) {
  namespace fs = std::filesystem;
  std::string base = (fs::temp_directory_path() / ("tenlik_cmd_" + std::to_string(::getpid()))).string();
  std::string in_path = base + ".in", out_path = base + ".out", err_path = base + ".err";
  std::ofstream(in_path) << input;
  std::vector<std::string> storage;
  std::vector<char*> argv = Argv(args, storage);
  pid_t pid = ::fork();
  if (pid == 0) {
    ApplyEnv(env);
    int in = ::open(in_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  fs::remove(in_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return result;
}

int StartTenlik(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  std::vector<std::string> storage;
  std::vector<char*> argv = Argv(args, storage);
  pid_t pid = ::fork();
  if (pid == 0) {
    ApplyEnv(env);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  return pid;
}

}  // namespace tenlik::testing
