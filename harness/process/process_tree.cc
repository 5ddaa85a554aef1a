#include "harness/process/process_tree.h"

#include <poll.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <utility>

#include "harness/process/child_table.h"
#include "harness/process/sweep.h"

namespace landed {

ProcessTree::ProcessTree(pid_t pid, UniqueFd pidfd, std::string token)
    : pid_(pid), pidfd_(std::move(pidfd)), token_(std::move(token)) {}

ProcessTree::ProcessTree(ProcessTree&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      pidfd_(std::move(other.pidfd_)),
      token_(std::move(other.token_)),
      reaped_(other.reaped_),
      swept_(other.swept_) {}

ProcessTree::~ProcessTree() {
  if (pid_ <= 0) return;
  if (!reaped_) {
    signal_group(SIGKILL);
    reap();
  }
  if (!swept_) sweep();
}

void ProcessTree::signal_group(int sig) const {
  // While the child is unreaped its pid, and so the group id, cannot be reused.
  if (pid_ > 0 && !reaped_) ::kill(-pid_, sig);
}

ChildExit ProcessTree::reap() {
  // Wait on the pidfd first, so the child table is never held across a blocking wait4.
  pollfd exited{pidfd_.get(), POLLIN, 0};
  while (pidfd_.valid() && ::poll(&exited, 1, -1) < 0 && errno == EINTR) {
  }
  ChildExit exit;
  const ChildTableLock lock = lock_child_table();
  pid_t waited = -1;
  do {
    waited = ::wait4(pid_, &exit.status, 0, &exit.usage);
  } while (waited < 0 && errno == EINTR);
  exit.lost = waited != pid_;
  unregister_child(pid_, lock);
  reaped_ = true;
  return exit;
}

void ProcessTree::sweep() {
  swept_ = true;
  sweep_leftovers(pid_, token_, kSweepBudget);
}

}  // namespace landed
