// The paths of a task that the verify sandbox keeps at the base whatever the candidate patch
// says: every hidden-test path, and every path a `[verify] protect` glob (or the per-ecosystem
// default) names — the test-runner hook and config files through which a patch could make
// failing tests pass without fixing anything.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "harness/task/task.h"

namespace landed {

enum class PathGuard { kFree, kHiddenTest, kProtected };

/// The default `[verify] protect` globs (turned off by `protect_defaults = false`).
const std::vector<std::string>& default_protect_globs();

class ProtectedPaths {
 public:
  ProtectedPaths(const std::vector<std::string>& hidden_test_paths,
                 std::vector<std::string> globs);

  /// kHiddenTest for a hidden-test path, a folder above one (replacing it would move the hidden
  /// tests), a path below one, or a path in a hidden folder; kProtected for a path that a glob matches, or below one that
  /// does; otherwise kFree.
  PathGuard classify(std::string_view path) const;

  /// The guard of every path of a candidate patch. A path that is a folder above or below a
  /// guarded path of the same patch (a file turned into a folder or back) shares its guard, so
  /// the patch without the guarded paths still applies to the base.
  std::map<std::string, PathGuard> guard_patch(const std::vector<std::string>& paths) const;

  /// Every folder of hidden tests that `in_base` says the base lacks (e.g. tests/hidden/ when the
  /// tests/ overlay brings it) becomes hidden as a whole: nothing the agent puts in it (a test
  /// module that exits 0 on import, a conftest) reaches the verify sandbox.
  template <class InBase>
  void hide_folders_not_in_base(const InBase& in_base) {
    for (const std::string& path : hidden_)
      for (std::string_view folder : parent_folders(path))
        if (!in_base(folder)) {
          hidden_folders_.emplace(folder);
          break;
        }
  }

  const std::vector<std::string>& globs() const { return globs_; }

  /// Each proper folder prefix of `path`, shortest first: "a/b/c" -> "a", "a/b".
  static std::vector<std::string_view> parent_folders(std::string_view path);

 private:
  std::set<std::string, std::less<>> hidden_, hidden_parents_, hidden_folders_;
  std::vector<std::string> globs_;
};

/// The task's protected paths: its hidden tests, its `protect` globs and, unless
/// protect_defaults is false, default_protect_globs().
ProtectedPaths protected_paths(const Task& task);

}  // namespace landed
