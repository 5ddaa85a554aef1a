// The landlock mode's helper: `landed __exec-landlocked --ro P... --rw P... -- PROGRAM ARGV...`
// restricts itself with a Landlock ruleset (read-only and read-write path hierarchies, nothing
// else) and then execs PROGRAM. posix_spawn cannot run code in the child, so the restriction
// happens in this tiny exec wrapper instead.
#pragma once

#include <string>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// The Landlock ABI version of the running kernel; an Error saying why it is unusable (kernel
/// too old, disabled at boot with lsm=, blocked by seccomp).
Result<int> landlock_abi();

/// What the helper is asked to do.
struct LandlockRequest {
  std::vector<std::string> read_only;
  std::vector<std::string> read_write;
  std::string program;
  std::vector<std::string> argv;
};

/// Parses the helper's arguments (after the subcommand name).
Result<LandlockRequest> parse_landlock_arguments(const std::vector<std::string>& args);

/// The helper's main: never returns on success. On failure it writes the cause to the isolation
/// status descriptor (see isolation_argv.h) and to stderr, and returns 125.
int exec_landlocked(int argc, char** argv);

}  // namespace landed
