#include "server/internal.h"

namespace tenlik::server {

Result<std::unique_ptr<store::Connection>> ConnectionPool::Take() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  return store::Connection::Open(location_, /*create=*/false);
}

void ConnectionPool::Give(std::unique_ptr<store::Connection> connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(connection));
}

void ConnectionPool::CloseAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.clear();
}

}  // namespace tenlik::server
