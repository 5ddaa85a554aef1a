// Turns a resolved command and an IsolationSpec into the command that really starts: bubblewrap
// for namespaces, landed's own `__exec-landlocked` helper for landlock. Pure but for looking at
// the file system (which paths exist, where an executable is installed), so it is unit-tested.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/process/isolation.h"

namespace landed {

/// The programs that do the wrapping.
struct IsolationTools {
  std::string bwrap;       ///< bubblewrap; empty when not installed
  std::string landed_exe;  ///< the landed binary, which has the landlock helper subcommand
};

/// The tools of this machine, found once: bwrap on landed's PATH, /proc/self/exe.
const IsolationTools& isolation_tools();

/// The file descriptor on which the wrapper reports to landed (see IsolatedCommand).
inline constexpr int kIsolationStatusFd = 3;

/// A command as posix_spawn gets it, before and after wrapping.
struct IsolatedCommand {
  std::string program;  ///< absolute after wrapping
  std::vector<std::string> argv;
  std::vector<std::string> env;
  std::filesystem::path cwd;
};

/// The folder of an agent tool's install that must be readable for `program` (canonical) to run:
/// the outermost node_modules it lies in, the folder of the landed binary for landed's own
/// programs, else the executable file alone.
std::filesystem::path tool_install_path(const std::filesystem::path& program,
                                        const std::string& landed_exe);

/// The read-only and read-write paths the child sees (system folders, the tool's install,
/// absolute files named on the command line, the spec's own lists), absolute, existing only.
struct IsolationView {
  std::vector<std::filesystem::path> read_only;
  std::vector<std::filesystem::path> read_write;
};
IsolationView isolation_view(const IsolationSpec& spec, const IsolatedCommand& command,
                             const IsolationTools& tools);

/// The wrapped command. HOME and TMPDIR are pointed at the private folders when they name a
/// path the child cannot write. Error when the mode's tool is missing.
Result<IsolatedCommand> isolate_command(const IsolationSpec& spec, IsolatedCommand command,
                                        const IsolationTools& tools);

}  // namespace landed
