#include "harness/campaign/task_sources.h"

#include "harness/base/files.h"

namespace landed {

std::vector<TaskSourceError> check_task_sources(const Suite& suite, BaseCache& bases) {
  std::vector<TaskSourceError> errors;
  for (const Task& task : suite.tasks) {
    if (!task.repo) continue;
    Result<BaseCommit> base = bases.from_repository(task.repo->url, task.repo->rev);
    if (!base.ok()) errors.push_back({task.id, base.error().message});
  }
  return errors;
}

Status check_cache_writable(const std::filesystem::path& cache_dir) {
  const std::filesystem::path bases = cache_dir / "bases";
  Status made = make_directories(bases);
  if (!made.ok()) return made.error().with_context("--cache " + cache_dir.string() + " is not writable");
  Result<TempDir> probe = TempDir::create(bases, ".probe-");
  if (!probe.ok())
    return probe.error().with_context("--cache " + cache_dir.string() + " is not writable");
  return ok_status();
}

}  // namespace landed
