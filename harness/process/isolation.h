// What a child may reach: the isolation mode of a campaign and, per process, the paths it sees.
// A ProcessSpec carries an IsolationSpec; run_process turns it into a wrapped command line
// (bubblewrap for namespaces, landed's own landlock helper for landlock) just before it spawns.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// Strongest first. kAuto is only ever a request: select_isolation turns it into one of the others.
enum class IsolationMode { kAuto, kNamespaces, kLandlock, kNone };

std::string_view to_string(IsolationMode mode);
/// "auto", "namespaces", "landlock", "none"; anything else is an error naming the choices.
Result<IsolationMode> parse_isolation_mode(std::string_view text);

/// The view one child gets. With mode kNone every field is ignored (the child sees what landed
/// sees). Paths are bound at the same path inside; relative ones are taken from landed's cwd.
struct IsolationSpec {
  IsolationMode mode = IsolationMode::kNone;
  /// Read-write: the sandbox, and scratch folders of the attempt (a runner's private HOME).
  std::vector<std::filesystem::path> sandbox_rw;
  /// Read-write; HOME and TMPDIR of the child point here unless HOME already names a
  /// read-write path. Empty: left as the caller set them.
  std::filesystem::path private_home;
  std::filesystem::path private_tmp;
  /// Read-only, beside the system folders (/usr /etc /bin /lib /lib64 /sbin, added always) and
  /// the resolved executable's install (added always). Add here: toolchains the suite declares
  /// ([environment] paths), inputs handed to the child by path (a prompt file). Missing paths
  /// are skipped.
  std::vector<std::filesystem::path> read_only_paths;
  /// False: loopback only (namespaces: its own network namespace). Landlock cannot do that and
  /// says so in missing_guarantees.
  bool network = true;
};

/// What `mode` cannot give, in words for records and reports: e.g. for landlock
/// {"no pid namespace", "network shared"}. Empty for namespaces with the network it was asked.
std::vector<std::string> missing_guarantees(IsolationMode mode, bool network_requested_off);

}  // namespace landed
