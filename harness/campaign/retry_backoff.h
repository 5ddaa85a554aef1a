// How long to wait before trying an attempt again after the provider never answered
// (infra_error): exponential backoff with deterministic jitter, bounded.
#pragma once

#include <chrono>
#include <cstdint>

namespace landed {

struct RetryBackoff {
  std::chrono::milliseconds base{2000};     // the wait before the first retry
  std::chrono::milliseconds cap{60000};     // no single wait is longer
};

/// The wait before retry number `retry` (1 = the first retry): base × 2^(retry−1), capped,
/// then scaled by a jitter factor in [0.75, 1.25) drawn from `seed` and `retry`, so parallel
/// attempts that failed together do not all return at the same instant, and a re-run waits the
/// same. Zero base means no wait.
std::chrono::milliseconds retry_delay(const RetryBackoff& backoff, int retry, std::uint64_t seed);

}  // namespace landed
