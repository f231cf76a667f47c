// A server running in-process on a free loopback port, with users of every role.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "accounts/accounts.h"
#include "server/server.h"
#include "store/store.h"

namespace tenlik::server {

inline const char* kPassword = "pa55word-for-tests";

// A logged-in client: its cookie header and CSRF token.
struct Login {
  int status = 0;
  std::string cookie;  // "tenlik_session=..."
  std::string csrf;
  std::string set_cookie;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Where the store is made: a SQLite file in dir_ unless a fixture chooses another.
  virtual std::string NewStoreLocation();

  // Restarts the server with `options` changed by `edit` (store, port and log are kept).
  void Start(const std::function<void(Options&)>& edit = {});
  void StopServer();

  httplib::Client Client() const;
  Login LogIn(const std::string& user, const std::string& password = kPassword);
  Login LogInWithCode(const std::string& code);
  // A session for `role` (respondents via a code).
  Login SessionFor(accounts::Role role);
  httplib::Headers Auth(const Login& login) const;
  std::vector<std::string> LogLines();
  accounts::Accounts Accounts() { return accounts::Accounts(*db_); }

  std::filesystem::path dir_;
  std::string store_;
  std::unique_ptr<store::Connection> db_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  Status run_status_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
  std::string respondent_code_;
};

// The JSON error code of a response ("" when the body is not a JSON error).
std::string ErrorCode(const httplib::Result& result);

// Every byte but letters and digits as %XX, so a path segment carries anything.
std::string PercentEncoded(const std::string& value);

// A TCP connection to 127.0.0.1:`port`, for requests sent byte for byte: the socket,
// which the caller closes, or -1 when the connection is refused.
int ConnectLoopback(int port);

}  // namespace tenlik::server
