#include "accounts/accounts.h"

namespace tenlik::accounts {

// Version 1. Times are Unix seconds. Names are primary keys, so no generated ids are
// needed; audit ids are made by the program (time plus randomness, sortable).
const std::vector<store::Migration>& Migrations() {
  static const std::vector<store::Migration> kMigrations = {
      {"accounts", 1, R"sql(
CREATE TABLE accounts_users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE accounts_sessions (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  respondent_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX accounts_sessions_user ON accounts_sessions(user_name);
CREATE TABLE accounts_respondent_codes (
  code_hash TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE accounts_login_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);
CREATE TABLE accounts_audit (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  client TEXT NOT NULL
);
)sql"},
  };
  return kMigrations;
}

}  // namespace tenlik::accounts
