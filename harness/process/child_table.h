// The children run_process calls are still waiting for, so that the orphan reaper of any
// thread never reaps (steals) another thread's child.
#pragma once

#include <sys/types.h>

#include <mutex>

namespace landed {

/// Held while spawning + registering, while reaping + unregistering, and while the orphan
/// reaper looks for unregistered zombies: no pid is ever seen half-registered.
using ChildTableLock = std::unique_lock<std::mutex>;
ChildTableLock lock_child_table();

void register_child(pid_t pid, const ChildTableLock& lock);
void unregister_child(pid_t pid, const ChildTableLock& lock);
bool is_registered_child(pid_t pid, const ChildTableLock& lock);

}  // namespace landed
