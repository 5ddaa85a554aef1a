// A task's `[setup] command` as a step of the attempt: the command run through the task's shell
// environment in a copy of the base, cached as a setup layer (harness/sandbox/setup_layer.h).
#pragma once

#include <filesystem>
#include <string_view>

#include "harness/campaign/task_environment.h"
#include "harness/process/process.h"
#include "harness/sandbox/setup_layer.h"
#include "harness/task/task.h"

namespace landed {

/// Every reason of an attempt whose setup failed starts with this (validate names the phase).
inline constexpr std::string_view kSetupFailed = "setup failed";

constexpr int kDefaultSetupTimeoutS = 1800;

/// The layer key: the setup command and the environment it runs with.
std::string setup_key(const CommandSpec& setup, const ResolvedEnvironment& env);

/// The setup layer of `base` for `task` (which has a setup), running the setup once if it is
/// not cached; its output goes to `log`; `work_dir` holds its private HOME and TMPDIR.
Result<SetupLayer> setup_layer_for(const Task& task, const ResolvedEnvironment& env,
                                   const BaseCommit& base, const std::filesystem::path& log,
                                   const std::filesystem::path& work_dir,
                                   ProcessRunner& processes);

}  // namespace landed
