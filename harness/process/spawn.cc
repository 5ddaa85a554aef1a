#include "harness/process/spawn.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

#include "harness/process/child_table.h"
#include "harness/process/pidfd.h"

namespace landed {
namespace {

struct Pipe {
  UniqueFd read;
  UniqueFd write;
};

Result<Pipe> make_pipe() {
  int fds[2];
  // Close-on-exec from birth: another thread may be spawning at this very moment.
  if (::pipe2(fds, O_CLOEXEC) != 0) return errno_error("pipe2");
  Pipe pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
  // Only our end is non-blocking; the child's end keeps ordinary blocking writes.
  if (::fcntl(pipe.read.get(), F_SETFL, O_NONBLOCK) != 0) return errno_error("fcntl(O_NONBLOCK)");
  return pipe;
}

/// Owner of a posix_spawn_file_actions_t.
struct FileActions {
  posix_spawn_file_actions_t actions;
  FileActions() { ::posix_spawn_file_actions_init(&actions); }
  ~FileActions() { ::posix_spawn_file_actions_destroy(&actions); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
};

/// Owner of a posix_spawnattr_t.
struct SpawnAttributes {
  posix_spawnattr_t attributes;
  SpawnAttributes() { ::posix_spawnattr_init(&attributes); }
  ~SpawnAttributes() { ::posix_spawnattr_destroy(&attributes); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

int add_file_actions(FileActions& fa, const SpawnRequest& request, int out, int err, int status) {
  posix_spawn_file_actions_t* actions = &fa.actions;
  int rc = ::posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0);
  if (rc == 0) rc = ::posix_spawn_file_actions_adddup2(actions, out, 1);
  if (rc == 0) rc = ::posix_spawn_file_actions_adddup2(actions, err, 2);
  // `status` is never 3 itself (see status_pipe), so dup2 makes a descriptor without CLOEXEC.
  if (rc == 0 && status >= 0) rc = ::posix_spawn_file_actions_adddup2(actions, status, 3);
  if (rc == 0 && !request.cwd.empty()) {
    rc = ::posix_spawn_file_actions_addchdir_np(actions, request.cwd.c_str());
  }
  // landed is multi-threaded: a descriptor another thread opened without O_CLOEXEC must not
  // leak into this child (it could hold a pipe open, or a lock).
  if (rc == 0) rc = ::posix_spawn_file_actions_addclosefrom_np(actions, status >= 0 ? 4 : 3);
  return rc;
}

/// Own session and group (so the group can be signalled as one), no blocked signal, every
/// disposition back to default. glibc cannot reset its two internal signals (32, 33): sigfillset
/// leaves them out, so the child starts with them ignored; programs install their own handlers.
int set_attributes(SpawnAttributes& sa) {
  posix_spawnattr_t* attributes = &sa.attributes;
  sigset_t none;
  sigset_t all;
  sigemptyset(&none);
  sigfillset(&all);
  const short flags = POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  int rc = ::posix_spawnattr_setflags(attributes, flags);
  if (rc == 0) rc = ::posix_spawnattr_setsigmask(attributes, &none);
  if (rc == 0) rc = ::posix_spawnattr_setsigdefault(attributes, &all);
  return rc;
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (const std::string& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

Error spawn_error(const SpawnRequest& request, std::string_view call, int rc) {
  return make_error("cannot start '{}' ({}): {} failed: {}", request.argv.front(), request.program,
                    call, std::strerror(rc));
}

Status check_cwd(const std::filesystem::path& cwd) {
  struct stat info {};
  if (cwd.empty()) return ok_status();
  if (::stat(cwd.c_str(), &info) != 0) return errno_error("working directory", cwd.string());
  if (!S_ISDIR(info.st_mode))
    return make_error("working directory {}: not a directory", cwd.string());
  return ok_status();
}

/// posix_spawn under the child table's lock: the child is registered before any orphan reaper
/// can see it as an exited child.
Result<pid_t> spawn_registered(const SpawnRequest& request, FileActions& fa, SpawnAttributes& sa) {
  std::vector<char*> argv = c_strings(request.argv);
  std::vector<char*> envp = c_strings(request.env);
  pid_t pid = -1;
  const ChildTableLock lock = lock_child_table();
  // glibc's posix_spawn reports a failed exec (or chdir) as its result; no exit 127 to decode.
  const int rc = ::posix_spawn(&pid, request.program.c_str(), &fa.actions, &sa.attributes,
                               argv.data(), envp.data());
  if (rc != 0) return spawn_error(request, "posix_spawn", rc);
  register_child(pid, lock);
  return pid;
}

/// The wrapper's status pipe, its write end moved above descriptor 3 (dup2 onto itself would keep
/// close-on-exec, and the wrapper would never see it).
Result<Pipe> status_pipe() {
  LANDED_TRY(Pipe pipe, make_pipe());
  if (pipe.write.get() > 3) return pipe;
  UniqueFd moved(::fcntl(pipe.write.get(), F_DUPFD_CLOEXEC, 10));
  if (!moved.valid()) return errno_error("fcntl(F_DUPFD_CLOEXEC)");
  pipe.write = std::move(moved);
  return pipe;
}

}  // namespace

Result<SpawnedChild> spawn_child(const SpawnRequest& request) {
  LANDED_TRY_STATUS(check_cwd(request.cwd));
  LANDED_TRY(Pipe out, make_pipe());
  Pipe err;
  if (!request.merge_output) {
    LANDED_TRY(err, make_pipe());
  }
  Pipe status;
  if (request.status_pipe) {
    LANDED_TRY(status, status_pipe());
  }
  FileActions fa;
  SpawnAttributes sa;
  const int err_write = request.merge_output ? out.write.get() : err.write.get();
  const int status_write = request.status_pipe ? status.write.get() : -1;
  if (int rc = add_file_actions(fa, request, out.write.get(), err_write, status_write); rc != 0) {
    return spawn_error(request, "posix_spawn_file_actions", rc);
  }
  if (int rc = set_attributes(sa); rc != 0) return spawn_error(request, "posix_spawnattr", rc);
  LANDED_TRY(const pid_t pid, spawn_registered(request, fa, sa));
  UniqueFd pidfd(::pidfd_open(pid, 0));
  const int saved_errno = errno;
  // From here the tree owns the child: on any error below it is killed and reaped.
  SpawnedChild child{ProcessTree(pid, std::move(pidfd), request.token), std::move(out.read),
                     std::move(err.read), std::move(status.read)};
  if (!child.tree.pidfd_valid()) {
    errno = saved_errno;
    return errno_error("pidfd_open", request.argv.front());
  }
  return child;
}

}  // namespace landed
