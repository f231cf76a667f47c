// SQLite backend of the store (internal to src/store/).
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>

#include "store/store.h"

namespace tenlik::store {

// Opens the SQLite file at `path` in WAL mode with foreign keys on.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool create);

}  // namespace tenlik::store
