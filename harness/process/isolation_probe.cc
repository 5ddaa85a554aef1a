#include "harness/process/isolation_probe.h"

#include <mutex>

#include "harness/process/isolation_argv.h"
#include "harness/process/landlock_exec.h"
#include "harness/process/process.h"

namespace landed {
namespace {

constexpr const char* kUsernsFix =
    "allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 on Debian "
    "kernels, sysctl user.max_user_namespaces=15000, or on Ubuntu "
    "kernel.apparmor_restrict_unprivileged_userns=0)";

/// Runs bubblewrap around /bin/true; its own message when it fails.
std::string try_bubblewrap(const std::string& bwrap) {
  ProcessSpec spec;
  spec.argv = {bwrap,         "--unshare-user", "--unshare-pid", "--unshare-ipc",
               "--unshare-uts", "--die-with-parent", "--ro-bind", "/",
               "/",             "--proc",        "/proc",        "--",
               "/bin/sh",       "-c",            "true"};
  std::string said;
  spec.stdout_path = "/dev/null";  // the same path twice: one pipe, stderr lines come in order
  spec.stderr_path = "/dev/null";
  spec.on_stdout_line = [&](std::string_view line) {
    said = std::string(line.substr(0, 500));
    return true;
  };
  spec.timeout = std::chrono::seconds(20);
  spec.kill_grace = std::chrono::milliseconds(200);
  auto result = run_process(spec);
  if (!result.ok()) return result.error().message;
  if (result->exit_code == 0) return {};
  return fmt::format("bubblewrap failed ({}): {}", said.empty() ? "no message" : said, kUsernsFix);
}

IsolationAvailability probe() {
  IsolationAvailability available;
  const IsolationTools& tools = isolation_tools();
  if (tools.bwrap.empty())
    available.namespaces_problem =
        "bubblewrap (bwrap) is not installed: install the package bubblewrap "
        "(apt-get install bubblewrap)";
  else
    available.namespaces_problem = try_bubblewrap(tools.bwrap);
  auto abi = landlock_abi();
  if (!abi.ok()) available.landlock_problem = abi.error().message;
  return available;
}

}  // namespace

const IsolationAvailability& probe_isolation() {
  static IsolationAvailability available;
  static std::once_flag once;
  std::call_once(once, [] { available = probe(); });
  return available;
}

Result<IsolationMode> select_isolation(IsolationMode requested,
                                       const IsolationAvailability& available) {
  switch (requested) {
    case IsolationMode::kAuto:
      if (available.namespaces_problem.empty()) return IsolationMode::kNamespaces;
      if (available.landlock_problem.empty()) return IsolationMode::kLandlock;
      return IsolationMode::kNone;
    case IsolationMode::kNamespaces:
      if (!available.namespaces_problem.empty())
        return make_error("isolation \"namespaces\" is not available here: {}",
                          available.namespaces_problem);
      return requested;
    case IsolationMode::kLandlock:
      if (!available.landlock_problem.empty())
        return make_error("isolation \"landlock\" is not available here: {}",
                          available.landlock_problem);
      return requested;
    case IsolationMode::kNone: return requested;
  }
  return requested;
}

}  // namespace landed
