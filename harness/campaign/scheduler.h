// Runs independent work items on N threads, each pulling the next item as soon as it is free,
// and measures how busy the slots were (the target: ≥ 95% at -j N).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace landed {

struct SchedulerStats {
  double wall_s = 0;
  double busy_s = 0;        // summed over slots
  int jobs = 0;
  std::size_t started = 0;
  /// busy / (jobs × wall) over the time when work was still waiting to start.
  double busy_fraction() const;
};

/// Calls `work(i)` for i in [0, count) on up to `jobs` threads. Before each item starts,
/// `should_stop()` is asked; once it says true, no further item starts (running ones finish).
SchedulerStats run_parallel(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                            const std::function<bool()>& should_stop);

/// What to do with the next item that could start.
enum class StartDecision {
  kStart,  // run it now
  kWait,   // not yet (e.g. an earlier repeat of the same pair is running): ask again later
  kSkip,   // never run it (e.g. adaptive repeats decided it is uninformative)
  kStop,   // start nothing more (e.g. the dollar cap); running items finish
};

/// Rules besides -j. Items are considered in index order; an item whose group is full is
/// passed over (a later item of another group may start first) and taken up when a slot of its
/// group frees.
struct SchedulePolicy {
  /// The item's group (a provider) as an index into group_limits, or -1 for no limit.
  std::function<int(std::size_t)> group_of;
  std::vector<int> group_limits;            // at most this many items of group g at once
  /// Asked under the scheduler's lock just before an item would start; null: always start.
  std::function<StartDecision(std::size_t)> decide;
};

/// Runs items on up to `jobs` threads under `policy`. Items never started (stopped, skipped,
/// or waiting when nothing else could ever unblock them) are left out of stats.started.
SchedulerStats run_scheduled(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                             const SchedulePolicy& policy);

}  // namespace landed
