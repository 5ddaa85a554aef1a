#include "harness/sandbox/checkout_repo.h"

#include "harness/base/files.h"
#include "harness/sandbox/cache_repo.h"

namespace landed::sandbox_detail {

namespace fs = std::filesystem;

Status borrow_objects(const fs::path& gitdir, const BaseCommit& base) {
  const fs::path objects = fs::absolute(base.repo_dir) / "objects";
  return write_file(gitdir / "objects" / "info" / "alternates", objects.string() + "\n");
}

Status disable_attribute_filters(const fs::path& gitdir) {
  // info/attributes outranks every .gitattributes in the tree.
  return write_file(gitdir / "info" / "attributes", "* -text -eol -ident -filter -working-tree-encoding\n");
}

Result<git::Repository> init_borrowing_repo(const fs::path& gitdir, const BaseCommit& base) {
  LANDED_TRY(git::Repository repo, init_bare(gitdir));
  // The object database is opened lazily, so alternates written now are seen by `repo`.
  LANDED_TRY_STATUS(make_directories(gitdir / "objects" / "info"));
  LANDED_TRY_STATUS(borrow_objects(gitdir, base));
  LANDED_TRY_STATUS(make_directories(gitdir / "info"));
  LANDED_TRY_STATUS(disable_attribute_filters(gitdir));
  return repo;
}

Result<git::Repository> open_with_workdir(const fs::path& gitdir, const fs::path& workdir) {
  LANDED_TRY(git::Repository repo, open_bare(gitdir));
  LANDED_TRY_STATUS(git::check(git_repository_set_workdir(repo.get(), workdir.c_str(), 0),
                               "git_repository_set_workdir", workdir.string()));
  return repo;
}

Result<git::Tree> lookup_base_tree(git_repository* repo, const BaseCommit& base) {
  LANDED_TRY(const git_oid oid, git::parse_oid(base.tree_oid, "base tree"));
  git_tree* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_tree_lookup(&raw, repo, &oid), "git_tree_lookup", base.tree_oid));
  return git::Tree(raw);
}

Status checkout_base_tree(git_repository* repo, const BaseCommit& base, bool write_index) {
  LANDED_TRY(git::Tree tree, lookup_base_tree(repo, base));
  // An empty baseline: every target is an empty folder, whatever HEAD of `repo` says.
  git_index* baseline_raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_index_new(&baseline_raw), "git_index_new"));
  git::Index baseline(baseline_raw);
  git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
  options.checkout_strategy = GIT_CHECKOUT_FORCE;
  options.baseline_index = baseline.get();
  // NO_REFRESH: an in-memory index cannot be re-read from disk.
  if (!write_index) options.checkout_strategy |= GIT_CHECKOUT_DONT_WRITE_INDEX | GIT_CHECKOUT_NO_REFRESH;
  // Filters cost ~20 failing readlink calls per file and the base must be byte-exact anyway.
  options.disable_filters = 1;
  const char* workdir = git_repository_workdir(repo);
  return git::check(git_checkout_tree(repo, reinterpret_cast<git_object*>(tree.get()), &options),
                    "git_checkout_tree", workdir ? workdir : "");
}

}  // namespace landed::sandbox_detail
