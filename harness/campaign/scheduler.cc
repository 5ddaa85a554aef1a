#include "harness/campaign/scheduler.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "harness/base/clock.h"

namespace landed {
namespace {

/// Busy slot-seconds inside [0, window]: while items were still waiting, an idle slot is
/// the scheduler's fault; after the last item started, nothing was left to give it.
double busy_within(const std::vector<std::pair<double, double>>& spans, double window) {
  double busy = 0;
  for (const auto& [start, end] : spans) busy += std::max(0.0, std::min(end, window) - start);
  return busy;
}

}  // namespace

double SchedulerStats::busy_fraction() const {
  if (jobs <= 0) return 0;
  if (wall_s <= 0) return 1;  // everything started at once
  return std::min(1.0, busy_s / (jobs * wall_s));
}

SchedulerStats run_parallel(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                            const std::function<bool()>& should_stop) {
  SchedulerStats stats;
  stats.jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<std::size_t>(count, 1))));
  std::atomic<std::size_t> next{0};
  std::mutex spans_mutex;
  std::vector<std::pair<double, double>> spans;
  Stopwatch clock;
  auto slot = [&] {
    for (;;) {
      if (should_stop && should_stop()) break;
      const std::size_t index = next.fetch_add(1);
      if (index >= count) break;
      const double started = clock.seconds();
      work(index);
      std::lock_guard lock(spans_mutex);
      spans.emplace_back(started, clock.seconds());
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < stats.jobs; ++i) threads.emplace_back(slot);
  for (auto& thread : threads) thread.join();
  stats.started = spans.size();
  for (const auto& span : spans) stats.wall_s = std::max(stats.wall_s, span.first);
  stats.busy_s = busy_within(spans, stats.wall_s);
  return stats;
}

}  // namespace landed
