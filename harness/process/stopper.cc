#include "harness/process/stopper.h"

#include <algorithm>
#include <csignal>
#include <cstdint>

namespace landed {

Stopper::Stopper(const ProcessTree& tree, std::optional<Clock::time_point> deadline,
                 std::chrono::milliseconds grace)
    : tree_(tree), deadline_(deadline), grace_(std::max(grace, std::chrono::milliseconds(0))) {}

void Stopper::stop(Clock::time_point now) {
  if (kill_at_) return;
  tree_.signal_group(SIGTERM);
  kill_at_ = now + grace_;
}

void Stopper::tick(Clock::time_point now) {
  if (!kill_at_ && deadline_ && now >= *deadline_) {
    timed_out_ = true;
    stop(now);
  }
  if (kill_at_ && !killed_ && now >= *kill_at_) {
    tree_.signal_group(SIGKILL);
    killed_ = true;
  }
}

std::optional<Stopper::Clock::time_point> Stopper::next_event() const {
  if (!kill_at_) return deadline_;
  if (!killed_) return kill_at_;
  return std::nullopt;
}

int Stopper::poll_timeout_ms(Clock::time_point now) const {
  const auto event = next_event();
  if (!event) return -1;
  if (*event <= now) return 0;
  const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*event - now).count();
  return static_cast<int>(std::min<std::int64_t>(wait, 1 << 30));
}

}  // namespace landed
