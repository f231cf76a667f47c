// Graceful shutdown, in-process and of `tenlik serve` on SIGTERM; `tenlik user`.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "server_fixture.h"
#include "subprocess.h"

namespace tenlik::server {
namespace {

void Send(int sock, const std::string& text) { (void)!::write(sock, text.data(), text.size()); }

// Reads one response with a Content-Length body.
std::string ReadResponse(int sock) {
  std::string response;
  char c;
  while (response.find("\r\n\r\n") == std::string::npos && ::read(sock, &c, 1) == 1) {
    response += c;
  }
  size_t at = response.find("Content-Length: ");
  size_t length = at == std::string::npos ? 0 : std::stoul(response.substr(at + 16));
  std::string body(length, '\0');
  size_t got = 0;
  while (got < length) {
    ssize_t n = ::read(sock, body.data() + got, length - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  return response + body.substr(0, got);
}

TEST_F(ServerTest, StopReturnsFromRunAndRefusesNewConnections) {
  int sock = ConnectLoopback(server_->port());
  ASSERT_GE(sock, 0);
  Send(sock, "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  ASSERT_NE(ReadResponse(sock).find("HTTP/1.1 200"), std::string::npos);
  ::close(sock);
  server_->Stop();
  int port = server_->port();
  runner_.join();
  EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  server_.reset();
  EXPECT_LT(ConnectLoopback(port), 0);
}

TEST_F(ServerTest, StopBeforeRunReturnsAtOnce) {
  StopServer();
  Options options;
  options.port = 0;
  options.store_location = store_;
  options.log = [](std::string_view) {};
  auto server = Server::Create(options);
  ASSERT_TRUE(server.ok());
  (*server)->Stop();
  EXPECT_TRUE((*server)->Run().ok());
}

int FreePort() {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(sock);
  return ntohs(address.sin_port);
}

TEST_F(ServerTest, UserCommandsAndServeStopsOnSigterm) {
  StopServer();
  std::vector<std::string> env = {"TENLIK_STORE=" + store_, "LANG=C"};
  Ran added = RunTenlik({"user", "add", "--role", "analyst", "gulnara"}, "long enough pass\n", env);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out.find("long enough pass"), std::string::npos);
  Ran duplicate =
      RunTenlik({"user", "add", "--role", "viewer", "gulnara"}, "long enough pass\n", env);
  EXPECT_EQ(duplicate.exit_code, 1);
  EXPECT_EQ(
      RunTenlik({"user", "add", "--role", "respondent", "x"}, "long enough pass\n", env).exit_code,
      2);
  EXPECT_EQ(RunTenlik({"user", "role", "gulnara", "peer_reviewer"}, "", env).exit_code, 0);
  Ran list = RunTenlik({"user", "list"}, "", env);
  EXPECT_NE(list.out.find("gulnara\tpeer_reviewer"), std::string::npos) << list.out;
  Ran help = RunTenlik({"user", "add", "--help", "--lang", "kk"}, "", env);
  EXPECT_NE(help.out.find("Пайдаланушы қосу"), std::string::npos);
  EXPECT_EQ(RunTenlik({"user", "remove", "gulnara"}, "", env).exit_code, 0);
  EXPECT_EQ(RunTenlik({"user", "list"}, "", env).out.find("gulnara"), std::string::npos);
  EXPECT_EQ(RunTenlik({"serve", "--listen", "nonsense"}, "", env).exit_code, 2);

  int port = FreePort();
  std::string err_file = (dir_ / "serve.err").string();
  pid_t pid =
      StartTenlik({"serve", "--listen", "127.0.0.1:" + std::to_string(port)}, env, err_file);
  httplib::Client client("127.0.0.1", port);
  bool up = false;
  for (int i = 0; i < 600 && !up; ++i) {  // wait for it to listen
    auto res = client.Get("/api/v1/health");
    up = res && res->status == 200;
    if (!up) usleep(50'000);
  }
  EXPECT_TRUE(up);
  ::kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::stringstream err;
  err << std::ifstream(err_file).rdbuf();
  EXPECT_NE(err.str().find("GET /api/v1/health 200"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("Stopped."), std::string::npos) << err.str();
}

}  // namespace
}  // namespace tenlik::server
