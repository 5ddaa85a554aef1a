// Internal to harness/sandbox: git dirs that borrow a cache's objects and check out its trees.
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/git_handles.h"

namespace landed::sandbox_detail {

/// Makes `gitdir` read objects from `base`'s cache repository (objects/info/alternates), so no
/// object is ever copied. Only for the harness's own git dirs (the shadow, the verify build's):
/// never the agent's, since the cache may hold commits after the base.
Status borrow_objects(const std::filesystem::path& gitdir, const BaseCommit& base);

/// Makes every path binary-exact in `gitdir`'s checkouts, diffs and applies: no eol conversion,
/// no ident, no filter drivers, whatever the workspace's .gitattributes say. Without this, a
/// `* text=auto` in a task could make untouched CRLF files show up in the candidate patch.
Status disable_attribute_filters(const std::filesystem::path& gitdir);

/// A bare git dir at `gitdir` with HEAD on `main` that borrows `base`'s objects.
Result<git::Repository> init_borrowing_repo(const std::filesystem::path& gitdir,
                                            const BaseCommit& base);

/// Opens the bare git dir `gitdir` with `workdir` as its working tree (set in memory only).
Result<git::Repository> open_with_workdir(const std::filesystem::path& gitdir,
                                          const std::filesystem::path& workdir);

/// The tree `base.tree_oid` as seen from `repo`.
Result<git::Tree> lookup_base_tree(git_repository* repo, const BaseCommit& base);

/// Writes `base`'s tree into `repo`'s working tree (force, no filters). With `write_index`, the
/// repository's index becomes the base tree with fresh stat data.
Status checkout_base_tree(git_repository* repo, const BaseCommit& base, bool write_index);

}  // namespace landed::sandbox_detail
