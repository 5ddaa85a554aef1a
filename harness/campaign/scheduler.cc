#include "harness/campaign/scheduler.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <list>
#include <optional>
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

namespace {

/// The shared state of one run_scheduled call; every member is guarded by `mutex`.
class Dispatcher {
 public:
  Dispatcher(std::size_t count, const SchedulePolicy& policy) : policy_(policy) {
    for (std::size_t i = 0; i < count; ++i) pending_.push_back(i);
    running_in_group_.assign(policy.group_limits.size(), 0);
  }

  /// The next item to run, or nullopt when this slot should end.
  std::optional<std::size_t> next() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (stopped_ || pending_.empty()) return std::nullopt;
      bool waiting = false;
      for (auto it = pending_.begin(); it != pending_.end();) {
        const std::size_t item = *it;
        const int group = group_of(item);
        if (group >= 0 && running_in_group_[group] >= policy_.group_limits[group]) {
          waiting = true;
          ++it;
          continue;
        }
        const StartDecision decision = policy_.decide ? policy_.decide(item) : StartDecision::kStart;
        if (decision == StartDecision::kStop) {
          stopped_ = true;
          changed_.notify_all();
          return std::nullopt;
        }
        if (decision == StartDecision::kWait) {
          waiting = true;
          ++it;
          continue;
        }
        it = pending_.erase(it);
        if (decision == StartDecision::kSkip) continue;
        if (group >= 0) ++running_in_group_[group];
        ++running_;
        return item;
      }
      // Nothing can start now; only a finishing item can change that.
      if (!waiting || running_ == 0) return std::nullopt;
      changed_.wait(lock);
    }
  }

  void finished(std::size_t item) {
    std::lock_guard lock(mutex_);
    const int group = group_of(item);
    if (group >= 0) --running_in_group_[group];
    --running_;
    changed_.notify_all();
  }

 private:
  int group_of(std::size_t item) const {
    if (!policy_.group_of) return -1;
    const int group = policy_.group_of(item);
    return group >= 0 && group < static_cast<int>(policy_.group_limits.size()) ? group : -1;
  }

  const SchedulePolicy& policy_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::list<std::size_t> pending_;
  std::vector<int> running_in_group_;
  int running_ = 0;
  bool stopped_ = false;
};

}  // namespace

SchedulerStats run_scheduled(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                             const SchedulePolicy& policy) {
  SchedulerStats stats;
  stats.jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<std::size_t>(count, 1))));
  Dispatcher dispatcher(count, policy);
  std::mutex spans_mutex;
  std::vector<std::pair<double, double>> spans;
  Stopwatch clock;
  auto slot = [&] {
    while (auto index = dispatcher.next()) {
      const double started = clock.seconds();
      work(*index);
      {
        std::lock_guard lock(spans_mutex);
        spans.emplace_back(started, clock.seconds());
      }
      dispatcher.finished(*index);
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

SchedulerStats run_parallel(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                            const std::function<bool()>& should_stop) {
  SchedulePolicy policy;
  if (should_stop)
    policy.decide = [&](std::size_t) {
      return should_stop() ? StartDecision::kStop : StartDecision::kStart;
    };
  return run_scheduled(count, jobs, work, policy);
}

}  // namespace landed
