// Public API of accounts: users and their roles, password login, anonymous
// respondent codes, sessions with CSRF tokens, login rate limiting, the audit log and
// the authorisation table (which role may call which endpoint of the web API).
//
// Everything is stored through store::Connection in tables named accounts_*, created
// by Migrations(). Secrets are never stored or logged in the clear: passwords are
// Argon2id hashes (libsodium crypto_pwhash_str), session tokens and respondent codes
// are stored only as BLAKE2b hashes, and the audit log never holds either.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace tenlik::accounts {

// Roles. A respondent is anonymous: it logs in with a code, not a name.
enum class Role { kAdmin, kAnalyst, kViewer, kSchoolCoordinator, kRespondent, kPeerReviewer };
inline constexpr Role kAllRoles[] = {Role::kAdmin,      Role::kAnalyst,
                                     Role::kViewer,     Role::kSchoolCoordinator,
                                     Role::kRespondent, Role::kPeerReviewer};

// "admin", "analyst", "viewer", "school_coordinator", "respondent", "peer_reviewer".
std::string_view RoleName(Role role);
// The role named `name` (as RoleName spells it); nullopt for anything else.
std::optional<Role> ParseRole(std::string_view name);

// True for a valid user name: 1-64 characters of a-z, 0-9, '.', '_', '-', '@',
// starting with a letter or digit. Names are compared exactly (lower case only).
bool IsValidUserName(std::string_view name);

// The schema of module "accounts", to pass to store::Connection::Migrate.
const std::vector<store::Migration>& Migrations();

// Limits of sessions, passwords and login attempts. Rate limits are persisted in the
// store (table accounts_login_failures), so they hold across restarts and across
// several server processes sharing one PostgreSQL store.
struct Policy {
  int64_t session_seconds = 8 * 3600;
  int64_t respondent_session_seconds = 2 * 3600;
  size_t min_password_length = 10;
  size_t max_password_length = 1024;
  // After `account_failures` failed logins for one account, or `address_failures`
  // from one client address, within `failure_window_seconds`, further logins for it
  // are refused for `lockout_seconds` (even with the right password).
  int account_failures = 5;
  int address_failures = 20;
  int64_t failure_window_seconds = 15 * 60;
  int64_t lockout_seconds = 15 * 60;
};

// Seconds since the Unix epoch; tests pass their own.
using Clock = std::function<int64_t()>;

// Who did something, for the audit log: a user name ("" for an anonymous
// respondent, "cli:<login>" for the command line) and the client address ("" if none).
struct Actor {
  std::string name;
  std::string client;
};

struct User {
  std::string name;
  Role role = Role::kViewer;
  int64_t created_at = 0;
};

// A live session, as seen on each request.
struct Session {
  std::string user;           // empty for a respondent
  Role role = Role::kViewer;  // the user's current role (changes apply at once)
  int64_t expires_at = 0;
  std::string csrf_token;      // the value state-changing requests must carry
  std::string respondent_key;  // for a respondent: a stable pseudonymous key of the code
};

// A session just created: `token` goes to the client (cookie) and nowhere else.
struct NewSession {
  std::string token;
  Session session;
};

enum class LoginOutcome { kOk, kWrongCredentials, kRateLimited };

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::kWrongCredentials;
  std::optional<NewSession> session;  // set when outcome is kOk
  int64_t retry_after_seconds = 0;    // set when outcome is kRateLimited
};

// The outcome of a user changing their own password.
struct PasswordChange {
  LoginOutcome outcome = LoginOutcome::kWrongCredentials;
  int64_t retry_after_seconds = 0;   // set when outcome is kRateLimited
  int64_t other_sessions_ended = 0;  // set when outcome is kOk
};

struct AuditEntry {
  std::string id;  // sortable: later entries have greater ids
  int64_t at = 0;
  std::string actor;
  std::string action;  // e.g. "login", "login_failed", "user_add", "user_role"
  std::string target;
  std::string detail;  // e.g. the new role; never a secret
  std::string client;
};

// Accounts over one connection. Cheap to construct; holds no state of its own beyond
// the policy, so create one per request or per command. Not thread-safe (nor is the
// connection).
class Accounts {
 public:
  explicit Accounts(store::Connection& db, Policy policy = {}, Clock clock = {});

