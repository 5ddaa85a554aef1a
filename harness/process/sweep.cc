#include "harness/process/sweep.h"

#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <thread>

#include <fmt/format.h>

#include "harness/process/child_table.h"
#include "harness/process/proc_fs.h"
#include "harness/process/process.h"
#include "harness/process/unique_fd.h"

namespace landed {
namespace {

using std::chrono::steady_clock;

// Killed processes die within microseconds to milliseconds: start short, back off.
constexpr std::chrono::microseconds kFirstPause{200};
constexpr std::chrono::microseconds kLongestPause{20000};

/// A pidfd of `pid` if it still carries `entry` when opened: the pid read from /proc may have
/// been reused since, the pidfd cannot be.
UniqueFd open_marked(pid_t pid, std::string_view entry) {
  UniqueFd fd(::pidfd_open(pid, 0));
  if (!fd.valid() || !environment_has_entry(pid, entry)) return {};
  return fd;
}

/// A zombie child of ours that no run_process is waiting for: an orphan of some run that was
/// re-parented to us. Children sharing our session were started by other code: not ours to reap.
bool is_orphan_zombie(const ProcStat& stat, pid_t self, pid_t own_session) {
  return stat.state == 'Z' && stat.ppid == self && stat.session != own_session;
}

void reap_orphans(const std::vector<pid_t>& zombies) {
  if (zombies.empty()) return;
  const ChildTableLock lock = lock_child_table();
  for (pid_t pid : zombies) {
    if (is_registered_child(pid, lock)) continue;
    int status = 0;
    ::waitpid(pid, &status, WNOHANG);
  }
}

/// One pass over /proc: SIGKILL to every token carrier (its pidfd goes to `pending`), reaps
/// orphan zombies. Returns how many carriers it found alive.
int kill_and_reap_once(std::string_view entry, std::vector<UniqueFd>& pending) {
  const pid_t self = ::getpid();
  const pid_t own_session = ::getsid(0);
  std::vector<pid_t> zombies;
  int found = 0;
  for (pid_t pid : list_processes()) {
    if (pid == self) continue;
    const auto stat = read_proc_stat(pid);
    if (!stat) continue;
    if (is_orphan_zombie(*stat, self, own_session)) zombies.push_back(pid);
    if (stat->state == 'Z' || !environment_has_entry(pid, entry)) continue;
    UniqueFd fd = open_marked(pid, entry);
    if (!fd.valid()) continue;
    ::pidfd_send_signal(fd.get(), SIGKILL, nullptr, 0);
    pending.push_back(std::move(fd));
    ++found;
  }
  reap_orphans(zombies);
  return found;
}

/// True once the process behind `pidfd` is reaped: by us here if it is our child, else by its
/// parent (or by us later, when that parent dies and it is re-parented to us).
bool is_gone(int pidfd) {
  siginfo_t info{};
  if (::waitid(P_PIDFD, static_cast<id_t>(pidfd), &info, WEXITED | WNOHANG) == 0) {
    return info.si_pid != 0;
  }
  return ::pidfd_send_signal(pidfd, 0, nullptr, 0) != 0 && errno == ESRCH;
}

}  // namespace

std::string sweep_token_entry(std::string_view token) {
  return fmt::format("{}={}", kSweepTokenVariable, token);
}

std::vector<pid_t> find_token_processes(std::string_view token) {
  const std::string entry = sweep_token_entry(token);
  std::vector<pid_t> pids;
  for (pid_t pid : list_processes()) {
    if (pid != ::getpid() && environment_has_entry(pid, entry)) pids.push_back(pid);
  }
  return pids;
}

void sweep_leftovers(pid_t pgid, std::string_view token, std::chrono::milliseconds budget) {
  const std::string entry = sweep_token_entry(token);
  const auto deadline = steady_clock::now() + budget;
  std::vector<UniqueFd> pending;
  auto pause = kFirstPause;
  while (true) {
    const int found = kill_and_reap_once(entry, pending);
    std::erase_if(pending, [](const UniqueFd& fd) { return is_gone(fd.get()); });
    // Zombies still count as members: the group is empty once all of them were reaped.
    const bool group_left = ::kill(-pgid, 0) == 0;
    if (found == 0 && pending.empty() && !group_left) return;
    if (steady_clock::now() >= deadline) return;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
  }
}

void become_subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

}  // namespace landed
