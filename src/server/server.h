// Public API of the web server: `tenlik serve`. It wires accounts and the store to a
// JSON API under /api/v1/ (docs/api.md) and serves the built front end from a folder.
//
// Each worker thread takes a store connection from a pool (connections are not
// thread-safe); SQLite copes with the concurrency through WAL and its busy timeout,
// PostgreSQL natively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "accounts/accounts.h"
#include "base/status.h"

namespace tenlik::server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port (see Server::port)
  std::string store_location;  // as store::Connection::Open understands it
  std::string web_dir;         // the built front end; DefaultWebDir() when empty
  // The studies the API offers: each DIR/<id>.yaml is study <id>. Empty: the shipped
  // folder (listen::DefaultStudiesDir()).
  std::string studies_dir;
  // Where study runs write their reports, <reports_dir>/<study>/<job id>/. Empty:
  // "tenlik-reports" beside a file store, "./tenlik-reports" for a server store.
  std::string reports_dir;
  bool secure_cookies = false;  // set when clients reach us over https (a proxy)
  size_t max_body_bytes = 1 << 20;
  int timeout_seconds = 30;  // read and write timeouts of a connection
  // Receives one line per request (method, route template, status, duration) and
  // server errors. Never cookies, tokens, passwords, query strings or bodies. Called
  // from worker threads, one call at a time. Default: standard error.
  std::function<void(std::string_view line)> log;
  // Unknown or malformed access codes one client address may send to /api/v1/respond/
  // within the window before it is refused (429) until the window moves on. Generous,
  // because parents behind one school Wi-Fi share an address and mistype codes; a
  // guess still has 1 in 31^10 odds.
  int code_failure_limit = 30;
  int64_t code_failure_window_seconds = 600;
  accounts::Policy policy;
  accounts::Clock clock;  // tests only
};

// Where the front end is built (web/dist of the source tree), unless $TENLIK_WEB says.
std::string DefaultWebDir();

class Server {
 public:
  // Opens the store, applies the migrations of accounts, listen, jobs and review, and binds
  // the address.
  // IoError when the address cannot be bound; the store's errors as they come.
  static Result<std::unique_ptr<Server>> Create(Options options);
  ~Server();

  // The bound port (useful with port 0).
  int port() const;

  // Serves until Stop(), running queued background jobs (study runs) meanwhile: then
  // stops accepting, waits for the worker threads, cancels the running job (queued
  // again for the next start; a stage that cannot be interrupted is waited for),
  // closes the store connections and returns. Call once.
  Status Run();

  // Asks Run to return; callable from any thread, before or during Run.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tenlik::server
