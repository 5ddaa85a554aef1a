// Verify sandboxes: the base plus the agent's candidate patch, rebuilt from scratch so nothing
// the agent left outside the patch (or in its .git) can reach the verifier.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/candidate_patch.h"

namespace landed {

/// Says whether the verify sandbox keeps `path` as it is in the base (the patch's change to it is
/// not applied: an added file stays absent, a deleted one present, a changed one unchanged).
using KeepBase = std::function<bool(std::string_view path)>;

/// A fresh checkout of the base at `dir` (created; plain files, no .git) with `patch` applied
/// (git_apply, GIT_APPLY_LOCATION_WORKDIR), except the files whose old or new path `keep_base`
/// names. Returns `dir`. An Error names what failed.
Result<std::filesystem::path> make_patched_checkout(const BaseCommit& base,
                                                    const CandidatePatch& patch,
                                                    const std::filesystem::path& dir,
                                                    const KeepBase& keep_base = {});

/// Applies `patch` to the files of the agent's working copy `root` (which holds its own .git),
/// as a route step that carries the previous step's work starts. Empty patch: nothing to do.
Status apply_patch_in_place(const std::filesystem::path& root, const CandidatePatch& patch);

}  // namespace landed
