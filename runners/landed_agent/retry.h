// Retries of one model call: rate limits (429), timeouts (408), server errors (5xx) and
// connection failures are retried with exponential backoff a bounded number of times.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "runners/landed_agent/http_transport.h"

namespace landed::agent {

struct RetryPolicy {
  int retries = 4;                               // tries after the first
  std::chrono::milliseconds backoff{1000};       // first wait; doubles each time
  std::chrono::milliseconds max_backoff{60000};  // cap, Retry-After included
};

enum class CallOutcome {
  kAnswered,     // 2xx
  kRejected,     // a 4xx that retrying cannot fix (400, 401, 404, ...)
  kUnavailable,  // retries exhausted: the provider never answered this call
};

struct CallResult {
  CallOutcome outcome = CallOutcome::kUnavailable;
  HttpReply reply;     // the last answer (empty after connection failures)
  std::string reason;  // for kRejected and kUnavailable, in words
  int attempts = 0;
};

bool is_retryable_status(int status);
/// The wait before retry number `retry` (0-based): backoff * 2^retry, at least Retry-After,
/// at most max_backoff.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry,
                                      const std::optional<double>& retry_after_s);

using Sleeper = std::function<void(std::chrono::milliseconds)>;
/// `call` once, then again while it fails in a retryable way and retries remain.
CallResult call_with_retries(const std::function<Result<HttpReply>()>& call,
                             const RetryPolicy& policy, const Sleeper& sleep);

}  // namespace landed::agent
