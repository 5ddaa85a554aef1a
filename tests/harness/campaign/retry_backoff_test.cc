#include "harness/campaign/retry_backoff.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

using std::chrono::milliseconds;

TEST(RetryBackoff, DoublesFromTheBaseWithinTheJitterBand) {
  const RetryBackoff backoff{milliseconds(1000), milliseconds(60000)};
  for (int retry = 1; retry <= 5; ++retry) {
    const double nominal = 1000.0 * (1 << (retry - 1));
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
      const auto wait = retry_delay(backoff, retry, seed).count();
      EXPECT_GE(wait, 0.75 * nominal) << "retry " << retry;
      EXPECT_LT(wait, 1.25 * nominal) << "retry " << retry;
    }
  }
}

TEST(RetryBackoff, NeverWaitsLongerThanTheCapAllowsAndNotBeforeTheFirstRetry) {
  const RetryBackoff backoff{milliseconds(1000), milliseconds(5000)};
  EXPECT_EQ(retry_delay(backoff, 0, 7).count(), 0);
  for (int retry = 4; retry <= 64; ++retry) EXPECT_LT(retry_delay(backoff, retry, 7).count(), 6250);
}

TEST(RetryBackoff, SameSeedSameWaitDifferentSeedsSpreadOut) {
  const RetryBackoff backoff{milliseconds(2000), milliseconds(60000)};
  EXPECT_EQ(retry_delay(backoff, 2, 42), retry_delay(backoff, 2, 42));
  int distinct = 0;
  for (std::uint64_t seed = 1; seed < 20; ++seed)
    if (retry_delay(backoff, 2, seed) != retry_delay(backoff, 2, seed - 1)) ++distinct;
  EXPECT_GT(distinct, 15);
}

TEST(RetryBackoff, ZeroBaseMeansNoWait) {
  EXPECT_EQ(retry_delay(RetryBackoff{milliseconds(0), milliseconds(0)}, 3, 1).count(), 0);
}

}  // namespace
}  // namespace landed
