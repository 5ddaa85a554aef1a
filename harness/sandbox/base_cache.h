// Base commits: the starting files of a task stored once as a git commit in a shared cache,
// from which every attempt's working copy is checked out.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "harness/base/error.h"

namespace landed {

/// The base commit of one task: one commit holding the task's starting files.
struct BaseCommit {
  std::filesystem::path repo_dir;  ///< bare cache repository holding the commit's objects
  std::string commit_oid;
  std::string tree_oid;
  /// The agent's git dir gets the commits before the base too ([repo] history = "ancestors");
  /// otherwise it holds the base tree as one root commit. Never a commit after the base.
  bool agent_history = false;
};

/// Builds base commits once per task digest and reuses them, under `root` (e.g.
/// ~/.cache/landed/bases). Thread-safe and safe across concurrent landed processes: every
/// repository is built in a temp folder under `root` and renamed into place; a loser of the race
/// discards its copy and uses the winner's.
class BaseCache {
 public:
  explicit BaseCache(std::filesystem::path root);

  /// `workspace` files (every file under it, executable bits kept, symlinks kept; `.git` folders
  /// and empty folders skipped) become one commit with a fixed author, committer and time, so the
  /// same files give the same commit id.
  Result<BaseCommit> from_workspace(const std::string& task_digest,
                                    const std::filesystem::path& workspace);

  /// A task that names an external repository: fetches `url` (anything libgit2 can fetch, e.g. a
  /// local path or file://) into the cache once and resolves `rev` (sha, tag or branch). A rev
  /// that is not a full sha already in the cache is fetched again, once per process.
  Result<BaseCommit> from_repository(const std::string& url, const std::string& rev);

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, BaseCommit> resolved_;  ///< url + '\n' + rev -> base, this process only
};

}  // namespace landed