  // Users. AddUser: AlreadyExists when the name is taken; InvalidArgument for a bad
  // name, the respondent role (respondents have codes, not names) or a password
  // shorter than the policy's minimum.
  Status AddUser(std::string_view name, Role role, std::string_view password, const Actor& actor);
  Result<std::vector<User>> ListUsers();
  Result<std::optional<User>> FindUser(std::string_view name);
  // NotFound when there is no such user; FailedPrecondition when the change would
  // leave no admin. Removing a user or changing a password ends the user's sessions.
  Status RemoveUser(std::string_view name, const Actor& actor);
  Status SetRole(std::string_view name, Role role, const Actor& actor);
  Status SetPassword(std::string_view name, std::string_view password, const Actor& actor);

  // The user of the live session `token` changes their own password, proving it with
  // `current`. A wrong `current` counts as a failed login of that user from `client`
  // (the same counters and limits as Login) and is audited "password_change_failed";
  // while the user or the address is locked out the change is refused (kRateLimited)
  // even with the right password. On success the new password's hash is stored, every
  // other session of the user is revoked while the session of `token` stays live, and
  // "password_change" is audited with the number of sessions ended (never a password).
  // InvalidArgument when `new_password` breaks the policy (checked first, and not
  // counted as a failure); FailedPrecondition when `token` is not the live session of a
  // user (e.g. a respondent's); other errors only for store failures.
  Result<PasswordChange> ChangeOwnPassword(std::string_view token, std::string_view current,
                                           std::string_view new_password, std::string_view client);

  // Password login from `client` (an address). Unknown users cost the same time as
  // known ones and are counted against the address. Errors only for store failures.
  Result<LoginResult> Login(std::string_view name, std::string_view password,
                            std::string_view client);

  // Creates `count` respondent codes valid for `valid_seconds`; returns them in the
  // clear (only their hashes are stored). `label` says what they are for (a survey).
  Result<std::vector<std::string>> IssueRespondentCodes(int count, int64_t valid_seconds,
                                                        std::string_view label, const Actor& actor);
  // Code login: a session with the respondent role and no user name.
  Result<LoginResult> LoginWithCode(std::string_view code, std::string_view client);

  // The session of `token`; nullopt when the token is unknown, expired, revoked or its
  // user was removed.
  Result<std::optional<Session>> Authenticate(std::string_view token);
  // Revokes the session of `token` (no error if it was not live).
  Status Logout(std::string_view token, const Actor& actor);

  // Appends to the audit log. `target` is what was acted on (a user name, a survey);
  // `detail` says how (the new role). Neither may hold a secret.
  Status Audit(const Actor& actor, std::string_view action, std::string_view target,
               std::string_view detail = {});
  // Entries newest first, at most `limit`, older than `before_id` when it is not empty.
  Result<std::vector<AuditEntry>> ListAudit(int limit, std::string_view before_id);

 private:
  Result<LoginResult> Refused(const std::vector<std::string>& subjects, std::string_view action,
                              std::string_view target, std::string_view client);
  Result<int64_t> LockedFor(const std::vector<std::string>& subjects);
  Status RecordFailure(const std::string& subject, int limit);
  Status ClearFailures(const std::string& subject);
  Result<NewSession> CreateSession(std::string_view user, Role role,
                                   std::string_view respondent_key, int64_t lifetime);
  Status EndSessionsOf(std::string_view name);
  Result<int64_t> CountAdmins();
  Status CheckPassword(std::string_view password) const;

  store::Connection& db_;
  Policy policy_;
  Clock clock_;
};

// True when `given` equals the session's CSRF token (compared in constant time).
bool CsrfMatches(const Session& session, std::string_view given);

// The authorisation table of the web API: one row per endpoint. `path` is the route
// template ("/api/v1/users/{name}"). This is the only place that says who may call what.
enum class Access {
  kPublic,      // anyone, without a session
  kAnySession,  // any logged-in user or respondent
  kRoles,       // a session whose role is in `roles`
};
struct EndpointRule {
  std::string_view method;  // "GET", "POST", "PATCH", "DELETE"
  std::string_view path;
  Access access = Access::kRoles;
  std::vector<Role> roles;
};
const std::vector<EndpointRule>& EndpointRules();
// The rule for `method` and `path_template`; nullptr when there is none.
const EndpointRule* FindEndpointRule(std::string_view method, std::string_view path_template);
// True when a session with `role` may call the endpoint of `rule`.
bool RoleMayCall(const EndpointRule& rule, Role role);

}  // namespace tenlik::accounts
