#include "harness/process/isolation_argv.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "harness/process/environment.h"
#include "harness/process/program_path.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

/// Read-only for everyone: what programs need to run. /bin and friends are symlinks into /usr
/// on merged-/usr systems; bubblewrap then gets the same symlink.
const std::vector<fs::path> kSystemPaths = {"/usr", "/etc", "/bin", "/lib", "/lib64", "/sbin",
                                            "/sys"};

fs::path absolute_from(const fs::path& path, const fs::path& cwd) {
  if (path.is_absolute()) return path.lexically_normal();
  std::error_code ec;
  const fs::path base = cwd.empty() ? fs::current_path(ec) : cwd;
  return (base / path).lexically_normal();
}

bool path_exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

bool is_within(const fs::path& path, const fs::path& folder) {
  auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

std::size_t depth(const fs::path& path) {
  return static_cast<std::size_t>(std::distance(path.begin(), path.end()));
}

void add_existing(std::vector<fs::path>& out, const fs::path& path) {
  if (path.empty() || !path_exists(path)) return;
  if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
}

/// Regular files named by absolute path on the command line (a script handed to an interpreter).
void add_argument_files(std::vector<fs::path>& out, const std::vector<std::string>& argv) {
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (arg.is_absolute() && fs::is_regular_file(arg, ec)) add_existing(out, arg.lexically_normal());
  }
}

bool writable_in(const std::optional<std::string>& value, const IsolationView& view) {
  if (!value || value->empty() || !fs::path(*value).is_absolute()) return false;
  return std::any_of(view.read_write.begin(), view.read_write.end(),
                     [&](const fs::path& rw) { return is_within(fs::path(*value), rw); });
}

void point_private_dirs(const IsolationSpec& spec, const IsolationView& view,
                        std::vector<std::string>& env) {
  if (!spec.private_home.empty() && !writable_in(environment_value(env, "HOME"), view))
    env = with_variable(std::move(env), "HOME", absolute_from(spec.private_home, {}).string());
  if (!spec.private_tmp.empty() && !writable_in(environment_value(env, "TMPDIR"), view))
    env = with_variable(std::move(env), "TMPDIR", absolute_from(spec.private_tmp, {}).string());
}

struct Bind {
  fs::path path;
  bool writable;
};

/// Parents before children, so a deeper bind lands on top of a shallower one.
std::vector<Bind> ordered_binds(const IsolationView& view) {
  std::vector<Bind> binds;
  for (const fs::path& p : view.read_only) binds.push_back({p, false});
  for (const fs::path& p : view.read_write) binds.push_back({p, true});
  std::stable_sort(binds.begin(), binds.end(),
                   [](const Bind& a, const Bind& b) { return depth(a.path) < depth(b.path); });
  return binds;
}

void add_bind(std::vector<std::string>& args, const Bind& bind) {
  std::error_code ec;
  if (!bind.writable && fs::is_symlink(bind.path, ec) && depth(bind.path) == 2) {
    args.insert(args.end(), {"--symlink", fs::read_symlink(bind.path, ec).string(),
                             bind.path.string()});
    return;
  }
  args.insert(args.end(), {bind.writable ? "--bind" : "--ro-bind", bind.path.string(),
                           bind.path.string()});
}

std::vector<std::string> bwrap_arguments(const IsolationSpec& spec, const IsolationView& view,
                                         const IsolatedCommand& command) {
  std::vector<std::string> args = {"--unshare-user", "--unshare-pid", "--unshare-ipc",
                                   "--unshare-uts"};
  if (!spec.network) args.push_back("--unshare-net");
  args.insert(args.end(), {"--die-with-parent", "--new-session", "--json-status-fd",
                           std::to_string(kIsolationStatusFd), "--proc", "/proc", "--dev", "/dev",
                           "--tmpfs", "/tmp"});
  for (const Bind& bind : ordered_binds(view)) add_bind(args, bind);
  // bubblewrap starts the command at / inside the new mount namespace: a relative folder
  // (a relative --out) would be looked up from there, so it is made absolute here.
  if (!command.cwd.empty())
    args.insert(args.end(), {"--chdir", absolute_from(command.cwd, {}).string()});
  args.push_back("--");
  args.push_back(command.program);
  args.insert(args.end(), command.argv.begin() + 1, command.argv.end());
  return args;
}

