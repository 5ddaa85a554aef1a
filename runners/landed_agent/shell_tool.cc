#include "runners/landed_agent/shell_tool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness/base/unique_fd.h"

extern char** environ;

namespace landed::agent {
namespace {

using Clock = std::chrono::steady_clock;

/// Output kept in memory before truncation: generous, but a runaway `yes` cannot exhaust us.
constexpr std::size_t kReadCap = 4 * 1024 * 1024;
/// After the shell exits, how long background children may keep the pipe open.
constexpr std::chrono::milliseconds kDrainGrace{200};

class SpawnSetup {
 public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions_);
    posix_spawnattr_init(&attr_);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attr_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  /// A new session (so the whole group can be killed), default signals, output into `fd`.
  void configure(int fd) {
    posix_spawn_file_actions_addopen(&actions_, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions_, fd, 1);
    posix_spawn_file_actions_adddup2(&actions_, fd, 2);
    sigset_t none;
    sigset_t all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr_, &none);
    posix_spawnattr_setsigdefault(&attr_, &all);
    posix_spawnattr_setflags(&attr_,
                             POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  const posix_spawn_file_actions_t* actions() const { return &actions_; }
  const posix_spawnattr_t* attr() const { return &attr_; }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attr_;
};

/// Reads what is available; false at end of file.
bool read_some(int fd, std::string& output) {
  char buffer[8192];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n <= 0) return n < 0 && (errno == EINTR || errno == EAGAIN);
  if (output.size() < kReadCap)
    output.append(buffer, std::min(static_cast<std::size_t>(n), kReadCap - output.size()));
  return true;
}

void record_status(int status, ShellResult& result) {
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

/// Polls the pipe and the child until it exits and the pipe drains, or the deadline passes.
void supervise(pid_t pid, int fd, Clock::time_point deadline, ShellResult& result) {
  bool open = true;
  std::optional<Clock::time_point> exited_at;
  while (!exited_at || (open && Clock::now() < *exited_at + kDrainGrace)) {
    if (!exited_at && Clock::now() >= deadline) {
      result.timed_out = true;
      break;
    }
    pollfd watched{fd, POLLIN, 0};
    if (!open)
      ::usleep(10'000);  // the output is closed but the command still runs
    else if (::poll(&watched, 1, 50) > 0)
      open = read_some(fd, result.output);
    int status = 0;
    if (!exited_at && ::waitpid(pid, &status, WNOHANG) == pid) {
      record_status(status, result);
      exited_at = Clock::now();
    }
  }
  ::kill(-pid, SIGKILL);  // the group: timed-out commands and lingering background children
  int status = 0;
  if (!exited_at && ::waitpid(pid, &status, 0) == pid && !result.timed_out)
    record_status(status, result);
}

}  // namespace

Result<ShellResult> run_shell(const std::string& command, std::chrono::milliseconds timeout) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return errno_error("pipe2");
  UniqueFd read_end(fds[0]);
  UniqueFd write_end(fds[1]);
  SpawnSetup setup;
  setup.configure(write_end.get());
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, "/bin/sh", setup.actions(), setup.attr(),
                               const_cast<char* const*>(argv), environ);
  if (rc != 0) {
    errno = rc;
    return errno_error("posix_spawn", "/bin/sh");
  }
  write_end.reset();
  ShellResult result;
  supervise(pid, read_end.get(), Clock::now() + timeout, result);
  return result;
}

std::string truncate_middle(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::size_t head = limit / 2;
  const std::size_t tail = limit - head;
  return text.substr(0, head) +
         fmt::format("\n[... {} bytes cut ...]\n", text.size() - head - tail) +
         text.substr(text.size() - tail);
}

std::string format_tool_output(const ShellResult& result, std::chrono::milliseconds timeout) {
  std::string status;
  if (result.timed_out)
    status = fmt::format("timed out after {} s: killed", timeout.count() / 1000.0);
  else if (result.exit_code)
    status = fmt::format("exit status {}", *result.exit_code);
  else
    status = fmt::format("killed by signal {}", result.signal.value_or(0));
  return status + "\n" + truncate_middle(result.output, kToolOutputLimit);
}

}  // namespace landed::agent
