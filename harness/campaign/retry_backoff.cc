#include "harness/campaign/retry_backoff.h"

#include <algorithm>

namespace landed {
namespace {

// splitmix64: a well-mixed 64-bit value from any input.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::chrono::milliseconds retry_delay(const RetryBackoff& backoff, int retry, std::uint64_t seed) {
  if (retry < 1 || backoff.base.count() <= 0) return std::chrono::milliseconds(0);
  const int doublings = std::min(retry - 1, 30);
  const double exponential = static_cast<double>(backoff.base.count()) * static_cast<double>(1LL << doublings);
  const double capped = std::min(exponential, static_cast<double>(backoff.cap.count()));
  const double unit = static_cast<double>(mix(seed ^ static_cast<std::uint64_t>(retry)) >> 11) /
                      static_cast<double>(1ULL << 53);
  return std::chrono::milliseconds(static_cast<long long>(capped * (0.75 + 0.5 * unit)));
}

}  // namespace landed
