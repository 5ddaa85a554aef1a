// Runs a task's verify or check command: `/bin/sh -c COMMAND` in a folder, output to a log,
// with a clean environment whose HOME and TMPDIR are private to the attempt, isolated as
// `isolation` says (its private_home and private_tmp are set here).
#pragma once

#include <filesystem>
#include <string>

#include "harness/process/process.h"

namespace landed {

Result<ProcessResult> run_shell_command(ProcessRunner& processes, const std::string& command,
                                        const std::filesystem::path& cwd,
                                        const std::filesystem::path& log, int timeout_s,
                                        const std::filesystem::path& attempt_work_dir,
                                        IsolationSpec isolation = {});

}  // namespace landed
