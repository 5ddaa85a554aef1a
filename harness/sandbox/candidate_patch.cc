#include "harness/sandbox/candidate_patch.h"

#include <algorithm>

#include "harness/base/files.h"
#include "harness/sandbox/checkout_repo.h"
#include "harness/sandbox/libgit2_init.h"

namespace landed {

namespace {

Result<git::Diff> diff_workdir(git_repository* repo, const BaseCommit& base) {
  LANDED_TRY(git::Tree tree, sandbox_detail::lookup_base_tree(repo, base));
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  // Without SHOW_BINARY one binary file makes git_apply reject the whole patch. Typechanges are
  // left as deletion + addition, the form every apply implementation accepts. Submodules of a
  // repository base are not the agent's to change.
  options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                  GIT_DIFF_SHOW_UNTRACKED_CONTENT | GIT_DIFF_SHOW_BINARY |
                  GIT_DIFF_IGNORE_SUBMODULES;
  git_diff* raw = nullptr;
  LANDED_TRY_STATUS(
      git::check(git_diff_tree_to_workdir_with_index(&raw, repo, tree.get(), &options),
                 "git_diff_tree_to_workdir_with_index", git_repository_workdir(repo)));
  return git::Diff(raw);
}

// A folder with its own .git inside the sandbox (a repository the agent made or cloned) shows
// up as one folder entry with no patch text; git leaves it out of commits too, and so do we.
bool is_nested_repository(const git_diff_delta& delta) {
  return delta.new_file.mode == GIT_FILEMODE_TREE || delta.new_file.mode == GIT_FILEMODE_COMMIT;
}

void add_deltas(git_diff* diff, CandidatePatch& patch) {
  const size_t count = git_diff_num_deltas(diff);
  for (size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    if (is_nested_repository(*delta)) continue;
    ++patch.files_changed;
    if (delta->old_file.path != nullptr) patch.paths.emplace_back(delta->old_file.path);
    if (delta->new_file.path != nullptr) patch.paths.emplace_back(delta->new_file.path);
  }
  std::sort(patch.paths.begin(), patch.paths.end());
  patch.paths.erase(std::unique(patch.paths.begin(), patch.paths.end()), patch.paths.end());
}

Result<CandidatePatch> diff_once(const AgentSandbox& sandbox, const BaseCommit& base) {
  LANDED_TRY(git::Repository repo,
             sandbox_detail::open_with_workdir(sandbox.shadow_git, sandbox.root));
  LANDED_TRY(git::Diff diff, diff_workdir(repo.get(), base));
  CandidatePatch patch;
  add_deltas(diff.get(), patch);
  if (patch.files_changed == 0) return patch;
  git::Buffer text;
  LANDED_TRY_STATUS(git::check(git_diff_to_buf(text.get(), diff.get(), GIT_DIFF_FORMAT_PATCH),
                               "git_diff_to_buf", sandbox.root.string()));
  patch.text = std::string(text.view());
  return patch;
}

}  // namespace

Result<CandidatePatch> diff_against_base(const AgentSandbox& sandbox, const BaseCommit& base) {
  git::ensure_initialized();
  Result<CandidatePatch> patch = diff_once(sandbox, base);
  if (patch.ok()) return patch;
  // The agent may have locked files or folders (chmod 000): what it made is still its patch.
  LANDED_TRY_STATUS(grant_owner_access(sandbox.root));
  return diff_once(sandbox, base);
}

}  // namespace landed
