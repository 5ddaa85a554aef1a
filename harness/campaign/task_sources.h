// Load-time checks of what a campaign needs before any attempt: a writable cache, and for every
// `[repo]` task a repository that can be fetched and a rev that resolves. Such faults are the
// suite's, not an attempt's: `run` reports them as load errors (exit 2, naming the task) and
// `validate` as unsound tasks, instead of one infra_error per attempt.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"
#include "harness/task/suite.h"

namespace landed {

struct TaskSourceError {
  std::string task_id;
  std::string reason;  ///< e.g. "rev HEAD not found in /repos/app"
};

/// The `[repo]` tasks of `suite` whose repository cannot be fetched or whose rev does not resolve.
/// Fetches each repository into `bases` (the campaign then finds it there).
std::vector<TaskSourceError> check_task_sources(const Suite& suite, BaseCache& bases);

/// An Error naming `cache_dir` when base commits cannot be written under it.
Status check_cache_writable(const std::filesystem::path& cache_dir);

}  // namespace landed
