#include "harness/task/protected_paths.h"

#include "harness/base/glob_match.h"

namespace landed {

namespace {

bool is_below(std::string_view path, std::string_view folder) {
  return path.size() > folder.size() && path[folder.size()] == '/' &&
         path.substr(0, folder.size()) == folder;
}

}  // namespace

std::vector<std::string_view> ProtectedPaths::parent_folders(std::string_view path) {
  std::vector<std::string_view> parents;
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1))
    parents.push_back(path.substr(0, slash));
  return parents;
}

const std::vector<std::string>& default_protect_globs() {
  static const std::vector<std::string> globs = {
      // Python: pytest hooks and configuration, unittest's load_tests, start-up hooks.
      "**/conftest.py", "**/pytest.ini", "**/.pytest.ini", "**/tox.ini", "**/setup.cfg",
      "**/pyproject.toml", "**/tests/__init__.py", "**/test/__init__.py", "**/sitecustomize.py",
      "**/usercustomize.py",
      // JavaScript: jest, vitest, mocha and their setup hooks.
      "**/jest.config.*", "**/jest.setup.*", "**/vitest.config.*", "**/vitest.workspace.*",
      "**/vite.config.*", "**/.mocharc*", "**/babel.config.*", "**/.babelrc*",
      // CTest.
      "**/CTestTestfile.cmake", "**/CTestCustom.cmake", "**/CTestConfig.cmake"};
  return globs;
}

ProtectedPaths::ProtectedPaths(const std::vector<std::string>& hidden_test_paths,
                               std::vector<std::string> globs)
    : globs_(std::move(globs)) {
  for (const std::string& path : hidden_test_paths) {
    hidden_.insert(path);
    for (std::string_view parent : parent_folders(path)) hidden_parents_.emplace(parent);
  }
}

PathGuard ProtectedPaths::classify(std::string_view path) const {
  if (hidden_.count(path) > 0 || hidden_parents_.count(path) > 0 ||
      hidden_folders_.count(path) > 0)
    return PathGuard::kHiddenTest;
  const std::vector<std::string_view> parents = parent_folders(path);
  for (std::string_view parent : parents)
    if (hidden_.count(parent) > 0 || hidden_folders_.count(parent) > 0)
      return PathGuard::kHiddenTest;
  for (const std::string& glob : globs_) {
    if (glob_match(glob, path)) return PathGuard::kProtected;
    for (std::string_view parent : parents)
      if (glob_match(glob, parent)) return PathGuard::kProtected;
  }
  return PathGuard::kFree;
}

std::map<std::string, PathGuard> ProtectedPaths::guard_patch(
    const std::vector<std::string>& paths) const {
  std::map<std::string, PathGuard> guards;
  std::vector<std::pair<std::string, PathGuard>> guarded;
  for (const std::string& path : paths) {
    guards[path] = classify(path);
    if (guards[path] != PathGuard::kFree) guarded.emplace_back(path, guards[path]);
  }
  for (auto& [path, guard] : guards) {
    if (guard != PathGuard::kFree) continue;
    for (const auto& [other, other_guard] : guarded) {
      if (is_below(other, path) || is_below(path, other)) {
        guard = other_guard;
        break;
      }
    }
  }
  return guards;
}

ProtectedPaths protected_paths(const Task& task) {
  std::vector<std::string> globs = task.protect;
  if (task.protect_defaults)
    globs.insert(globs.end(), default_protect_globs().begin(), default_protect_globs().end());
  return ProtectedPaths(task.hidden_test_paths, std::move(globs));
}

}  // namespace landed
