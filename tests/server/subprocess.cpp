#include "subprocess.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tenlik::server {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env,
            const std::string& in_file, const std::string& out_file, const std::string& err_file) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int in = open(in_file.c_str(), O_RDONLY);
  int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  for (const std::string& setting : env) putenv(const_cast<char*>(setting.c_str()));
  std::vector<char*> argv = {const_cast<char*>(TENLIK_BINARY)};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(TENLIK_BINARY, argv.data());
  _exit(127);
}

}  // namespace

Ran RunTenlik(const std::vector<std::string>& args, const std::string& input,
              const std::vector<std::string>& env) {
  std::string base = "/tmp/tenlik_server_run_" + std::to_string(getpid());
  std::ofstream(base + ".in") << input;
  pid_t pid = Spawn(args, env, base + ".in", base + ".out", base + ".err");
  int status = 0;
  waitpid(pid, &status, 0);
  Ran ran;
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ran.out = Slurp(base + ".out");
  ran.err = Slurp(base + ".err");
  for (const char* suffix : {".in", ".out", ".err"}) unlink((base + suffix).c_str());
  return ran;
}

pid_t StartTenlik(const std::vector<std::string>& args, const std::vector<std::string>& env,
                  const std::string& err_file) {
  return Spawn(args, env, "/dev/null", "/dev/null", err_file);
}

}  // namespace tenlik::server