std::vector<std::string> landlock_arguments(const IsolationView& view,
                                            const IsolatedCommand& command) {
  // /proc and /dev are bind-mounted fresh by bubblewrap; landlock must allow them explicitly.
  // Other processes' /proc entries stay closed: Landlock refuses ptrace access (and with it
  // /proc/PID/environ) to processes outside the sandbox.
  std::vector<std::string> args = {"__exec-landlocked", "--ro", "/proc", "--ro", "/dev"};
  for (const fs::path& p : view.read_only) args.insert(args.end(), {"--ro", p.string()});
  for (const fs::path& p : view.read_write) args.insert(args.end(), {"--rw", p.string()});
  args.push_back("--");
  args.push_back(command.program);
  args.insert(args.end(), command.argv.begin(), command.argv.end());
  return args;
}

}  // namespace

const IsolationTools& isolation_tools() {
  static IsolationTools tools;
  static std::once_flag once;
  std::call_once(once, [] {
    const char* path = std::getenv("PATH");
    auto bwrap = resolve_program("bwrap", {std::string("PATH=") + (path ? path : kDefaultSearchPath)}, {});
    if (bwrap.ok()) tools.bwrap = *bwrap;
    char exe[4096];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) tools.landed_exe.assign(exe, static_cast<std::size_t>(n));
  });
  return tools;
}

fs::path tool_install_path(const fs::path& program, const std::string& landed_exe) {
  fs::path node_modules;
  fs::path prefix;
  for (const fs::path& part : program) {
    prefix /= part;
    if (part == "node_modules" && node_modules.empty()) node_modules = prefix;
  }
  if (!node_modules.empty()) return node_modules;
  if (!landed_exe.empty() && program.parent_path() == fs::path(landed_exe).parent_path())
    return program.parent_path();
  return program;
}

IsolationView isolation_view(const IsolationSpec& spec, const IsolatedCommand& command,
                             const IsolationTools& tools) {
  IsolationView view;
  for (const fs::path& p : kSystemPaths) add_existing(view.read_only, p);
  add_existing(view.read_only, tool_install_path(command.program, tools.landed_exe));
  add_argument_files(view.read_only, command.argv);
  for (const fs::path& p : spec.read_only_paths)
    add_existing(view.read_only, absolute_from(p, {}));
  for (const fs::path& p : spec.sandbox_rw) add_existing(view.read_write, absolute_from(p, {}));
  add_existing(view.read_write, absolute_from(spec.private_home, {}));
  add_existing(view.read_write, absolute_from(spec.private_tmp, {}));
  return view;
}

Result<IsolatedCommand> isolate_command(const IsolationSpec& spec, IsolatedCommand command,
                                        const IsolationTools& tools) {
  if (spec.mode == IsolationMode::kNone || spec.mode == IsolationMode::kAuto) return command;
  if (command.argv.empty()) return make_error("cannot start a process: argv is empty");
  std::error_code ec;
  const fs::path program = absolute_from(command.program, command.cwd);
  const fs::path canonical = fs::canonical(program, ec);
  command.program = (ec ? program : canonical).string();
  const IsolationView view = isolation_view(spec, command, tools);
  point_private_dirs(spec, view, command.env);
  IsolatedCommand wrapped{{}, {}, std::move(command.env), command.cwd};
  if (spec.mode == IsolationMode::kNamespaces) {
    if (tools.bwrap.empty())
      return make_error("isolation \"namespaces\" needs bubblewrap (bwrap), which is not on PATH: "
                        "install the package bubblewrap");
    wrapped.program = tools.bwrap;
    wrapped.argv = bwrap_arguments(spec, view, command);
  } else {
    if (tools.landed_exe.empty())
      return make_error("isolation \"landlock\": cannot find landed's own executable");
    wrapped.program = tools.landed_exe;
    wrapped.argv = landlock_arguments(view, command);
  }
  wrapped.argv.insert(wrapped.argv.begin(), wrapped.program);
  return wrapped;
}

}  // namespace landed
