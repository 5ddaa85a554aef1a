// Working copies of a base commit: the agent's sandbox (with a harness-owned shadow git dir) and
// plain checkouts for verify sandboxes, the oracle and benchmarks.
#pragma once

#include <filesystem>
#include <string_view>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"

namespace landed {

/// The agent's working copy. The harness keeps its OWN git dir (`shadow_git`, outside `root`)
/// whose index is the base tree, so the candidate patch is right even if the agent commits,
/// resets, rewrites or deletes the `.git` inside `root`. `root` also gets an ordinary `.git` for
/// the agent's own use (HEAD on branch `main` at the base commit, index = base tree, user.name and
/// user.email set so `git commit` works, its own pack of the base's objects only: agent_git.h).
struct AgentSandbox {
  std::filesystem::path root;
  std::filesystem::path shadow_git;
};

/// Creates `work_dir/sandbox` (the checkout) and `work_dir/shadow.git` as copies of the base's
/// template (base_template.h); `work_dir` is created. The copied indexes carry the template's
/// stat data, so git re-reads each file once to see it is unchanged: right, and cheap.
Result<AgentSandbox> make_agent_sandbox(const BaseCommit& base,
                                        const std::filesystem::path& work_dir);

/// Whether the base holds a folder at `relative` (a real folder, not a symlink).
bool base_has_folder(const BaseCommit& base, std::string_view relative);

/// A plain checkout of the base at `dir` (created; no .git): a copy of the template's files.
Status checkout_base(const BaseCommit& base, const std::filesystem::path& dir);

}  // namespace landed
