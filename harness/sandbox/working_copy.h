// Working copies of a base commit: the agent's sandbox (with a harness-owned shadow git dir) and
// plain checkouts for verify sandboxes, the oracle and benchmarks.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"

namespace landed {

/// The agent's working copy. The harness keeps its OWN git dir (`shadow_git`, outside `root`)
/// whose index is the base tree, so the candidate patch is right even if the agent commits,
/// resets, rewrites or deletes the `.git` inside `root`. `root` also gets an ordinary `.git` for
/// the agent's own use (HEAD on branch `main` at the base commit, index = base tree, user.name and
/// user.email set so `git commit` works, objects via alternates to the cache).
struct AgentSandbox {
  std::filesystem::path root;
  std::filesystem::path shadow_git;
};

/// Creates `work_dir/sandbox` (the checkout) and `work_dir/shadow.git`. `work_dir` is created.
Result<AgentSandbox> make_agent_sandbox(const BaseCommit& base,
                                        const std::filesystem::path& work_dir);

/// A plain checkout of the base at `dir` (created; no .git), the fastest correct way: the cache
/// repository is opened with `dir` as an in-memory working tree and an in-memory index, so
/// nothing but the files is written.
Status checkout_base(const BaseCommit& base, const std::filesystem::path& dir);

}  // namespace landed
