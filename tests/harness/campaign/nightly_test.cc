// Unit tests of the nightly machinery: provider limits in the scheduler, the dollar cap, the
// adaptive-repeats rule and the shard assignment.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "harness/campaign/adaptive_repeats.h"
#include "harness/campaign/scheduler.h"
#include "harness/campaign/shard_assignment.h"
#include "harness/campaign/spend_cap.h"

namespace landed {
namespace {

/// Tracks the peak number of concurrent items per group.
struct Peaks {
  std::mutex mutex;
  std::map<int, int> running, peak;
  void enter(int group) {
    std::lock_guard lock(mutex);
    peak[group] = std::max(peak[group], ++running[group]);
  }
  void leave(int group) {
    std::lock_guard lock(mutex);
    --running[group];
  }
};

TEST(ProviderLimits, SchedulerNeverRunsMoreThanAProvidersLimitAtOnce) {
  // Items alternate between provider 0 (limit 2), provider 1 (limit 1) and no provider.
  SchedulePolicy policy;
  policy.group_of = [](std::size_t i) { return i % 3 == 2 ? -1 : static_cast<int>(i % 3); };
  policy.group_limits = {2, 1};
  Peaks peaks;
  std::atomic<int> done{0};
  auto stats = run_scheduled(60, 6, [&](std::size_t i) {
    const int group = policy.group_of(i);
    peaks.enter(group);
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    peaks.leave(group);
    ++done;
  }, policy);
  EXPECT_EQ(done.load(), 60);
  EXPECT_EQ(stats.started, 60u);
  EXPECT_EQ(peaks.peak[0], 2);
  EXPECT_EQ(peaks.peak[1], 1);
  EXPECT_GE(peaks.peak[-1], 2) << "items without a provider use the remaining slots";
}

TEST(ProviderLimits, AFullProviderDoesNotBlockOthersBehindIt) {
  // The first 4 items are provider 0 (limit 1), then 4 of provider 1 (limit 4): provider 1's
  // items must run while provider 0's queue waits.
  SchedulePolicy policy;
  policy.group_of = [](std::size_t i) { return i < 4 ? 0 : 1; };
  policy.group_limits = {1, 4};
  Peaks peaks;
  run_scheduled(8, 4, [&](std::size_t i) {
    peaks.enter(-2);
    std::this_thread::sleep_for(std::chrono::milliseconds(i < 4 ? 20 : 5));
    peaks.leave(-2);
  }, policy);
  EXPECT_GE(peaks.peak[-2], 3);
}

TEST(SchedulerPolicy, SkippedItemsNeverRunAndStopEndsStarting) {
  SchedulePolicy policy;
  std::set<std::size_t> ran;
  std::mutex mutex;
  policy.decide = [](std::size_t i) {
    if (i % 2 == 1) return StartDecision::kSkip;
    return i >= 10 ? StartDecision::kStop : StartDecision::kStart;
  };
  auto stats = run_scheduled(20, 2, [&](std::size_t i) {
    std::lock_guard lock(mutex);
    ran.insert(i);
  }, policy);
  EXPECT_EQ(ran, (std::set<std::size_t>{0, 2, 4, 6, 8}));
  EXPECT_EQ(stats.started, 5u);
}

TEST(SchedulerPolicy, WaitingItemsStartOnceTheirPredecessorFinishes) {
  // Item i+1 may start only after item i finished: a chain, even with 4 slots.
  std::atomic<int> finished{0};
  SchedulePolicy policy;
  policy.decide = [&](std::size_t i) {
    return static_cast<int>(i) == finished.load() ? StartDecision::kStart : StartDecision::kWait;
  };
  std::vector<std::size_t> order;
  std::mutex mutex;
  run_scheduled(6, 4, [&](std::size_t i) {
    {
      std::lock_guard lock(mutex);
      order.push_back(i);
    }
    ++finished;
  }, policy);
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5}));
}

