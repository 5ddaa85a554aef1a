// The owner of one started child and of everything it starts: it signals the child's process
// group, reaps the child for its exit status and resource usage, and sweeps up what is left.
// Whatever happens (an exception in a line callback included), nothing outlives the owner.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <string>

#include "harness/process/unique_fd.h"

namespace landed {

/// How the child ended, from wait4: status word and the usage of it and its reaped descendants.
struct ChildExit {
  int status = 0;
  struct rusage usage {};
  /// wait4 failed: someone else reaped the child (a waitpid(-1) elsewhere), status unknown.
  bool lost = false;
};

class ProcessTree {
 public:
  /// Takes ownership of child `pid` (a session and group leader), already in the child table.
  ProcessTree(pid_t pid, UniqueFd pidfd, std::string token);
  ProcessTree(ProcessTree&& other) noexcept;
  ProcessTree& operator=(ProcessTree&&) = delete;
  ProcessTree(const ProcessTree&) = delete;
  ProcessTree& operator=(const ProcessTree&) = delete;
  /// Kills and reaps the child and sweeps, unless that was done already.
  ~ProcessTree();

  /// Readable once the child has exited (it stays a zombie until reap()).
  int pidfd() const { return pidfd_.get(); }
  bool pidfd_valid() const { return pidfd_.valid(); }
  /// Sends `sig` to the child's whole process group; a no-op once the child is reaped.
  void signal_group(int sig) const;
  /// Waits until the child has exited, then reaps it.
  ChildExit reap();
  /// After reap(): kills and reaps the group's leftovers and the token's carriers.
  void sweep();

 private:
  pid_t pid_ = -1;
  UniqueFd pidfd_;
  std::string token_;
  bool reaped_ = false;
  bool swept_ = false;
};

/// How long the sweep may go on killing and reaping before it gives up on a straggler.
inline constexpr std::chrono::milliseconds kSweepBudget{3000};

}  // namespace landed
