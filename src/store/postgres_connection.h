// PostgreSQL backend of the store (internal to src/store/), on libpqxx.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace tenlik::store {

// Opens the PostgreSQL database named by `url` ("postgresql://user@host:port/db" or
// "postgres://..."). When the database does not exist: creates it if `create` (the
// user needs the CREATEDB right), else NotFound. Errors never show the password.
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url, bool create);

}  // namespace tenlik::store
