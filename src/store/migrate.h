// Schema migrations on any backend (internal to src/store/): the bookkeeping in
// `schema_migrations` is written in portable SQL, so both backends share it.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace tenlik::store {

// Applies each migration newer than the recorded version of its module, each in its
// own transaction, then refuses a store newer than `migrations` know
// (Connection::Migrate's contract).
Status ApplyMigrations(Connection& db, const std::vector<Migration>& migrations);

// The highest recorded version of `module`; 0 when none.
Result<int> RecordedSchemaVersion(Connection& db, const std::string& module);

}  // namespace tenlik::store
