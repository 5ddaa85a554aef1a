#include "harness/sandbox/apply_patch.h"

#include "harness/base/files.h"
#include "harness/sandbox/checkout_repo.h"
#include "harness/sandbox/libgit2_init.h"
#include "harness/sandbox/working_copy.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

// git_apply's per-file callback: > 0 leaves the file out, 0 applies it.
int skip_kept_paths(const git_diff_delta* delta, void* payload) {
  const KeepBase& keep_base = *static_cast<const KeepBase*>(payload);
  const bool keep = (delta->old_file.path != nullptr && keep_base(delta->old_file.path)) ||
                    (delta->new_file.path != nullptr && keep_base(delta->new_file.path));
  return keep ? 1 : 0;
}

Status apply_to_workdir(git_repository* repo, const CandidatePatch& patch,
                        const KeepBase& keep_base = {}) {
  git_diff* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_diff_from_buffer(&raw, patch.text.data(), patch.text.size()),
                               "git_diff_from_buffer", "candidate patch"));
  git::Diff diff(raw);
  git_apply_options options = GIT_APPLY_OPTIONS_INIT;
  if (keep_base) {
    options.delta_cb = skip_kept_paths;
    options.payload = const_cast<KeepBase*>(&keep_base);
  }
  return git::check(git_apply(repo, diff.get(), GIT_APPLY_LOCATION_WORKDIR, &options), "git_apply",
                    "candidate patch");
}

// git_apply needs a repository with a working tree; its git dir lives beside `dir` for the
// duration, so `dir` itself ends up holding the files only.
Status checkout_and_apply(const BaseCommit& base, const CandidatePatch& patch, const fs::path& dir,
                          const KeepBase& keep_base) {
  LANDED_TRY_STATUS(make_directories(dir));
  const fs::path absolute = fs::absolute(dir);
  LANDED_TRY(TempDir gitdir, TempDir::create(absolute.parent_path(),
                                             "." + absolute.filename().string() + ".git-"));
  LANDED_TRY(git::Repository repo, sandbox_detail::init_borrowing_repo(gitdir.path(), base));
  LANDED_TRY_STATUS(git::check(git_repository_set_workdir(repo.get(), dir.c_str(), 0),
                               "git_repository_set_workdir", dir.string()));
  LANDED_TRY_STATUS(checkout_base(base, dir));
  if (patch.text.empty()) return ok_status();
  return apply_to_workdir(repo.get(), patch, keep_base);
}

}  // namespace

Result<fs::path> make_patched_checkout(const BaseCommit& base, const CandidatePatch& patch,
                                       const fs::path& dir, const KeepBase& keep_base) {
  git::ensure_initialized();
  Status made = checkout_and_apply(base, patch, dir, keep_base);
  if (!made.ok()) return made.error().with_context("verify sandbox " + dir.string());
  return dir;
}

Status apply_patch_in_place(const fs::path& root, const CandidatePatch& patch) {
  if (patch.text.empty()) return ok_status();
  git::ensure_initialized();
  git_repository* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_open(&raw, root.c_str()), "git_repository_open",
                               root.string()));
  git::Repository repo(raw);
  Status applied = apply_to_workdir(repo.get(), patch);
  if (!applied.ok()) return applied.error().with_context("carried patch in " + root.string());
  return ok_status();
}

}  // namespace landed
