#include "harness/process/sweep.h"

#include <fmt/format.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <thread>
#include <unordered_map>

#include "harness/process/child_table.h"
#include "harness/process/pidfd.h"
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

using ProcessTable = std::unordered_map<pid_t, ProcStat>;

/// A zombie child of ours that no run_process is waiting for: an orphan of some run that was
/// re-parented to us. Children sharing our session were started by other code: not ours to reap.
bool is_orphan_zombie(const ProcStat& stat, pid_t self, pid_t own_session) {
  return stat.state == 'Z' && stat.ppid == self && stat.session != own_session;
}

void reap_orphan_zombies(const ProcessTable& table, pid_t self) {
  const pid_t own_session = ::getsid(0);
  std::vector<pid_t> zombies;
  for (const auto& [pid, stat] : table) {
    if (is_orphan_zombie(stat, self, own_session)) zombies.push_back(pid);
  }
  if (zombies.empty()) return;
  const ChildTableLock lock = lock_child_table();
  for (pid_t pid : zombies) {
    if (is_registered_child(pid, lock)) continue;
    int status = 0;
    ::waitpid(pid, &status, WNOHANG);
  }
}

/// Whether the parent chain of `pid` reaches `self` (bounded: a snapshot may hold a stale cycle).
bool descends_from(pid_t pid, pid_t self, const ProcessTable& table) {
  for (std::size_t step = 0; step <= table.size(); ++step) {
    const auto found = table.find(pid);
    if (found == table.end()) return false;
    if (found->second.ppid == self) return true;
    pid = found->second.ppid;
  }
  return false;
}

bool is_subreaper() {
  int flag = 0;
  return ::prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0) == 0 && flag != 0;
}

/// Live processes that may carry a run's token. As a subreaper we are an ancestor of every live
/// descendant of a run (an orphan is re-parented to us), so only our descendants' environments
/// need reading — the expensive part of a sweep. Otherwise every process is a candidate.
std::vector<pid_t> token_candidates(const ProcessTable& table, pid_t self, bool subreaper) {
  std::vector<pid_t> candidates;
  for (const auto& [pid, stat] : table) {
    if (pid == self || stat.state == 'Z') continue;
    if (!subreaper || descends_from(pid, self, table)) candidates.push_back(pid);
  }
  return candidates;
}

/// Whether group `pgid` still has members we wait for: as a subreaper its zombies too, since
/// they come back to us to be reaped; otherwise init reaps them, and only live ones count.
bool group_left(const ProcessTable& table, pid_t pgid, bool subreaper) {
  return std::any_of(table.begin(), table.end(), [&](const auto& entry) {
    return entry.second.pgrp == pgid && (subreaper || entry.second.state != 'Z');
  });
}

struct Round {
  int found = 0;  ///< token carriers found alive (and killed)
  bool group_left = false;
};

/// One pass over /proc: SIGKILL to every token carrier (its pidfd goes to `pending`), reaps
/// orphan zombies, looks at what is left of the group.
Round sweep_once(pid_t pgid, std::string_view entry, bool subreaper,
                 std::vector<UniqueFd>& pending) {
  const pid_t self = ::getpid();
  const ProcessTable table = read_process_table();
  Round round;
  for (pid_t pid : token_candidates(table, self, subreaper)) {
    if (!environment_has_entry(pid, entry)) continue;
    UniqueFd fd = open_marked(pid, entry);
    if (!fd.valid()) continue;
    ::pidfd_send_signal(fd.get(), SIGKILL, nullptr, 0);
    pending.push_back(std::move(fd));
    ++round.found;
  }
  reap_orphan_zombies(table, self);
  round.group_left = group_left(table, pgid, subreaper);
  return round;
}

bool has_exited(int pidfd) {
  pollfd exited{pidfd, POLLIN, 0};
  return ::poll(&exited, 1, 0) == 1;
}

/// True once we are done with the process behind `pidfd`: reaped here if it is our child. Else,
/// as a subreaper, once its parent reaped it (or it comes back to us, when that parent dies);
/// not as a subreaper, once it is dead (init reaps it).
bool is_done(int pidfd, bool subreaper) {
  siginfo_t info{};
  if (::waitid(P_PIDFD, static_cast<id_t>(pidfd), &info, WEXITED | WNOHANG) == 0) {
    return info.si_pid != 0;
  }
  if (!subreaper) return has_exited(pidfd);
  return ::pidfd_send_signal(pidfd, 0, nullptr, 0) != 0 && errno == ESRCH;
}

}  // namespace

std::string sweep_token_entry(std::string_view token) {
  return fmt::format("{}={}", kSweepTokenVariable, token);
}

void sweep_leftovers(pid_t pgid, std::string_view token, std::chrono::milliseconds budget) {
  const std::string entry = sweep_token_entry(token);
  const bool subreaper = is_subreaper();
  const auto deadline = steady_clock::now() + budget;
  std::vector<UniqueFd> pending;
  auto pause = kFirstPause;
  while (true) {
    const Round round = sweep_once(pgid, entry, subreaper, pending);
    std::erase_if(pending, [&](const UniqueFd& fd) { return is_done(fd.get(), subreaper); });
    if (round.found == 0 && pending.empty() && !round.group_left) return;
    if (steady_clock::now() >= deadline) return;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
  }
}

void become_subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

}  // namespace landed
