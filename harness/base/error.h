// Errors as values: Result<T> holds either a T or an Error that says what failed and why.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include <fmt/format.h>

namespace landed {

/// What went wrong, in words a user can act on: which file, task or call, and why.
struct Error {
  std::string message;

  /// Returns this error with `context` in front, e.g. "tasks/foo/task.toml: " + message.
  Error with_context(std::string_view context) const {
    return Error{fmt::format("{}: {}", context, message)};
  }
};

template <class... Args>
Error make_error(fmt::format_string<Args...> format, Args&&... args) {
  return Error{fmt::format(format, std::forward<Args>(args)...)};
}

/// "open(path) failed: No such file or directory", from the current errno.
Error errno_error(std::string_view call, std::string_view subject = {});

/// Either a value or an Error. Deliberately small: ok(), value(), error(), operator*, ->.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation that yields nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace landed

/// Evaluates `expr` (a Result); on error returns the error from the enclosing function.
#define LANDED_TRY_STATUS(expr)                                \
  do {                                                         \
    auto landed_try_result_ = (expr);                          \
    if (!landed_try_result_.ok()) return landed_try_result_.error(); \
  } while (0)

#define LANDED_CONCAT_INNER(a, b) a##b
#define LANDED_CONCAT(a, b) LANDED_CONCAT_INNER(a, b)

/// `LANDED_TRY(auto x, expr);` binds the value of `expr` or returns its error.
#define LANDED_TRY(decl, expr) LANDED_TRY_IMPL(LANDED_CONCAT(landed_try_, __LINE__), decl, expr)
#define LANDED_TRY_IMPL(tmp, decl, expr)       \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.error();           \
  decl = std::move(tmp).value()
