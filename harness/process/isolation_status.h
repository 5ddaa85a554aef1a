// Did the isolation wrapper start the command, or fail before it (a mount refused, a ruleset
// rejected)? The wrapper reports on a status pipe the command cannot write to, so an agent
// cannot fake an infrastructure failure to escape a verdict.
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"
#include "harness/process/isolation.h"
#include "harness/process/unique_fd.h"

namespace landed {

/// Everything the status pipe holds once the child has exited (non-blocking reads).
std::string read_status_pipe(const UniqueFd& fd);

/// Error with the exact cause when the wrapper of `mode` failed before the command ran.
/// bubblewrap writes {"exit-code": N} only after its command ran; its own error message is in
/// the captured stderr (`stderr_log`). The landlock helper writes only on failure. A child that
/// landed itself stopped (timeout, limit) is never a wrapper failure.
Status isolation_outcome(IsolationMode mode, const std::string& status_text,
                         const std::filesystem::path& stderr_log, bool stopped_by_landed);

}  // namespace landed
