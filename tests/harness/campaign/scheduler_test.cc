#include "harness/campaign/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

namespace landed {
namespace {

TEST(Scheduler, RunsEveryItemOnce) {
  std::mutex mutex;
  std::multiset<std::size_t> seen;
  auto stats = run_parallel(100, 4, [&](std::size_t i) {
    std::lock_guard lock(mutex);
    seen.insert(i);
  }, nullptr);
  EXPECT_EQ(seen.size(), 100u);
  for (std::size_t i = 0; i < 100; ++i) EXPECT_EQ(seen.count(i), 1u);
  EXPECT_EQ(stats.started, 100u);
}

TEST(Scheduler, NeverRunsMoreThanJobsAtOnce) {
  std::atomic<int> running{0}, peak{0};
  run_parallel(24, 3, [&](std::size_t) {
    int now = ++running;
    int seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
    // Hold the slot until three items have run at once (bounded), so a loaded machine that
    // is slow to start threads cannot make the peak look lower than the limit.
    for (int i = 0; i < 400 && peak.load() < 3; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    --running;
  }, nullptr);
  EXPECT_EQ(peak.load(), 3);
}

TEST(Scheduler, StopsStartingItemsWhenAsked) {
  std::atomic<int> done{0};
  auto stats = run_parallel(50, 2, [&](std::size_t) { ++done; }, [&] { return done.load() >= 10; });
  EXPECT_GE(done.load(), 10);
  EXPECT_LE(done.load(), 11);
  EXPECT_LT(stats.started, 50u);
}

TEST(Scheduler, KeepsSlotsBusyWhileWorkWaits) {
  auto stats = run_parallel(20, 2, [](std::size_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }, nullptr);
  EXPECT_GT(stats.busy_fraction(), 0.9);
}

}  // namespace
}  // namespace landed
