// Verify sandboxes: the base plus the agent's candidate patch, rebuilt from scratch so nothing
// the agent left outside the patch (or in its .git) can reach the verifier.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/candidate_patch.h"

namespace landed {

/// A fresh checkout of the base at `dir` (created; plain files, no .git) with `patch` applied
/// (git_apply, GIT_APPLY_LOCATION_WORKDIR). Returns `dir`. An Error names what failed; upstream
/// this becomes infra_error.
Result<std::filesystem::path> make_patched_checkout(const BaseCommit& base,
                                                    const CandidatePatch& patch,
                                                    const std::filesystem::path& dir);

/// Applies `patch` to the files of the agent's working copy `root` (which holds its own .git),
/// as a route step that carries the previous step's work starts. Empty patch: nothing to do.
Status apply_patch_in_place(const std::filesystem::path& root, const CandidatePatch& patch);

}  // namespace landed
