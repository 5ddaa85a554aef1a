#include "scoring/stats.h"

#include <random>

#include <gtest/gtest.h>

#include "scoring/median_sketch.h"

namespace landed {
namespace {

TEST(Stats, WilsonIntervalMatchesKnownValues) {
  Interval eight_of_ten = wilson_interval(8, 10);
  EXPECT_NEAR(eight_of_ten.low, 0.49016, 1e-5);
  EXPECT_NEAR(eight_of_ten.high, 0.94332, 1e-5);
  Interval none = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 0.27753, 1e-5);
  Interval all = wilson_interval(10, 10);
  EXPECT_NEAR(all.low, 0.72247, 1e-5);
  EXPECT_DOUBLE_EQ(all.high, 1.0);
  EXPECT_EQ(wilson_interval(0, 0), (Interval{0, 1}));
}

TEST(Stats, WilsonIntervalCoversTheTrueRateInAtLeast94PercentOfCampaigns) {
  std::mt19937_64 rng(42);
  const double true_rates[] = {0.15, 0.4, 0.62, 0.85};
  int covered = 0, campaigns = 10000;
  for (int i = 0; i < campaigns; ++i) {
    double p = true_rates[i % 4];
    std::binomial_distribution<int> passes(60, p);
    Interval ci = wilson_interval(passes(rng), 60);
    if (ci.low <= p && p <= ci.high) ++covered;
  }
  EXPECT_GE(covered, 9400) << covered << " of " << campaigns;
}

TEST(Stats, PassAtKUnbiasedEstimatorMatchesClosedForm) {
  EXPECT_DOUBLE_EQ(*pass_at_k(10, 3, 1), 0.3);
  EXPECT_NEAR(*pass_at_k(5, 2, 2), 0.7, 1e-12);  // 1 - C(3,2)/C(5,2)
  EXPECT_NEAR(*pass_at_k(10, 1, 5), 0.5, 1e-12);  // 1 - C(9,5)/C(10,5)
  EXPECT_DOUBLE_EQ(*pass_at_k(4, 0, 2), 0.0);
  EXPECT_DOUBLE_EQ(*pass_at_k(3, 3, 3), 1.0);
  EXPECT_DOUBLE_EQ(*pass_at_k(5, 4, 2), 1.0);  // fewer failures than k
  EXPECT_EQ(pass_at_k(2, 1, 3), std::nullopt);
}

TEST(Stats, ExactMcNemarMatchesTheBinomialTail) {
  EXPECT_DOUBLE_EQ(mcnemar_exact_p(0, 0), 1.0);
  EXPECT_NEAR(mcnemar_exact_p(0, 5), 0.0625, 1e-12);
  EXPECT_NEAR(mcnemar_exact_p(9, 1), 0.021484375, 1e-12);  // 2 * 11/1024
  EXPECT_DOUBLE_EQ(mcnemar_exact_p(3, 3), 1.0);
  EXPECT_NEAR(binomial_half_cdf(2, 10), 56.0 / 1024, 1e-12);
}

TEST(Stats, PairedBootstrapIsSeededAndCentredOnTheMean) {
  std::vector<double> diffs{-1, 0, 0, -1, 0, 1, -1, 0, -1, -1};
  BootstrapResult a = paired_bootstrap(diffs, 0.95, 2000, 7);
  BootstrapResult b = paired_bootstrap(diffs, 0.95, 2000, 7);
  EXPECT_EQ(a.interval, b.interval);
  EXPECT_DOUBLE_EQ(a.mean, -0.4);
  EXPECT_LT(a.interval.low, -0.4);
  EXPECT_GT(a.interval.high, -0.4);
  EXPECT_DOUBLE_EQ(paired_bootstrap({0, 0, 0}, 0.95, 500).p_value, 1.0);
}

TEST(Stats, MedianAndMean) {
  EXPECT_EQ(median({}), std::nullopt);
  EXPECT_DOUBLE_EQ(*median({3, 1, 2}), 2.0);
  EXPECT_DOUBLE_EQ(*median({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(mean({1, 2, 3, 6}), 3.0);
}

TEST(MedianSketch, IsExactWhenSmallAndWithinHalfAPercentWhenBinned) {
  MedianSketch small;
  for (double v : {0.5, 0.1, 0.3}) small.add(v);
  EXPECT_DOUBLE_EQ(*small.median(), 0.3);
  MedianSketch big;
  std::mt19937_64 rng(1);
  std::lognormal_distribution<double> cost(-2, 1);
  std::vector<double> values;
  for (std::size_t i = 0; i < MedianSketch::kExactLimit + 5001; ++i) {
    values.push_back(cost(rng));
    big.add(values.back());
  }
  ASSERT_TRUE(big.binned());
  double exact = *median(values);
  EXPECT_NEAR(*big.median() / exact, 1.0, 0.006);
}

TEST(Stats, ZForConfidenceIsTheWilsonZOfTheScoreboard) {
  // One z for 95%: adaptive repeats and the scoreboard's interval agree exactly.
  EXPECT_EQ(z_for_confidence(0.95), kZ95);
  EXPECT_NEAR(z_for_confidence(0.99), 2.5758, 1e-4);
  EXPECT_EQ(wilson_interval(4, 4, z_for_confidence(0.95)), wilson_interval(4, 4));
}

}  // namespace
}  // namespace landed
