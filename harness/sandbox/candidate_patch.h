// The candidate patch: what the agent changed in its sandbox, as one git-format patch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/working_copy.h"

namespace landed {

struct CandidatePatch {
  std::string text;  ///< git-format patch, binary-safe (SHOW_BINARY), applies with git_apply
  std::int64_t files_changed = 0;
  std::vector<std::string> paths;  ///< every path touched (old and new names), sorted, '/'-separated
};

/// diff(base tree, working copy incl. untracked files and folders, deletions, binary files, mode
/// changes, symlinks), respecting the .gitignore files in the working copy. Uses the shadow git
/// dir, never the agent's .git, so whatever the agent did to its .git does not matter. Renames
/// appear as a deletion plus an addition; a folder holding its own .git (a repository the agent
/// made inside the sandbox) is left out, as git leaves it out of a commit.
Result<CandidatePatch> diff_against_base(const AgentSandbox& sandbox, const BaseCommit& base);

}  // namespace landed
