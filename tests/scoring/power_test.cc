#include "scoring/power.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

// Expected values computed exactly (Python, math.comb and 200 bisection steps).

TEST(Power, BinomialUpperTailMatchesExactSums) {
  EXPECT_NEAR(binomial_upper_tail(6, 20, 0.3), 0.5836291705525182, 1e-12);
  EXPECT_DOUBLE_EQ(binomial_upper_tail(0, 5, 0.3), 1.0);
  EXPECT_DOUBLE_EQ(binomial_upper_tail(6, 5, 0.3), 0.0);
  EXPECT_NEAR(binomial_upper_tail(5, 5, 0.5), 1.0 / 32, 1e-15);
}

TEST(Power, McNemarNeedsSixOneSidedFlipsAtFivePercent) {
  // 2 x 0.5^5 = 0.0625 is not below 0.05; 2 x 0.5^6 = 0.03125 is.
  EXPECT_EQ(mcnemar_min_discordant(20, 0.05), 6);
  EXPECT_EQ(mcnemar_min_discordant(50, 0.01), 8);
  EXPECT_EQ(mcnemar_min_discordant(6, 0.05), 6);
}

TEST(Power, ASuiteOfThreeTasksCanNeverFireTheGate) {
  EXPECT_EQ(mcnemar_min_discordant(3, 0.05), std::nullopt);
  EXPECT_EQ(min_detectable_drop(3, 0.05), std::nullopt);
  EXPECT_EQ(min_detectable_drop(5, 0.05), std::nullopt);
}

TEST(Power, MinimumDetectableDropAtEightyPercentPower) {
  EXPECT_NEAR(*min_detectable_drop(20, 0.05), 0.3664593512550514, 1e-9);
  EXPECT_NEAR(*min_detectable_drop(100, 0.05), 0.07791107495026074, 1e-9);
  EXPECT_NEAR(*min_detectable_drop(6, 0.05), 0.9634924839989961, 1e-9);
  EXPECT_NEAR(*min_detectable_drop(50, 0.01), 0.19798505260085, 1e-9);
}

TEST(Power, MoreTasksDetectSmallerDrops) {
  EXPECT_LT(*min_detectable_drop(200, 0.05), *min_detectable_drop(100, 0.05));
}

}  // namespace
}  // namespace landed
