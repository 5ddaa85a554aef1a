// The files a child's stdout and stderr are captured to, opened before it starts so that an
// unwritable log path is an error to the caller rather than a lost log.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/process/unique_fd.h"

namespace landed {

struct CaptureFiles {
  UniqueFd out;         ///< invalid: stdout is discarded
  UniqueFd err;         ///< invalid: stderr is discarded, or merged into `out`
  bool merged = false;  ///< both paths name one file: one pipe feeds it, in order
};

/// Creates or truncates both files (mode 0644, close-on-exec). Error names the path.
Result<CaptureFiles> open_capture_files(const std::filesystem::path& stdout_path,
                                        const std::filesystem::path& stderr_path);

}  // namespace landed
