// The isolation of one attempt's processes: what the agent, the check and the verify command
// may reach (see harness/process/isolation.h and README "Isolation").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/process/isolation.h"
#include "results/model/record.h"

namespace landed {

/// One attempt's folders outside the campaign folder: `work` is the attempt's own temporary
/// folder; the agent's sandbox, scratch, home and tmp live under it, beside landed's git dir and
/// the verify sandbox, which the agent must not reach.
struct AttemptWorkDirs {
  std::filesystem::path work;
  std::filesystem::path scratch() const { return work / "scratch"; }
  std::filesystem::path home() const { return work / "home"; }
  std::filesystem::path tmp() const { return work / "tmp"; }
};

/// The agent: its sandbox and scratch read-write, private HOME and TMPDIR, read-only the object
/// folders its .git borrows (alternates, until the sandbox's git dir holds its own objects) and
/// `inputs` (files landed hands it by path).
IsolationSpec agent_isolation(IsolationMode mode, bool network,
                              const std::filesystem::path& sandbox, const AttemptWorkDirs& dirs,
                              const std::vector<std::filesystem::path>& inputs);

/// A check or verify command: its folder read-write (and the objects its .git borrows, read-only),
/// private HOME and TMPDIR; no network unless the task opts in.
IsolationSpec command_isolation(IsolationMode mode, bool network, const std::filesystem::path& cwd,
                                const AttemptWorkDirs& dirs);

/// `spec` that may also read `toolchains` (the task environment's read_only_paths: ~/.rustup,
/// ~/.cargo, ... , harness/campaign/task_environment.h), bound read-only under isolation.
IsolationSpec with_toolchains(IsolationSpec spec,
                              const std::vector<std::filesystem::path>& toolchains);

/// The object folders a git dir borrows through objects/info/alternates (absolute lines).
std::vector<std::filesystem::path> git_alternates(const std::filesystem::path& sandbox);

/// The record's `isolation` field.
IsolationInfo isolation_info(IsolationMode mode, bool network_requested_off);

}  // namespace landed
