// Error values that cross module boundaries (after Abseil's Status / StatusOr).
//
// A Status is either ok or carries a code and a human-readable message. Result<T>
// holds either a T or a non-ok Status. Modules return these instead of throwing;
// exceptions stay inside a module and are turned into a Status at its boundary.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tenlik {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the caller passed something malformed (bad option, bad query)
  kNotFound,          // a file, record or key that was asked for does not exist
  kAlreadyExists,     // creating something that is already there
  kDataLoss,          // input that cannot be read as the format it claims to be
  kFailedPrecondition,// the system is not in a state where this can run (no store, no key)
  kCancelled,         // stopped on request (Ctrl-C); work done so far is kept
  kIoError,           // the operating system refused a read or write
  kInternal,          // a bug or an unexpected library failure
};

// Returns a stable lower-case name for `code`, e.g. "invalid_argument".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "code: message", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status Cancelled(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Either a value of type T or a non-ok Status. Constructing a Result from an ok
// Status is a programming error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(runtime/explicit)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(runtime/explicit)
    assert(!std::get<Status>(data_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(data_); }

  // The error; Status::Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  // Requires ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace tenlik

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define TENLIK_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::tenlik::Status tenlik_status_ = (expr);   \
    if (!tenlik_status_.ok()) return tenlik_status_; \
  } while (0)

#define TENLIK_CONCAT_INNER_(a, b) a##b
#define TENLIK_CONCAT_(a, b) TENLIK_CONCAT_INNER_(a, b)

// `TENLIK_ASSIGN_OR_RETURN(auto x, F());` assigns the value or returns the error.
#define TENLIK_ASSIGN_OR_RETURN(lhs, expr) \
  TENLIK_ASSIGN_OR_RETURN_IMPL_(TENLIK_CONCAT_(tenlik_result_, __LINE__), lhs, expr)
#define TENLIK_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                  \
  if (!result.ok()) return result.status();              \
  lhs = std::move(result).value()
