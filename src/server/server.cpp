// The HTTP server: security checks common to every request, dispatch to the routes,
// static files, error bodies, the request log and graceful shutdown.
#include "server/server.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <thread>

#include "review/review.h"
#include "server/internal.h"

namespace tenlik::server {
namespace {

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// An Origin header, when sent, must be this server as the client reached it.
bool OriginIsOurs(const httplib::Request& req, bool secure) {
  if (!req.has_header("Origin")) return true;
  std::string origin = req.get_header_value("Origin");
  std::string host = req.get_header_value("Host");
  if (host.empty()) return false;
  if (origin == "https://" + host) return true;
  return !secure && origin == "http://" + host;
}

// When the current request started, for the log line (a worker handles one request
// at a time, from pre-routing to the logger).
thread_local std::chrono::steady_clock::time_point request_start;
thread_local bool request_started = false;

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

// The route template of a path for the log: never the path itself, which may hold
// names, and never the query string.
std::string_view LogTemplate(const httplib::Request& req) {
  if (req.path.rfind("/api/", 0) != 0) return "(static)";
  if (const Route* route = MatchRoute(req.method, req.path, nullptr)) return route->path;
  return "(no route)";
}

Status CheckTablesAgree() {
  for (const Route& route : Routes()) {
    if (!accounts::FindEndpointRule(route.method, route.path)) {
      return Internal("no authorisation rule for " + std::string(route.method) + " " +
                      std::string(route.path));
    }
  }
  for (const accounts::EndpointRule& rule : accounts::EndpointRules()) {
    bool routed = false;
    for (const Route& route : Routes())
      routed |= route.method == rule.method && route.path == rule.path;
    if (!routed) {
      return Internal("no route for " + std::string(rule.method) + " " + std::string(rule.path));
    }
  }
  return Status::Ok();
}

}  // namespace

std::string DefaultWebDir() {
  const char* env = std::getenv("TENLIK_WEB");
  if (env != nullptr && *env != '\0') return env;
  return TENLIK_DEFAULT_WEB_DIR;
}

struct Server::Impl {
  explicit Impl(Options opts) : options(std::move(opts)), pool(options.store_location) {}

  void Dispatch(const httplib::Request& req, httplib::Response& res);
  void DispatchApi(const httplib::Request& req, httplib::Response& res, Lang lang);

