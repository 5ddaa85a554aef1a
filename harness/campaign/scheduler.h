// Runs independent work items on N threads, each pulling the next item as soon as it is free,
// and measures how busy the slots were (the target: ≥ 95% at -j N).
#pragma once

#include <cstddef>
#include <functional>

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

}  // namespace landed
