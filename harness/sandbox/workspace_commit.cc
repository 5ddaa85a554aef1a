#include "harness/sandbox/workspace_commit.h"

#include <sys/stat.h>

#include <optional>
#include <string>

#include "harness/sandbox/git_handles.h"

namespace landed::sandbox_detail {

namespace fs = std::filesystem;

namespace {

// Fixed identity and time: the commit id must depend on the files alone.
constexpr git_time_t kBaseTime = 1577836800;  // 2020-01-01T00:00:00Z
constexpr const char* kBaseMessage = "landed base\n";

Result<std::optional<git_oid>> write_tree(git_repository* repo, const fs::path& dir);

Result<git_oid> write_symlink_blob(git_repository* repo, const fs::path& path) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(path, ec);
  if (ec) return make_error("readlink({}) failed: {}", path.string(), ec.message());
  const std::string text = target.string();
  git_oid oid;
  LANDED_TRY_STATUS(git::check(git_blob_create_from_buffer(&oid, repo, text.data(), text.size()),
                               "git_blob_create_from_buffer", path.string()));
  return oid;
}

// Adds the entry for `path` to `builder`; empty folders add nothing, like git itself.
Status add_entry(git_repository* repo, git_treebuilder* builder, const fs::path& path) {
  struct stat info;
  if (::lstat(path.c_str(), &info) != 0) return errno_error("lstat", path.string());
  git_oid oid;
  git_filemode_t mode;
  if (S_ISLNK(info.st_mode)) {
    LANDED_TRY(oid, write_symlink_blob(repo, path));
    mode = GIT_FILEMODE_LINK;
  } else if (S_ISREG(info.st_mode)) {
    LANDED_TRY_STATUS(git::check(git_blob_create_from_disk(&oid, repo, path.c_str()),
                                 "git_blob_create_from_disk", path.string()));
    mode = (info.st_mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
  } else if (S_ISDIR(info.st_mode)) {
    LANDED_TRY(std::optional<git_oid> tree, write_tree(repo, path));
    if (!tree) return ok_status();
    oid = *tree;
    mode = GIT_FILEMODE_TREE;
  } else {
    return make_error("{}: not a regular file, symlink or folder; git cannot store it",
                      path.string());
  }
  const std::string name = path.filename().string();
  return git::check(git_treebuilder_insert(nullptr, builder, name.c_str(), &oid, mode),
                    "git_treebuilder_insert", path.string());
}

// The tree of `dir`, or nothing when it holds no files at any depth.
Result<std::optional<git_oid>> write_tree(git_repository* repo, const fs::path& dir) {
  git_treebuilder* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_treebuilder_new(&raw, repo, nullptr), "git_treebuilder_new"));
  git::TreeBuilder builder(raw);
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == ".git") continue;
    LANDED_TRY_STATUS(add_entry(repo, builder.get(), it->path()));
  }
  if (ec) return make_error("list({}) failed: {}", dir.string(), ec.message());
  if (git_treebuilder_entrycount(builder.get()) == 0) return std::optional<git_oid>();
  git_oid oid;
  LANDED_TRY_STATUS(
      git::check(git_treebuilder_write(&oid, builder.get()), "git_treebuilder_write", dir.string()));
  return std::optional<git_oid>(oid);
}

Result<git_oid> empty_tree(git_repository* repo) {
  git_treebuilder* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_treebuilder_new(&raw, repo, nullptr), "git_treebuilder_new"));
  git::TreeBuilder builder(raw);
  git_oid oid;
  LANDED_TRY_STATUS(git::check(git_treebuilder_write(&oid, builder.get()), "git_treebuilder_write"));
  return oid;
}

}  // namespace

Result<git_oid> commit_root_tree(git_repository* repo, const git_tree* tree, const char* update_ref) {
  git_signature* sig_raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_signature_new(&sig_raw, "landed", "landed@localhost", kBaseTime, 0),
                               "git_signature_new"));
  git::Signature signature(sig_raw);
  git_oid commit;
  LANDED_TRY_STATUS(git::check(git_commit_create(&commit, repo, update_ref, signature.get(),
                                                 signature.get(), nullptr, kBaseMessage, tree, 0,
                                                 nullptr),
                               "git_commit_create", update_ref));
  return commit;
}

Result<git_oid> commit_workspace(git_repository* repo, const fs::path& workspace) {
  if (!fs::is_directory(workspace))
    return make_error("workspace {} is not a folder", workspace.string());
  LANDED_TRY(std::optional<git_oid> files, write_tree(repo, workspace));
  LANDED_TRY(const git_oid tree_oid, files ? Result<git_oid>(*files) : empty_tree(repo));
  git_tree* tree_raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_tree_lookup(&tree_raw, repo, &tree_oid), "git_tree_lookup"));
  git::Tree tree(tree_raw);
  Result<git_oid> commit = commit_root_tree(repo, tree.get(), "refs/heads/main");
  if (!commit.ok()) return commit.error().with_context(workspace.string());
  return commit;
}

}  // namespace landed::sandbox_detail
