#include "harness/process/child_table.h"

#include <cassert>
#include <set>

namespace landed {
namespace {

std::mutex& table_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::set<pid_t>& table() {
  static std::set<pid_t> pids;
  return pids;
}

}  // namespace

ChildTableLock lock_child_table() { return ChildTableLock(table_mutex()); }

void register_child(pid_t pid, const ChildTableLock& lock) {
  assert(lock.owns_lock());
  (void)lock;
  table().insert(pid);
}

void unregister_child(pid_t pid, const ChildTableLock& lock) {
  assert(lock.owns_lock());
  (void)lock;
  table().erase(pid);
}

bool is_registered_child(pid_t pid, const ChildTableLock& lock) {
  assert(lock.owns_lock());
  (void)lock;
  return table().count(pid) != 0;
}

}  // namespace landed
