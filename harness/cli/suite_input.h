// Loading the suite and config named on the command line, with errors a user can act on.
#pragma once

#include <filesystem>
#include <optional>

#include "harness/campaign/config.h"
#include "harness/task/suite.h"

namespace landed::cli {

/// Loads the suite; prints every task that failed to load. Returns null (after printing the
/// cause, exit code 2) when the suite is unreadable, or when a task failed and !allow_bad_tasks.
std::optional<Suite> load_suite_or_report(const std::filesystem::path& dir, bool allow_bad_tasks);

/// Checks that `cache_dir` is writable and that every `[repo]` task's repository and rev can be
/// had (fetching them into the cache). Prints each faulty task ("landed: task X: rev HEAD not
/// found in URL"). Returns false (exit code 2) when the cache is unusable, or when a task is
/// faulty and `strict`. Otherwise the faulty tasks leave `suite.tasks` for `suite.task_errors`:
/// like tasks that failed to load, the others run and the exit code says so at the end.
bool check_sources_or_report(Suite& suite, const std::filesystem::path& cache_dir, bool strict);

/// The default jobs: the machine's cores.
int default_jobs();

}  // namespace landed::cli
