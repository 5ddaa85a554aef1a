#include "harness/process/landlock_supervisor.h"

#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace landed {
namespace {

using Clock = std::chrono::steady_clock;

/// How long descendants get between the forwarded SIGTERM and SIGKILL (landed's own grace,
/// TERM to KILL of this helper, is longer: the clean-up happens before landed's KILL).
constexpr std::chrono::milliseconds kGrace{1000};
/// Rounds of kill-and-reap (10 ms apart) before giving up on a fork storm.
constexpr int kMaxKillRounds = 300;

/// The parent pid in /proc/PID/stat (the field after the parenthesised name).
std::optional<pid_t> parent_of(const char* pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%s/stat", pid);
  FILE* file = std::fopen(path, "re");
  if (file == nullptr) return std::nullopt;
  char buffer[512];
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
  std::fclose(file);
  buffer[n] = '\0';
  const char* close = std::strrchr(buffer, ')');
  int ppid = 0;
  if (close == nullptr || std::sscanf(close + 1, " %*c %d", &ppid) != 1) return std::nullopt;
  return ppid;
}

/// Sends `signal` to every process whose parent is this one; how many there were.
int signal_children(int signal) {
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return 0;
  int count = 0;
  const pid_t self = ::getpid();
  while (const dirent* entry = ::readdir(proc)) {
    const pid_t pid = std::atoi(entry->d_name);
    if (pid <= 0 || parent_of(entry->d_name) != self) continue;
    ::kill(pid, signal);
    ++count;
  }
  ::closedir(proc);
  return count;
}

/// Reaps what has exited; records `child`'s status when it is among them.
void reap(pid_t child, std::optional<int>& status) {
  int raw = 0;
  pid_t pid;
  while ((pid = ::waitpid(-1, &raw, WNOHANG)) > 0)
    if (pid == child) status = raw;
}

/// Kills and reaps every descendant, layer by layer: killing one orphans its children, which the
/// kernel then re-parents to us for the next round.
void kill_all() {
  for (int round = 0; round < kMaxKillRounds; ++round) {
    signal_children(SIGKILL);
    int raw = 0;
    pid_t pid;
    while ((pid = ::waitpid(-1, &raw, WNOHANG)) > 0) {
    }
    if (pid < 0 && errno == ECHILD) return;
    ::usleep(10'000);  // SIGKILL is not instant: let them die and their orphans come to us
  }
}

[[noreturn]] void end_like(int status) {
  if (WIFEXITED(status)) std::_Exit(WEXITSTATUS(status));
  const int signal = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
  ::signal(signal, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(signal);
  std::_Exit(128 + signal);
}

}  // namespace

void supervised_signals(sigset_t& set) {
  sigemptyset(&set);
  for (int signal : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, signal);
}

int supervise_descendants(pid_t child) {
  sigset_t set;
  supervised_signals(set);
  std::optional<int> status;
  std::optional<Clock::time_point> kill_at;
  const timespec tick{0, 100'000'000};
  while (!status) {
    const int signal = ::sigtimedwait(&set, nullptr, &tick);
    if (signal == SIGTERM || signal == SIGINT || signal == SIGHUP) {
      signal_children(signal);
      if (!kill_at) kill_at = Clock::now() + kGrace;
    }
    reap(child, status);
    if (!status && kill_at && Clock::now() >= *kill_at) {
      ::kill(child, SIGKILL);
      kill_at = Clock::now() + std::chrono::hours(1);
    }
  }
  kill_all();
  end_like(*status);
}

}  // namespace landed
