#include "scoring/compare.h"

#include <random>

#include <gtest/gtest.h>

#include "tests/scoring/scoreboard_test_util.h"

namespace landed {
namespace {

using testing::make_record;

/// A campaign of `tasks` tasks × `repeats` where attempt (t, r) passes when pass(t, r).
template <class PassFn>
Scoreboard campaign(int tasks, int repeats, PassFn pass) {
  ScoreboardBuilder builder(builtin_prices().value(), Pricing::kStored);
  for (int t = 0; t < tasks; ++t)
    for (int r = 0; r < repeats; ++r)
      builder.add(make_record("model-x", "task-" + std::to_string(t), r,
                              pass(t, r) ? Outcome::kPass : Outcome::kFail, 0.25));
  return builder.finish();
}

TEST(Compare, CatchesAPlantedRegressionWithMcNemar) {
  Scoreboard baseline = campaign(40, 1, [](int t, int) { return t < 30; });
  Scoreboard candidate = campaign(40, 1, [](int t, int) { return t < 14; });
  Comparison result = compare_scoreboards(baseline, candidate);
  ASSERT_EQ(result.changes.size(), 1u);
  const ContenderChange& c = result.changes[0];
  EXPECT_EQ(c.test, PairedTest::kMcNemar);
  EXPECT_EQ(c.only_baseline_passed, 16);
  EXPECT_EQ(c.only_candidate_passed, 0);
  EXPECT_LT(c.p_value, 0.001);
  EXPECT_TRUE(c.regression);
  EXPECT_TRUE(result.has_regression());
  EXPECT_NEAR(c.delta, -0.4, 1e-12);
}

TEST(Compare, DoesNotFailOnAPlantedNoiseDifference) {
  Scoreboard baseline = campaign(40, 1, [](int t, int) { return t < 30; });
  // Three tasks lost, two gained: a net drop of one task is noise.
  Scoreboard candidate = campaign(40, 1, [](int t, int) { return (t < 30 && t > 2) || t == 31 || t == 35; });
  Comparison result = compare_scoreboards(baseline, candidate);
  const ContenderChange& c = result.changes[0];
  EXPECT_EQ(c.only_baseline_passed, 3);
  EXPECT_EQ(c.only_candidate_passed, 2);
  EXPECT_DOUBLE_EQ(c.p_value, 1.0);
  EXPECT_FALSE(result.has_regression());
}

TEST(Compare, UsesAPairedBootstrapWithRepeatsAndCatchesARegression) {
  Scoreboard baseline = campaign(30, 3, [](int t, int r) { return (t + r) % 10 != 0; });
  Scoreboard candidate = campaign(30, 3, [](int t, int r) { return (t + r) % 2 == 0; });
  const ContenderChange c = compare_scoreboards(baseline, candidate).changes[0];
  EXPECT_EQ(c.test, PairedTest::kBootstrap);
  EXPECT_LT(c.delta, -0.3);
  EXPECT_LT(c.delta_interval.high, 0);
  EXPECT_TRUE(c.regression);
}

TEST(Compare, BootstrapNoiseBetweenTwoDrawsOfTheSameModelDoesNotFail) {
  std::mt19937_64 rng(5);
  std::bernoulli_distribution coin(0.6);
  std::vector<bool> a(90), b(90);
  for (std::size_t i = 0; i < 90; ++i) a[i] = coin(rng), b[i] = coin(rng);
  Scoreboard baseline = campaign(30, 3, [&](int t, int r) { return a[t * 3 + r]; });
  Scoreboard candidate = campaign(30, 3, [&](int t, int r) { return b[t * 3 + r]; });
  Comparison result = compare_scoreboards(baseline, candidate);
  EXPECT_FALSE(result.has_regression()) << "p = " << result.changes[0].p_value;
  EXPECT_GT(result.changes[0].p_value, 0.05);
}

TEST(Compare, ReportsDollarsPerSolvedChangeWithAnInterval) {
  Scoreboard baseline = campaign(20, 1, [](int t, int) { return t < 10; });
  Scoreboard candidate = campaign(20, 1, [](int t, int) { return t < 5; });
  const ContenderChange c = compare_scoreboards(baseline, candidate).changes[0];
  ASSERT_TRUE(c.per_solved_change.has_value());
  EXPECT_DOUBLE_EQ(*c.baseline_per_solved, 0.5);   // $5 over 10 solved
  EXPECT_DOUBLE_EQ(*c.candidate_per_solved, 1.0);  // $5 over 5 solved
  EXPECT_DOUBLE_EQ(c.per_solved_change->mean, 0.5);
}

TEST(Compare, ListsContendersPresentOnOneSideOnly) {
  ScoreboardBuilder a(builtin_prices().value(), Pricing::kStored);
  a.add(make_record("old", "t", 0, Outcome::kPass));
  ScoreboardBuilder b(builtin_prices().value(), Pricing::kStored);
  b.add(make_record("new", "t", 0, Outcome::kPass));
  Comparison result = compare_scoreboards(a.finish(), b.finish());
  EXPECT_EQ(result.only_in_baseline, std::vector<std::string>{"old"});
  EXPECT_EQ(result.only_in_candidate, std::vector<std::string>{"new"});
  EXPECT_FALSE(result.has_regression());
}

TEST(Compare, DropGateFiresWhereTheSuiteIsTooSmallForSignificance) {
  // 100% -> 33.3% on three tasks: p = 0.25, and no drop could ever be significant here.
  Scoreboard baseline = campaign(3, 1, [](int, int) { return true; });
  Scoreboard candidate = campaign(3, 1, [](int t, int) { return t == 0; });
  CompareOptions options;
  options.max_drop_points = 10;
  Comparison result = compare_scoreboards(baseline, candidate, options);
  const ContenderChange& c = result.changes[0];
  EXPECT_FALSE(c.regression);
  EXPECT_EQ(c.min_detectable_drop, std::nullopt);
  EXPECT_TRUE(c.drop_gate_crossed);
  EXPECT_TRUE(result.gate_crossed());
  EXPECT_FALSE(result.has_regression());
}

TEST(Compare, DropGateHoldsAtExactlyTheLimit) {
  Scoreboard baseline = campaign(10, 1, [](int, int) { return true; });
  Scoreboard candidate = campaign(10, 1, [](int t, int) { return t != 0; });
  CompareOptions options;
  options.max_drop_points = 10;
  EXPECT_FALSE(compare_scoreboards(baseline, candidate, options).gate_crossed());
  options.max_drop_points = 9.9;
  EXPECT_TRUE(compare_scoreboards(baseline, candidate, options).gate_crossed());
}

TEST(Compare, CostRiseIsShownAndGatedWhenPassRatesAreUnchanged) {
  auto same = [](int t, int) { return t % 2 == 0; };
  ScoreboardBuilder dear(builtin_prices().value(), Pricing::kStored);
  for (int t = 0; t < 20; ++t)
    dear.add(make_record("model-x", "task-" + std::to_string(t), 0,
                         same(t, 0) ? Outcome::kPass : Outcome::kFail, 0.50));
  Scoreboard baseline = campaign(20, 1, same);
  Scoreboard candidate = dear.finish();
  CompareOptions options;
  options.max_cost_rise_percent = 25;
  Comparison result = compare_scoreboards(baseline, candidate, options);
  const ContenderChange& c = result.changes[0];
  EXPECT_DOUBLE_EQ(c.delta, 0);
  ASSERT_TRUE(c.cost_rise_percent);
  EXPECT_NEAR(*c.cost_rise_percent, 100, 1e-9);
  EXPECT_TRUE(c.cost_change_significant);
  EXPECT_TRUE(c.cost_gate_crossed);
  EXPECT_FALSE(c.drop_gate_crossed);
  ASSERT_TRUE(c.min_detectable_drop);
  EXPECT_NEAR(*c.min_detectable_drop, 0.3664593512550514, 1e-9);
}

}  // namespace
}  // namespace landed
