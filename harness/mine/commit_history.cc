#include "harness/mine/commit_history.h"

#include <ctime>

#include "harness/sandbox/libgit2_init.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

using RevWalk = git::Owner<git_revwalk, git_revwalk_free>;
using TreeEntry = git::Owner<git_tree_entry, git_tree_entry_free>;
using Blob = git::Owner<git_blob, git_blob_free>;

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

Result<git::Tree> tree_of(git_commit* commit) {
  git_tree* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_commit_tree(&raw, commit), "git_commit_tree"));
  return git::Tree(raw);
}

FileChange change_of(git_delta_t status) {
  if (status == GIT_DELTA_ADDED) return FileChange::kAdded;
  if (status == GIT_DELTA_DELETED) return FileChange::kDeleted;
  return FileChange::kModified;
}

/// The files `commit` changed against its first parent (every file for a root commit).
Result<std::vector<ChangedFile>> changed_files(git_repository* repo, git_commit* commit) {
  LANDED_TRY(git::Tree tree, tree_of(commit));
  git::Tree parent_tree;
  if (git_commit_parentcount(commit) > 0) {
    git_commit* parent = nullptr;
    LANDED_TRY_STATUS(git::check(git_commit_parent(&parent, commit, 0), "git_commit_parent"));
    git::Commit owned(parent);
    LANDED_TRY(parent_tree, tree_of(parent));
  }
  git_diff* raw = nullptr;
  LANDED_TRY_STATUS(git::check(
      git_diff_tree_to_tree(&raw, repo, parent_tree.get(), tree.get(), nullptr),
      "git_diff_tree_to_tree"));
  git::Diff diff(raw);
  std::vector<ChangedFile> files;
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    const bool deleted = delta->status == GIT_DELTA_DELETED;
    files.push_back({deleted ? delta->old_file.path : delta->new_file.path,
                     change_of(delta->status)});
  }
  return files;
}

bool touches(const std::vector<ChangedFile>& files, const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return true;
  for (const ChangedFile& file : files)
    for (const std::string& prefix : prefixes)
      if (file.path.starts_with(prefix)) return true;
  return false;
}

Result<HistoryCommit> describe(git_repository* repo, git_commit* commit) {
  HistoryCommit out;
  out.sha = git::oid_hex(*git_commit_id(commit));
  if (git_commit_parentcount(commit) > 0) out.parent_sha = git::oid_hex(*git_commit_parent_id(commit, 0));
  const char* summary = git_commit_summary(commit);
  out.summary = summary ? summary : "";
  const char* body = git_commit_body(commit);
  out.body = body ? trimmed(body) : "";
  out.time = static_cast<std::int64_t>(git_commit_time(commit));
  LANDED_TRY(out.files, changed_files(repo, commit));
  return out;
}

}  // namespace

Result<GitHistory> GitHistory::open(const fs::path& dir) {
  git::ensure_initialized();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
    return make_error("{}: not a readable git repository", dir.string());
  return GitHistory(git::Repository(raw));
}

Result<std::vector<HistoryCommit>> GitHistory::commits(const HistoryRange& range) const {
  git_object* start = nullptr;
  const std::string spec = range.branch.empty() ? "HEAD" : range.branch;
  LANDED_TRY_STATUS(git::check(git_revparse_single(&start, repo_.get(), spec.c_str()),
                               "git_revparse_single", spec));
  git::Object owned_start(start);
  git_revwalk* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_revwalk_new(&raw, repo_.get()), "git_revwalk_new"));
  RevWalk walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_revwalk_simplify_first_parent(walk.get());
  LANDED_TRY_STATUS(git::check(git_revwalk_push(walk.get(), git_object_id(start)),
                               "git_revwalk_push", spec));
  std::vector<HistoryCommit> out;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    if (range.max && static_cast<int>(out.size()) >= *range.max) break;
    git_commit* commit_raw = nullptr;
    LANDED_TRY_STATUS(git::check(git_commit_lookup(&commit_raw, repo_.get(), &oid),
                                 "git_commit_lookup", git::oid_hex(oid)));
    git::Commit commit(commit_raw);
    const auto time = static_cast<std::int64_t>(git_commit_time(commit.get()));
    if (range.until && time >= *range.until) continue;
    if (range.since && time < *range.since) break;  // first-parent history is oldest-last
    LANDED_TRY(HistoryCommit described, describe(repo_.get(), commit.get()));
    if (touches(described.files, range.paths)) out.push_back(std::move(described));
  }
  return out;
}

Result<FileBlob> GitHistory::file_at(const std::string& sha, const std::string& path) const {
  LANDED_TRY(const git_oid oid, git::parse_oid(sha, "commit"));
  git_commit* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_commit_lookup(&raw, repo_.get(), &oid), "git_commit_lookup", sha));
  git::Commit commit(raw);
  LANDED_TRY(git::Tree tree, tree_of(commit.get()));
  git_tree_entry* entry_raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_tree_entry_bypath(&entry_raw, tree.get(), path.c_str()),
                               "git_tree_entry_bypath", path));
  TreeEntry entry(entry_raw);
  git_blob* blob_raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_blob_lookup(&blob_raw, repo_.get(), git_tree_entry_id(entry.get())),
                               "git_blob_lookup", path));
  Blob blob(blob_raw);
  FileBlob out;
  out.contents.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                      static_cast<size_t>(git_blob_rawsize(blob.get())));
  out.executable = git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_BLOB_EXECUTABLE;
  return out;
}

Result<std::int64_t> parse_history_date(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
    return static_cast<std::int64_t>(std::stoll(text));
  std::tm tm{};
  if (::strptime(text.c_str(), "%Y-%m-%d", &tm) == nullptr)
    return make_error("\"{}\" is not a date: use YYYY-MM-DD or Unix seconds", text);
  return static_cast<std::int64_t>(::timegm(&tm));
}

}  // namespace landed
