// The in-memory limit on failed access-code attempts per client address.
#include <algorithm>

#include "server/internal.h"

namespace tenlik::server {

void CodeAttemptLimiter::Forget(std::vector<int64_t>& failures, int64_t now) const {
  auto live = std::find_if(failures.begin(), failures.end(),
                           [&](int64_t at) { return at > now - window_seconds_; });
  failures.erase(failures.begin(), live);
}

int64_t CodeAttemptLimiter::RetryAfter(const std::string& client, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = failures_.find(client);
  if (found == failures_.end()) return 0;
  Forget(found->second, now);
  if (found->second.empty()) {
    failures_.erase(found);
    return 0;
  }
  if (found->second.size() < static_cast<size_t>(limit_)) return 0;
  // Free again when enough failures have left the window to fall below the limit.
  int64_t freed_at =
      found->second[found->second.size() - static_cast<size_t>(limit_)] + window_seconds_;
  return std::max<int64_t>(1, freed_at - now);
}

void CodeAttemptLimiter::RecordFailure(const std::string& client, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Many addresses (a scan): forget those whose failures have all left the window,
  // so that memory stays bounded by the addresses failing now.
  if (failures_.size() >= kSweepAt) {
    std::erase_if(failures_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now - window_seconds_;
    });
  }
  std::vector<int64_t>& failures = failures_[client];
  Forget(failures, now);
  failures.push_back(now);
}

}  // namespace tenlik::server
