// The template of a base commit: its files checked out once, next to its cache repository, with
// the agent's `.git` and the harness's shadow git dir already made. Every working copy of the
// base is then a plain file copy of the template (tree_copy.h), which is cheaper than checking
// the commit out of git objects again for each attempt.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"

namespace landed {

struct BaseTemplate {
  std::filesystem::path sandbox;     // the files + the agent's .git (its own pack: agent_git.h)
  std::filesystem::path shadow_git;  // the harness's git dir; its index is the base tree
};

/// The template of `base`, built on first use (in a temp folder renamed into place, so
/// concurrent attempts and processes are safe) and reused after.
Result<BaseTemplate> base_template(const BaseCommit& base);

}  // namespace landed
