// Starting one child with posix_spawn: own session and group, clean signal state, stdin from
// /dev/null, stdout/stderr into fresh pipes, no other descriptor of ours.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/process/process_tree.h"
#include "harness/process/unique_fd.h"

namespace landed {

/// Everything posix_spawn needs, already resolved.
struct SpawnRequest {
  std::string program;  ///< the path handed to posix_spawn
  std::vector<std::string> argv;
  std::vector<std::string> env;  ///< complete, the sweep token included
  std::filesystem::path cwd;     ///< empty: ours
  bool merge_output = false;     ///< stderr into the stdout pipe
  std::string token;
  /// Give the child a pipe on kIsolationStatusFd (3) through which its isolation wrapper reports.
  bool status_pipe = false;
};

/// A running child and the read ends of its output pipes (non-blocking, close-on-exec).
struct SpawnedChild {
  ProcessTree tree;
  UniqueFd stdout_read;
  UniqueFd stderr_read;  ///< invalid when the output is merged
  UniqueFd status_read;  ///< valid when the request asked for a status pipe
};

/// Starts the child. Error (naming argv[0] and the program) when it could not be started,
/// e.g. no such program, not executable, no such working directory.
Result<SpawnedChild> spawn_child(const SpawnRequest& request);

}  // namespace landed
