// When and how a child is stopped: at its deadline or on request, SIGTERM to its process group,
// then SIGKILL to the group once the grace period is over.
#pragma once

#include <chrono>
#include <optional>

#include "harness/process/process_tree.h"

namespace landed {

class Stopper {
 public:
  using Clock = std::chrono::steady_clock;

  Stopper(const ProcessTree& tree, std::optional<Clock::time_point> deadline,
          std::chrono::milliseconds grace);

  /// Starts stopping now (TERM, KILL after the grace) unless it is stopping already.
  void stop(Clock::time_point now);
  /// Acts on the deadline (stop, marked as a timeout) and on the end of the grace (KILL).
  void tick(Clock::time_point now);
  /// Milliseconds until tick() has something to do, rounded up; -1 when nothing is scheduled.
  int poll_timeout_ms(Clock::time_point now) const;
  bool timed_out() const { return timed_out_; }

 private:
  std::optional<Clock::time_point> next_event() const;

  const ProcessTree& tree_;
  std::optional<Clock::time_point> deadline_;
  std::chrono::milliseconds grace_;
  std::optional<Clock::time_point> kill_at_;
  bool killed_ = false;
  bool timed_out_ = false;
};

}  // namespace landed
