#include "harness/sandbox/cache_repo.h"

#include <cerrno>
#include <cstdio>

#include "harness/base/sha256.h"

namespace landed::sandbox_detail {

Result<git::Repository> init_bare(const std::filesystem::path& dir) {
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_init_ext(&raw, dir.c_str(), &options),
                               "git_repository_init_ext", dir.string()));
  return git::Repository(raw);
}

Result<git::Repository> open_bare(const std::filesystem::path& dir) {
  git_repository* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_open_bare(&raw, dir.c_str()),
                               "git_repository_open_bare", dir.string()));
  return git::Repository(raw);
}

Result<BaseCommit> resolve_base(const std::filesystem::path& repo_dir, const std::string& rev) {
  LANDED_TRY(git::Repository repo, open_bare(repo_dir));
  git_object* named = nullptr;
  LANDED_TRY_STATUS(git::check(git_revparse_single(&named, repo.get(), rev.c_str()),
                               "git_revparse_single", rev));
  git::Object named_owner(named);
  git_object* peeled = nullptr;
  LANDED_TRY_STATUS(
      git::check(git_object_peel(&peeled, named, GIT_OBJECT_COMMIT), "git_object_peel", rev));
  git::Commit commit(reinterpret_cast<git_commit*>(peeled));
  return BaseCommit{repo_dir, git::oid_hex(*git_commit_id(commit.get())),
                    git::oid_hex(*git_commit_tree_id(commit.get()))};
}

Status publish(const std::filesystem::path& built, const std::filesystem::path& final_dir) {
  if (std::rename(built.c_str(), final_dir.c_str()) == 0) return ok_status();
  // A non-empty directory already at final_dir means a concurrent builder won the race.
  if (errno == EEXIST || errno == ENOTEMPTY) return ok_status();
  return errno_error("rename", built.string() + " -> " + final_dir.string());
}

std::string file_name_for(const std::string& name) {
  const bool safe = !name.empty() && name.size() <= 128 && name.front() != '.' &&
                    name.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz"
                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-") == std::string::npos;
  return safe ? name : sha256_hex(name);
}

}  // namespace landed::sandbox_detail
