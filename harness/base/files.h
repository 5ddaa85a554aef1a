// Small file-system helpers that report failures as Errors naming the path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"

namespace landed {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path);
/// Writes `contents` to `path`, replacing it.
Status write_file(const fs::path& path, std::string_view contents);
/// Writes to a temporary sibling, fsyncs and renames: readers never see a half file.
Status write_file_atomic(const fs::path& path, std::string_view contents);
Status make_directories(const fs::path& path);
/// Removes a tree; a missing path is not an error.
Status remove_tree(const fs::path& path);

/// Gives the owner read access to every file and full access to every folder under `root`
/// (symlinks untouched, never followed): what an agent locked can still be diffed and removed.
Status grant_owner_access(const fs::path& root);

/// Regular files and symlinks under `root`, as sorted relative paths (generic form).
/// Skips any `.git` directory.
Result<std::vector<std::string>> list_files(const fs::path& root);

/// Copies every file under `from` onto `to` at the same relative paths, overwriting whatever is
/// there. Symlinks are copied as symlinks (their text kept, relative or not). The target is walked
/// folder by folder without following symlinks: a symlink, file or dangling link where a folder
/// belongs is replaced by a real folder, so nothing is ever written outside `to`.
Status overlay_tree(const fs::path& from, const fs::path& to);

/// A directory created under `parent` with `prefix`, removed on destruction unless kept.
class TempDir {
 public:
  static Result<TempDir> create(const fs::path& parent, std::string_view prefix);
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const fs::path& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  explicit TempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
  bool keep_ = false;
};

}  // namespace landed
