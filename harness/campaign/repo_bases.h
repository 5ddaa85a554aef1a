// Before a campaign plans reuse, each `[repo]` task's rev is resolved to a commit (fetching the
// repository into the base cache), so a record made on another commit of a moving branch is
// run again rather than copied (Task::resolved_base_commit, record `task_base_commit`).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/task/suite.h"

namespace landed {

/// Sets resolved_base_commit of every [repo] task of `suite` from the cache under `cache_dir`
/// (its "bases" folder). A rev that cannot be resolved leaves the task unresolved (it is then
/// never reused; its attempts say why they failed); the returned lines say which.
std::vector<std::string> resolve_repo_bases(Suite& suite, const std::filesystem::path& cache_dir);

}  // namespace landed
