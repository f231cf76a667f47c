// The parts of a PostgreSQL connection URL the store needs (internal to src/store/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tenlik::store {

bool IsPostgresUrl(std::string_view location);

struct PostgresUrl {
  std::string before_database;       // "postgresql://user:pw@host:port"
  std::string database;              // decoded; empty when the URL names none
  std::string after_database;        // "?sslmode=..." or ""
  std::vector<std::string> secrets;  // passwords as written in the URL

  // The same URL naming database `name` instead.
  std::string WithDatabase(const std::string& name) const;
};

PostgresUrl ParsePostgresUrl(std::string_view url);

// `text` with every password of `url` replaced by "****".
std::string MaskSecrets(std::string text, const PostgresUrl& url);

}  // namespace tenlik::store
