// Runs a task's setup, verify or check command: `/bin/sh -c COMMAND` in a folder, output to a
// log, with a clean environment whose HOME and TMPDIR are private to the attempt, isolated as
// `isolation` says (its private_home and private_tmp are set here).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/process/process.h"

namespace landed {

/// The environment of a task command: PATH, LANG, LC_ALL and TZ from landed, the task's
/// resolved variables (`task_env`, "NAME=value", task_environment.h) over them, then a private
/// HOME and TMPDIR under `attempt_work_dir` and CI=true (those three always win).
std::vector<std::string> shell_environment(const std::filesystem::path& attempt_work_dir,
                                           const std::vector<std::string>& task_env);

Result<ProcessResult> run_shell_command(ProcessRunner& processes, const std::string& command,
                                        const std::filesystem::path& cwd,
                                        const std::filesystem::path& log, int timeout_s,
                                        const std::filesystem::path& attempt_work_dir,
                                        IsolationSpec isolation = {},
                                        const std::vector<std::string>& task_env = {});

}  // namespace landed
