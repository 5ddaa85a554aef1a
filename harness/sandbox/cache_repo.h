// Internal to harness/sandbox: the pieces BaseCache shares between its two sources
// (workspace folders and external repositories).
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/git_handles.h"

namespace landed::sandbox_detail {

/// A bare repository at `dir` (which may exist and be empty) with HEAD on `main`.
Result<git::Repository> init_bare(const std::filesystem::path& dir);

/// Opens the bare repository at `dir`.
Result<git::Repository> open_bare(const std::filesystem::path& dir);

/// The commit `rev` names in the bare repository at `repo_dir` (sha, tag, branch, ref).
Result<BaseCommit> resolve_base(const std::filesystem::path& repo_dir, const std::string& rev);

/// Renames the finished repository `built` to `final_dir`. When another thread or process got
/// there first, `built` is left for its owner to delete and the winner's copy stands.
Status publish(const std::filesystem::path& built, const std::filesystem::path& final_dir);

/// `name` if it is safe as one file name, otherwise its sha256.
std::string file_name_for(const std::string& name);

}  // namespace landed::sandbox_detail
