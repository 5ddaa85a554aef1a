// The objects of the agent's own `.git`: only what the agent may see of the base. Never
// alternates into the cache (a cache of a repository holds its later commits too, and
// `git cat-file --batch-all-objects` would list the fix), never remotes or other refs.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/git_handles.h"

namespace landed::sandbox_detail {

/// Writes into the fresh git dir of `repo` (at `gitdir`) one pack of the base's objects — the
/// base tree, or with base.agent_history the base commit and all its ancestors — and points
/// refs/heads/main at the commit the agent starts from: the base tree as one root commit (fixed
/// identity and time; the workspace base's own id for a workspace task), or the base commit
/// itself with its history.
Status write_agent_objects(git_repository* repo, const std::filesystem::path& gitdir,
                           const BaseCommit& base);

}  // namespace landed::sandbox_detail
