#include "harness/sandbox/agent_git.h"

#include "harness/base/files.h"
#include "harness/sandbox/cache_repo.h"
#include "harness/sandbox/checkout_repo.h"
#include "harness/sandbox/workspace_commit.h"

namespace landed::sandbox_detail {

namespace fs = std::filesystem;

namespace {

// What goes into the pack: the base tree alone, or the base commit with every ancestor.
Status add_base_objects(git_packbuilder* builder, git_repository* cache, const BaseCommit& base) {
  if (!base.agent_history) {
    LANDED_TRY(const git_oid tree, git::parse_oid(base.tree_oid, "base tree"));
    return git::check(git_packbuilder_insert_tree(builder, &tree), "git_packbuilder_insert_tree",
                      base.tree_oid);
  }
  LANDED_TRY(const git_oid commit, git::parse_oid(base.commit_oid, "base commit"));
  git_revwalk* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_revwalk_new(&raw, cache), "git_revwalk_new"));
  std::unique_ptr<git_revwalk, git::Deleter<git_revwalk, git_revwalk_free>> walk(raw);
  LANDED_TRY_STATUS(git::check(git_revwalk_push(walk.get(), &commit), "git_revwalk_push",
                               base.commit_oid));
  return git::check(git_packbuilder_insert_walk(builder, walk.get()), "git_packbuilder_insert_walk",
                    base.commit_oid);
}

Status write_pack(const BaseCommit& base, const fs::path& pack_dir) {
  LANDED_TRY(git::Repository cache, open_bare(base.repo_dir));
  git_packbuilder* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_packbuilder_new(&raw, cache.get()), "git_packbuilder_new"));
  git::PackBuilder builder(raw);
  git_packbuilder_set_threads(builder.get(), 1);
  LANDED_TRY_STATUS(add_base_objects(builder.get(), cache.get(), base));
  LANDED_TRY_STATUS(make_directories(pack_dir));
  return git::check(git_packbuilder_write(builder.get(), pack_dir.c_str(), 0, nullptr, nullptr),
                    "git_packbuilder_write", pack_dir.string());
}

Status point_main_at(git_repository* repo, const git_oid& commit) {
  git_reference* raw = nullptr;
  LANDED_TRY_STATUS(git::check(
      git_reference_create(&raw, repo, "refs/heads/main", &commit, 1, "landed: base commit"),
      "git_reference_create", "refs/heads/main"));
  git::Reference ref(raw);
  return ok_status();
}

}  // namespace

Status write_agent_objects(git_repository* repo, const fs::path& gitdir, const BaseCommit& base) {
  LANDED_TRY_STATUS(write_pack(base, gitdir / "objects" / "pack"));
  if (base.agent_history) {
    LANDED_TRY(const git_oid commit, git::parse_oid(base.commit_oid, "base commit"));
    return point_main_at(repo, commit);
  }
  // The pack appeared after `repo` was opened: have libgit2 look again.
  git_odb* odb = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_odb(&odb, repo), "git_repository_odb"));
  const int refreshed = git_odb_refresh(odb);
  git_odb_free(odb);
  LANDED_TRY_STATUS(git::check(refreshed, "git_odb_refresh", gitdir.string()));
  LANDED_TRY(git::Tree tree, lookup_base_tree(repo, base));
  LANDED_TRY(const git_oid root, commit_root_tree(repo, tree.get(), "refs/heads/main"));
  (void)root;
  return ok_status();
}

}  // namespace landed::sandbox_detail
