#include "store/sqlite_connection.h"
#include "store/store.h"

namespace tenlik::store {

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& location, bool create) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    return InvalidArgument("PostgreSQL stores are not supported by this build yet: " +
                           std::string("use a SQLite file path"));
  }
  return OpenSqlite(location, create);
}

}  // namespace tenlik::store
