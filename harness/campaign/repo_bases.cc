#include "harness/campaign/repo_bases.h"

#include "harness/base/files.h"
#include "harness/sandbox/base_cache.h"

namespace landed {

std::vector<std::string> resolve_repo_bases(Suite& suite, const std::filesystem::path& cache_dir) {
  std::vector<std::string> unresolved;
  if (Status made = make_directories(cache_dir / "bases"); !made.ok())
    return {made.error().message};
  BaseCache bases(cache_dir / "bases");
  for (Task& task : suite.tasks) {
    if (!task.repo) continue;
    auto base = bases.from_repository(task.repo->url, task.repo->rev);
    if (base.ok()) task.resolved_base_commit = base->commit_oid;
    else unresolved.push_back("task " + task.id + ": " + base.error().message);
  }
  return unresolved;
}

}  // namespace landed
