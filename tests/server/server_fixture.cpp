#include "server_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>

namespace tenlik::server {

namespace fs = std::filesystem;

void ServerTest::SetUp() {
  dir_ =
      fs::temp_directory_path() / ("tenlik_server_" + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  store_ = NewStoreLocation();
  auto db = store::Connection::Open(store_, true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(*db);
  ASSERT_TRUE(db_->Migrate(accounts::Migrations()).ok());
  accounts::Accounts accounts = Accounts();
  const accounts::Actor setup{"cli:test", ""};
  for (accounts::Role role : accounts::kAllRoles) {
    if (role == accounts::Role::kRespondent) continue;
    ASSERT_TRUE(
        accounts.AddUser(std::string(accounts::RoleName(role)), role, kPassword, setup).ok());
  }
  auto codes = accounts.IssueRespondentCodes(1, 3600, "test-survey", setup);
  ASSERT_TRUE(codes.ok());
  respondent_code_ = codes->front();
  Start();
}

std::string ServerTest::NewStoreLocation() { return (dir_ / "t.db").string(); }

void ServerTest::Start(const std::function<void(Options&)>& edit) {
  StopServer();
  Options options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.store_location = store_;
  options.web_dir = (dir_ / "web").string();
  options.log = [this](std::string_view line) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    log_.emplace_back(line);
  };
  options.policy.address_failures = 1000;  // all test clients share 127.0.0.1
  if (edit) edit(options);
  auto server = Server::Create(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  server_ = std::move(*server);
  runner_ = std::thread([this] { run_status_ = server_->Run(); });
}

void ServerTest::StopServer() {
  if (!server_) return;
  server_->Stop();
  runner_.join();
  server_.reset();
}

void ServerTest::TearDown() {
  StopServer();
  db_.reset();
  fs::remove_all(dir_);
}

httplib::Client ServerTest::Client() const {
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(60);
  return client;
}

namespace {

Login FromResponse(const httplib::Result& result) {
  Login login;
  if (!result) return login;
  login.status = result->status;
  login.set_cookie = result->get_header_value("Set-Cookie");
  login.cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
  auto body = nlohmann::json::parse(result->body, nullptr, false);
  if (body.is_object() && body.contains("csrf_token")) login.csrf = body["csrf_token"];
  return login;
}

}  // namespace

Login ServerTest::LogIn(const std::string& user, const std::string& password) {
  nlohmann::json body = {{"user", user}, {"password", password}};
  return FromResponse(Client().Post("/api/v1/session", body.dump(), "application/json"));
}

Login ServerTest::LogInWithCode(const std::string& code) {
  nlohmann::json body = {{"code", code}};
  return FromResponse(Client().Post("/api/v1/session", body.dump(), "application/json"));
}

Login ServerTest::SessionFor(accounts::Role role) {
  if (role == accounts::Role::kRespondent) return LogInWithCode(respondent_code_);
  return LogIn(std::string(accounts::RoleName(role)));
}

httplib::Headers ServerTest::Auth(const Login& login) const {
  return {{"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}};
}

std::vector<std::string> ServerTest::LogLines() {
  std::lock_guard<std::mutex> lock(log_mutex_);
  return log_;
}

std::string PercentEncoded(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", c);
    out += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : std::string(hex);
  }
  return out;
}

std::string ErrorCode(const httplib::Result& result) {
  if (!result) return "(no response)";
  if (result->get_header_value("Content-Type").rfind("application/json", 0) != 0) return "";
  auto body = nlohmann::json::parse(result->body, nullptr, false);
  if (!body.is_object() || !body.contains("error")) return "";
  const auto& error = body["error"];
  if (!error.contains("code") || !error.contains("message") || !error["message"].is_string()) {
    return "";
  }
  return error["code"];
}

int ConnectLoopback(int port) {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(sock);
    return -1;
  }
  return sock;
}

}  // namespace tenlik::server
