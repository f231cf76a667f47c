#include "store/postgres_connection.h"
#include "store/postgres_url.h"
#include "store/sqlite_connection.h"
#include "store/store.h"

namespace tenlik::store {

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& location, bool create) {
  if (IsPostgresUrl(location)) return OpenPostgres(location, create);
  return OpenSqlite(location, create);
}

}  // namespace tenlik::store
