// Internal helpers shared by the accounts sources.
#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "accounts/accounts.h"

namespace tenlik::accounts {

inline int64_t NowFrom(const Clock& clock) {
  return clock ? clock() : static_cast<int64_t>(std::time(nullptr));
}

// Subjects of the login rate limits (accounts_login_failures).
inline std::string UserSubject(std::string_view name) { return "user:" + std::string(name); }
inline std::string AddressSubject(std::string_view client) { return "addr:" + std::string(client); }

// Runs `sql` with text/integer parameters bound in order; for statements without rows.
Status ExecWith(store::Connection& db, std::string_view sql,
                const std::vector<std::variant<int64_t, std::string_view>>& params);

}  // namespace tenlik::accounts
