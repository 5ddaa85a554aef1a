// Turns a task's workspace folder into one deterministic commit: same files, same commit id.
#pragma once

#include <filesystem>

#include <git2.h>

#include "harness/base/error.h"

namespace landed::sandbox_detail {

/// Writes every file under `workspace` (exec bits and symlinks kept; `.git` and empty folders
/// skipped) into `repo` as one commit on refs/heads/main with a fixed author, committer, time and
/// message, and returns its id.
Result<git_oid> commit_workspace(git_repository* repo, const std::filesystem::path& workspace);

/// Writes the root commit of `tree` (no parents) with the same fixed identity, time and message,
/// and points `update_ref` (e.g. "refs/heads/main") at it: a workspace base and a repository base
/// shown without its history look alike.
Result<git_oid> commit_root_tree(git_repository* repo, const git_tree* tree, const char* update_ref);

}  // namespace landed::sandbox_detail
