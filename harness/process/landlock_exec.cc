#include "harness/process/landlock_exec.h"

#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

#include "harness/process/isolation_argv.h"
#include "harness/process/landlock_supervisor.h"
#include "harness/process/unique_fd.h"

extern char** environ;

namespace landed {
namespace {

// Newer than the installed header (which stops at ABI 2); values from the kernel's uapi.
constexpr std::uint64_t kAccessTruncate = 1ULL << 14;  // ABI 3
constexpr std::uint64_t kAccessIoctlDev = 1ULL << 15;  // ABI 5
constexpr std::uint64_t kScopeAbstractUnix = 1ULL << 0;  // ABI 6
constexpr std::uint64_t kScopeSignal = 1ULL << 1;        // ABI 6

/// The ABI 6 layout; the kernel takes the size we pass, so older kernels get the first field only.
struct RulesetAttr {
  std::uint64_t handled_access_fs;
  std::uint64_t handled_access_net;
  std::uint64_t scoped;
};

constexpr std::uint64_t kFileAccess = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                                      LANDLOCK_ACCESS_FS_READ_FILE | kAccessTruncate |
                                      kAccessIoctlDev;
constexpr std::uint64_t kReadAccess =
    LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;

std::uint64_t handled_access(int abi) {
  std::uint64_t access = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;  // ABI 1: bits 0..12
  if (abi >= 2) access |= LANDLOCK_ACCESS_FS_REFER;
  if (abi >= 3) access |= kAccessTruncate;
  if (abi >= 5) access |= kAccessIoctlDev;
  return access;
}

Status add_rule(int ruleset, const std::string& path, std::uint64_t access, std::uint64_t handled) {
  UniqueFd fd(::open(path.c_str(), O_PATH | O_CLOEXEC));
  if (!fd.valid()) {
    if (errno == ENOENT) return ok_status();  // a missing path is simply not reachable
    return errno_error("open", path);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return errno_error("fstat", path);
  if (!S_ISDIR(info.st_mode)) access &= kFileAccess;
  landlock_path_beneath_attr rule{access & handled, fd.get()};
  if (::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0)
    return errno_error("landlock_add_rule", path);
  return ok_status();
}

Status restrict_self(const LandlockRequest& request) {
  LANDED_TRY(const int abi, landlock_abi());
  const std::uint64_t handled = handled_access(abi);
  RulesetAttr attr{handled, 0, abi >= 6 ? kScopeAbstractUnix | kScopeSignal : 0};
  const std::size_t size = abi >= 6 ? sizeof attr : sizeof attr.handled_access_fs;
  UniqueFd ruleset(static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attr, size, 0)));
  if (!ruleset.valid()) return errno_error("landlock_create_ruleset");
  for (const std::string& path : request.read_only)
    LANDED_TRY_STATUS(add_rule(ruleset.get(), path, kReadAccess, handled));
  for (const std::string& path : request.read_write)
    LANDED_TRY_STATUS(add_rule(ruleset.get(), path, handled, handled));
  // Devices every program writes to; /dev itself stays read-only.
  for (const char* device : {"/dev/null", "/dev/zero", "/dev/full", "/dev/tty"})
    LANDED_TRY_STATUS(add_rule(ruleset.get(), device, kFileAccess & ~kAccessIoctlDev, handled));
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno_error("prctl(PR_SET_NO_NEW_PRIVS)");
  if (::syscall(SYS_landlock_restrict_self, ruleset.get(), 0) != 0)
    return errno_error("landlock_restrict_self");
  return ok_status();
}

int fail(const std::string& message) {
  const std::string line = "landlock: " + message + "\n";
  (void)!::write(kIsolationStatusFd, line.data(), line.size());
  (void)!::write(STDERR_FILENO, line.data(), line.size());
  return 125;
}

}  // namespace

Result<int> landlock_abi() {
  const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0,
                             LANDLOCK_CREATE_RULESET_VERSION);
  if (abi >= 1) return static_cast<int>(abi);
  if (errno == ENOSYS) return make_error("the kernel has no Landlock (needs Linux 5.13 or later)");
  if (errno == EOPNOTSUPP)
    return make_error("Landlock is disabled in this kernel (add landlock to the lsm= boot "
                      "parameter)");
  return errno_error("landlock_create_ruleset");
}

Result<LandlockRequest> parse_landlock_arguments(const std::vector<std::string>& args) {
  LandlockRequest request;
  std::size_t i = 0;
  for (; i < args.size() && args[i] != "--"; i += 2) {
    if (i + 1 >= args.size()) return make_error("{} needs a path", args[i]);
    if (args[i] == "--ro") request.read_only.push_back(args[i + 1]);
    else if (args[i] == "--rw") request.read_write.push_back(args[i + 1]);
    else return make_error("unknown argument {}", args[i]);
  }
  if (i + 2 >= args.size()) return make_error("no program after --");
  request.program = args[i + 1];
  request.argv.assign(args.begin() + static_cast<std::ptrdiff_t>(i + 2), args.end());
  return request;
}

/// In the forked child: restrict, then exec. Never returns.
[[noreturn]] void restrict_and_exec(LandlockRequest& request, const sigset_t& old_mask) {
  if (Status restricted = restrict_self(request); !restricted.ok())
    ::_exit(fail(restricted.error().message));
  std::vector<char*> args;
  for (std::string& a : request.argv) args.push_back(a.data());
  args.push_back(nullptr);
  ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  ::execve(request.program.c_str(), args.data(), environ);
  ::_exit(fail(fmt::format("execve {} failed: {}", request.program, std::strerror(errno))));
}

int exec_landlocked(int argc, char** argv) {
  auto request = parse_landlock_arguments(std::vector<std::string>(argv, argv + argc));
  if (!request.ok()) return fail(request.error().message);
  // Nothing of the status descriptor may reach the program: it would let it forge a failure.
  if (::fcntl(kIsolationStatusFd, F_SETFD, FD_CLOEXEC) != 0 && errno != EBADF)
    return fail(std::string("fcntl(FD_CLOEXEC): ") + std::strerror(errno));
  // Landlock has no PID namespace: this process stays outside the sandbox as the reaper of
  // everything the program leaves behind (setsid, double fork and env -i included).
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
    return fail(std::string("prctl(PR_SET_CHILD_SUBREAPER): ") + std::strerror(errno));
  sigset_t supervised, old_mask;
  supervised_signals(supervised);
  ::sigprocmask(SIG_BLOCK, &supervised, &old_mask);
  const pid_t child = ::fork();
  if (child < 0) return fail(std::string("fork: ") + std::strerror(errno));
  if (child == 0) restrict_and_exec(*request, old_mask);
  ::close(kIsolationStatusFd);
  return supervise_descendants(child);
}

}  // namespace landed
