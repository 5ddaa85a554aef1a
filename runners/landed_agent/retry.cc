#include "runners/landed_agent/retry.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

std::string failure(const Result<HttpReply>& answer) {
  if (!answer.ok()) return answer.error().message;
  return fmt::format("HTTP {}: {}", answer->status, api_error_message(answer->body));
}

}  // namespace

bool is_retryable_status(int status) { return status == 429 || status == 408 || status >= 500; }

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry,
                                      const std::optional<double>& retry_after_s) {
  double ms = static_cast<double>(policy.backoff.count()) * std::pow(2.0, retry);
  if (retry_after_s) ms = std::max(ms, *retry_after_s * 1000.0);
  ms = std::min(ms, static_cast<double>(policy.max_backoff.count()));
  return std::chrono::milliseconds(static_cast<std::int64_t>(ms));
}

CallResult call_with_retries(const std::function<Result<HttpReply>()>& call,
                             const RetryPolicy& policy, const Sleeper& sleep) {
  CallResult result;
  for (int attempt = 0;; ++attempt) {
    Result<HttpReply> answer = call();
    result.attempts = attempt + 1;
    if (answer.ok()) result.reply = *answer;
    if (answer.ok() && answer->status >= 200 && answer->status < 300) {
      result.outcome = CallOutcome::kAnswered;
      return result;
    }
    result.reason = failure(answer);
    if (answer.ok() && !is_retryable_status(answer->status)) {
      result.outcome = CallOutcome::kRejected;
      return result;
    }
    if (attempt >= policy.retries) break;
    const auto delay =
        retry_delay(policy, attempt, answer.ok() ? answer->retry_after_s : std::nullopt);
    std::cerr << "landed-agent: " << result.reason << "; retrying in " << delay.count() << " ms\n";
    sleep(delay);
  }
  result.outcome = CallOutcome::kUnavailable;
  result.reason =
      fmt::format("no answer after {} attempts; last: {}", result.attempts, result.reason);
  return result;
}

}  // namespace landed::agent