  Options options;
  ConnectionPool pool;
  httplib::Server http;
  int port = 0;
  std::mutex log_mutex;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_finished{false};
  CodeAttemptLimiter code_attempts{options.code_failure_limit, options.code_failure_window_seconds};
  // Last: stopped and destroyed before the options its job functions read.
  std::unique_ptr<jobs::Runner> runner;
};

void Server::Impl::Dispatch(const httplib::Request& req, httplib::Response& res) {
  Lang lang = RequestLang(req);
  if (req.path.rfind("/api/", 0) == 0) return DispatchApi(req, res, lang);
  if (req.method != "GET" && req.method != "HEAD") {
    return SendError(res, lang, 405, "method_not_allowed");
  }
  ServeStatic(req, res, options.web_dir, lang);
}

void Server::Impl::DispatchApi(const httplib::Request& req, httplib::Response& res, Lang lang) {
  res.set_header("Cache-Control", "no-store");
  std::map<std::string, std::string> params;
  const Route* route = MatchRoute(req.method, req.path, &params);
  if (!route) {
    return PathHasRoute(req.path) ? SendError(res, lang, 405, "method_not_allowed")
                                  : SendError(res, lang, 404, "not_found");
  }
  const accounts::EndpointRule& rule = *accounts::FindEndpointRule(route->method, route->path);
  bool changes_state = ChangesState(req.method);
  if (changes_state && !OriginIsOurs(req, options.secure_cookies)) {
    return SendError(res, lang, 403, "origin_mismatch");
  }

  auto connection = pool.Take();
  if (!connection.ok()) {
    if (options.log) options.log("error: " + connection.status().ToString());
    return SendError(res, lang, 503, "store_unavailable");
  }
  accounts::Accounts accounts(**connection, options.policy, options.clock);
  Call call{req, res, options, lang, std::move(params), **connection, accounts, std::nullopt, ""};
  call.token = CookieValue(req, kSessionCookie);
  call.jobs = runner.get();
  call.code_attempts = &code_attempts;
  if (!call.token.empty()) {
    auto session = accounts.Authenticate(call.token);
    if (!session.ok()) {
      SendInternal(call, session.status());
      return pool.Give(std::move(*connection));
    }
    call.session = std::move(*session);
  }
  // Public writes (logging in, answering with an access code) act on no session, so
  // a forged cross-site request has nothing to ride on; the Origin check still holds.
  bool is_public = rule.access == accounts::Access::kPublic;
  if (!is_public && !call.session) {
    SendError(res, lang, 401, "unauthenticated");
  } else if (changes_state && !is_public &&
             !(call.session &&
               accounts::CsrfMatches(*call.session, req.get_header_value("X-CSRF-Token")))) {
    SendError(res, lang, 403, "csrf_failed");
  } else if (rule.access == accounts::Access::kRoles &&
             !accounts::RoleMayCall(rule, call.session->role)) {
    SendError(res, lang, 403, "forbidden");
  } else {
    route->handle(call);
  }
  pool.Give(std::move(*connection));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(Options options) {
  TENLIK_RETURN_IF_ERROR(CheckTablesAgree());
  if (options.web_dir.empty()) options.web_dir = DefaultWebDir();
  if (options.studies_dir.empty()) {
    // Without a data folder there are simply no studies to offer.
    if (auto shipped = listen::DefaultStudiesDir(); shipped.ok()) options.studies_dir = *shipped;
  }
  if (!options.log) {
    options.log = [](std::string_view line) { std::cerr << line << std::endl; };
  }
  {
    TENLIK_ASSIGN_OR_RETURN(auto db, store::Connection::Open(options.store_location, true));
    TENLIK_RETURN_IF_ERROR(db->Migrate(accounts::Migrations()));
    // Study runs need the listen tables and keep their jobs in the store.
    TENLIK_RETURN_IF_ERROR(db->Migrate(listen::Migrations()));
    TENLIK_RETURN_IF_ERROR(db->Migrate(jobs::Migrations()));
    // Review cycles: coordinators' screens and respondents' forms.
    TENLIK_RETURN_IF_ERROR(db->Migrate(review::Migrations()));
  }
  if (options.reports_dir.empty()) options.reports_dir = DefaultReportsDir(options.store_location);
  auto impl = std::make_unique<Impl>(std::move(options));
  Impl* self = impl.get();
  // The log function is called one line at a time.
  auto unsynchronised = self->options.log;
  self->options.log = [self, unsynchronised](std::string_view line) {
    std::lock_guard<std::mutex> lock(self->log_mutex);
    unsynchronised(line);
  };
  jobs::RunnerOptions runner_options;
  runner_options.log = self->options.log;
  self->runner = std::make_unique<jobs::Runner>(self->options.store_location, runner_options);
  self->runner->Register(std::string(kStudyRunKind),
                         [self](const jobs::Job& job, jobs::JobContext& context) {
                           return RunStudyJob(self->options, job, context);
                         });

  httplib::Server& http = self->http;
  http.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });
  http.set_payload_max_length(self->options.max_body_bytes);
  http.set_read_timeout(self->options.timeout_seconds);
  http.set_write_timeout(self->options.timeout_seconds);
  http.set_keep_alive_timeout(5);
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    request_started = true;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto dispatch = [self](const httplib::Request& req, httplib::Response& res) {
    self->Dispatch(req, res);
  };
  http.Get(".*", dispatch).Post(".*", dispatch).Put(".*", dispatch);
  http.Patch(".*", dispatch).Delete(".*", dispatch);
  // Errors httplib produces itself (413, 400, 404...) get a JSON body too.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty()) {
          SendError(res, RequestLang(req), res.status, CodeForStatus(res.status));
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [self](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        self->options.log("error: unexpected exception");
        SendError(res, RequestLang(req), 500, "internal");
      });
  http.set_logger([self](const httplib::Request& req, const httplib::Response& res) {
    double ms = 0;
    if (request_started) {
      ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                     request_start)
               .count();
      request_started = false;
    }
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.1fms", ms);
    self->options.log(UtcNow() + " " + req.method + " " + std::string(LogTemplate(req)) + " " +
                      std::to_string(res.status) + " " + duration);
  });

  if (self->options.port == 0) {
    self->port = http.bind_to_any_port(self->options.host);
    if (self->port <= 0) return IoError("cannot listen on " + self->options.host);
  } else if (http.bind_to_port(self->options.host, self->options.port)) {
    self->port = self->options.port;
  } else {
    return IoError("cannot listen on " + self->options.host + ":" +
                   std::to_string(self->options.port) + " (in use, or not an address here)");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  impl_->run_started = true;
  Status jobs_started = impl_->stop_requested ? Status::Ok() : impl_->runner->Start();
  bool served = !jobs_started.ok() || impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->run_finished = true;
  // A running job is cancelled and queued again before the store connections close.
  impl_->runner->Stop();
  impl_->pool.CloseAll();
  if (!jobs_started.ok()) return jobs_started;
  return served ? Status::Ok() : IoError("the server stopped accepting connections");
}

void Server::Stop() {
  impl_->stop_requested = true;
  if (!impl_->run_started) return;  // Run will see the request and not start
  while (!impl_->http.is_running() && !impl_->run_finished) std::this_thread::yield();
  impl_->http.stop();
}

}  // namespace tenlik::server
