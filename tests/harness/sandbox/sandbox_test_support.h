// Helpers shared by the sandbox tests: writing trees, snapshotting them, running the real git.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "harness/base/files.h"

namespace landed::testing {

namespace fs = std::filesystem;

/// Writes `contents` at `path`, creating folders; `exec` sets 0755, otherwise 0644.
inline void put(const fs::path& path, std::string_view contents, bool exec = false) {
  fs::create_directories(path.parent_path());
  ASSERT_TRUE(write_file(path, contents).ok()) << path;
  fs::permissions(path, exec ? fs::perms(0755) : fs::perms(0644));
}

inline void put_symlink(const fs::path& target, const fs::path& link) {
  fs::create_directories(link.parent_path());
  fs::create_symlink(target, link);
}

struct CommandResult {
  int status = -1;
  std::string output;
};

/// Runs `command` with /bin/sh, stdout and stderr captured together.
inline CommandResult sh(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char chunk[4096];
  size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0) result.output.append(chunk, n);
  const int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

/// `git -C dir <args>` with a fixed identity and no user or system config.
inline CommandResult git_in(const fs::path& dir, const std::string& args) {
  return sh("env GIT_CONFIG_NOSYSTEM=1 HOME=/nonexistent GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t "
            "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t git -C '" + dir.string() + "' " + args);
}

/// Regular files and symlinks under `root` as relative paths, skipping .git. (Not list_files:
/// it names a symlink after its target, because fs::relative resolves symlinks.)
inline std::vector<std::string> tree_paths(const fs::path& root) {
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_symlink() || !it->is_directory()) {
      paths.push_back(it->path().lexically_relative(root).generic_string());
    } else if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
    }
  }
  return paths;
}

/// What a tree holds, per relative path: "link:<target>", "exec:<bytes>" or "file:<bytes>".
/// Skips any .git folder, like the candidate patch does.
inline std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  for (const std::string& relative : tree_paths(root)) {
    const fs::path path = root / relative;
    struct stat info;
    if (::lstat(path.c_str(), &info) != 0) continue;
    if (S_ISLNK(info.st_mode)) {
      entries[relative] = "link:" + fs::read_symlink(path).string();
    } else {
      auto contents = read_file(path);
      entries[relative] = ((info.st_mode & S_IXUSR) ? "exec:" : "file:") +
                          (contents.ok() ? *contents : std::string("<unreadable>"));
    }
  }
  return entries;
}

}  // namespace landed::testing
