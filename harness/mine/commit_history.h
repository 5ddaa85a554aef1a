// The history of a git repository, as `landed tasks mine` reads it: the commits of a range
// (first parent only, so a merge counts as one change against its first parent), each with the
// files it changed, and the contents of a file at a commit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/sandbox/git_handles.h"

namespace landed {

enum class FileChange { kAdded, kModified, kDeleted };

struct ChangedFile {
  std::string path;  ///< '/'-separated, relative to the repository root
  FileChange change = FileChange::kModified;
};

struct HistoryCommit {
  std::string sha;
  std::string parent_sha;  ///< empty for a root commit
  std::string summary;     ///< first line of the message
  std::string body;        ///< the rest of the message, trimmed
  std::int64_t time = 0;   ///< committer time, Unix seconds
  std::vector<ChangedFile> files;
};

struct HistoryRange {
  std::string branch;                  ///< a branch, tag or sha; empty: HEAD
  std::optional<std::int64_t> since;   ///< committer time >= since
  std::optional<std::int64_t> until;   ///< committer time < until
  std::vector<std::string> paths;      ///< keep commits touching one of these prefixes
  std::optional<int> max;              ///< at most this many commits (newest first)
};

/// A file's contents at a commit.
struct FileBlob {
  std::string contents;
  bool executable = false;
};

class GitHistory {
 public:
  /// Opens the repository at `dir` (a work tree or a bare repository). An Error names `dir`
  /// when it is not a readable repository.
  static Result<GitHistory> open(const std::filesystem::path& dir);

  /// The commits of `range`, newest first, each with its changed files.
  Result<std::vector<HistoryCommit>> commits(const HistoryRange& range) const;

  /// `path` as of commit `sha`.
  Result<FileBlob> file_at(const std::string& sha, const std::string& path) const;

 private:
  explicit GitHistory(git::Repository repo) : repo_(std::move(repo)) {}
  git::Repository repo_;
};

/// "YYYY-MM-DD" (UTC midnight) or Unix seconds, as --since and --until take them.
Result<std::int64_t> parse_history_date(const std::string& text);

}  // namespace landed
