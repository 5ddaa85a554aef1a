#include "harness/sandbox/base_cache.h"

#include <utility>

#include "harness/base/files.h"
#include "harness/sandbox/cache_repo.h"
#include "harness/sandbox/libgit2_init.h"
#include "harness/sandbox/pack_objects.h"
#include "harness/sandbox/workspace_commit.h"

namespace landed {

using sandbox_detail::resolve_base;

BaseCache::BaseCache(std::filesystem::path root) : root_(std::move(root)) {
  git::ensure_initialized();
}

Result<BaseCommit> BaseCache::from_workspace(const std::string& task_digest,
                                             const std::filesystem::path& workspace) {
  const std::filesystem::path final_dir =
      root_ / ("ws-" + sandbox_detail::file_name_for(task_digest) + ".git");
  if (std::filesystem::exists(final_dir)) return resolve_base(final_dir, "refs/heads/main");

  LANDED_TRY(TempDir building, TempDir::create(root_, ".building-"));
  {
    LANDED_TRY(git::Repository repo, sandbox_detail::init_bare(building.path()));
    LANDED_TRY(const git_oid commit, sandbox_detail::commit_workspace(repo.get(), workspace));
    LANDED_TRY_STATUS(sandbox_detail::pack_loose_objects(repo.get(), commit, building.path()));
  }
  LANDED_TRY_STATUS(sandbox_detail::publish(building.path(), final_dir));
  Result<BaseCommit> base = resolve_base(final_dir, "refs/heads/main");
  if (!base.ok()) return base.error().with_context("task " + task_digest);
  return base;
}

}  // namespace landed
