// Packs a freshly built base so that checkouts read objects from one mapped file instead of
// opening one loose object file per blob (5 system calls per file saved on every checkout).
#pragma once

#include <filesystem>

#include <git2.h>

#include "harness/base/error.h"

namespace landed::sandbox_detail {

/// Writes every object reachable from `commit` into one pack in `repo` (bare, at `repo_dir`) and
/// removes the loose copies. Only for repositories no one else can see yet.
Status pack_loose_objects(git_repository* repo, const git_oid& commit,
                          const std::filesystem::path& repo_dir);

}  // namespace landed::sandbox_detail