TEST(SpendCap, CountsInFlightWorstCasesBeforeStarting) {
  SpendCap cap(10.0, 2.0);
  EXPECT_TRUE(cap.try_start(3));   // 2 + 3 <= 10
  EXPECT_TRUE(cap.try_start(3));   // 2 + 6 <= 10
  EXPECT_FALSE(cap.try_start(3));  // 2 + 9 > 10
  cap.finished(3, 0.5);            // spent 2.5, reserved 3
  EXPECT_TRUE(cap.try_start(3));   // 2.5 + 6 <= 10
  EXPECT_DOUBLE_EQ(cap.spent(), 2.5);
  EXPECT_DOUBLE_EQ(cap.largest_attempt(), 0.5);
}

TEST(SpendCap, NoCapStartsEverything) {
  SpendCap cap(std::nullopt, 1e9);
  EXPECT_TRUE(cap.try_start(1e9));
}

TEST(AdaptiveRepeats, ParsesCountsAndAuto) {
  EXPECT_EQ(parse_repeats("3")->repeats, 3);
  EXPECT_FALSE(parse_repeats("3")->adaptive);
  EXPECT_TRUE(parse_repeats("auto")->adaptive);
  EXPECT_EQ(parse_repeats("auto")->repeats, 10);
  EXPECT_EQ(parse_repeats("auto:6")->repeats, 6);
  EXPECT_FALSE(parse_repeats("auto6").ok());
  EXPECT_FALSE(parse_repeats("0").ok());
  EXPECT_FALSE(parse_repeats("3x").ok());
}

TEST(AdaptiveRepeats, WilsonIntervalMatchesKnownValues) {
  // 4/4 at z = 1.96: [0.5101, 1]; 5/10: [0.2366, 0.7634].
  EXPECT_NEAR(wilson_interval(4, 4, 1.96).low, 0.5101, 1e-4);
  EXPECT_NEAR(wilson_interval(5, 10, 1.96).low, 0.2366, 1e-4);
  EXPECT_NEAR(wilson_interval(5, 10, 1.96).high, 0.7634, 1e-4);
}

TEST(AdaptiveRepeats, UnanimousPairsSettleAfterFourRepeatsAtNinetyFivePercent) {
  EXPECT_FALSE(repeats_settled(3, 3, 0.95));
  EXPECT_TRUE(repeats_settled(4, 4, 0.95));
  EXPECT_TRUE(repeats_settled(0, 4, 0.95));
  EXPECT_FALSE(repeats_settled(2, 4, 0.95));
  EXPECT_FALSE(repeats_settled(4, 5, 0.95));   // 80% in 5: still could be a coin flip
  EXPECT_TRUE(repeats_settled(3, 3, 0.90));    // a lower confidence settles sooner
}

TEST(ShardAssignment, EveryUnitOnceAndStable) {
  std::vector<ShardUnit> units;
  for (int i = 0; i < 40; ++i) units.push_back({"task-" + std::to_string(i) + "/c", 1});
  const auto first = assign_shards(units, 4);
  EXPECT_EQ(first, assign_shards(units, 4));
  std::map<int, int> per_shard;
  for (int s : first) ++per_shard[s];
  for (int s = 0; s < 4; ++s) EXPECT_EQ(per_shard[s], 10) << "equal weights balance by count";
}

TEST(ShardAssignment, BalancesByExpectedCost) {
  // One heavy unit (10) and ten light ones (1): two shards end at 10 and 10.
  std::vector<ShardUnit> units{{"heavy", 10}};
  for (int i = 0; i < 10; ++i) units.push_back({"light-" + std::to_string(i), 1});
  const auto assigned = assign_shards(units, 2);
  double load[2] = {0, 0};
  for (std::size_t i = 0; i < units.size(); ++i) load[assigned[i]] += units[i].weight;
  EXPECT_DOUBLE_EQ(load[0], 10);
  EXPECT_DOUBLE_EQ(load[1], 10);
}

}  // namespace
}  // namespace landed
