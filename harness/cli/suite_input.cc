#include "harness/cli/suite_input.h"

#include <algorithm>
#include <iostream>
#include <map>

#include <fmt/ranges.h>
#include <thread>

#include "harness/campaign/task_environment.h"
#include "harness/campaign/task_sources.h"
#include "harness/cli/commands.h"

namespace landed::cli {
namespace {

/// One line per distinct warning, naming the tasks it concerns (a suite-wide [environment]
/// would otherwise repeat it for every task).
void print_environment_warnings(const Suite& suite) {
  std::map<std::string, std::vector<std::string>> tasks_by_warning;
  const HostEnvironment host = HostEnvironment::current();
  for (const Task& task : suite.tasks)
    for (const std::string& warning : resolve_environment(task.environment, host).warnings)
      tasks_by_warning[warning].push_back(task.id);
  for (const auto& [warning, tasks] : tasks_by_warning)
    std::cerr << fmt::format("landed: warning: {} (task{} {})\n", warning,
                             tasks.size() == 1 ? "" : "s", fmt::join(tasks, ", "));
}

}  // namespace

std::optional<Suite> load_suite_or_report(const std::filesystem::path& dir, bool allow_bad_tasks) {
  auto suite = load_suite(dir);
  if (!suite.ok()) {
    fail_bad_input(suite.error().message);
    return std::nullopt;
  }
  for (const Error& error : suite->task_errors) std::cerr << "landed: " << error.message << "\n";
  if (!suite->task_errors.empty() && !allow_bad_tasks) {
    fail_bad_input(fmt::format("{} task(s) of {} failed to load (see above)",
                               suite->task_errors.size(), dir.string()));
    return std::nullopt;
  }
  if (suite->tasks.empty()) {
    fail_bad_input(fmt::format("{} holds no task", dir.string()));
    return std::nullopt;
  }
  print_environment_warnings(*suite);
  return std::move(suite).value();
}

bool check_sources_or_report(Suite& suite, const std::filesystem::path& cache_dir, bool strict) {
  if (Status writable = check_cache_writable(cache_dir); !writable.ok()) {
    fail_bad_input(writable.error().message);
    return false;
  }
  BaseCache bases(cache_dir / "bases");
  const std::vector<TaskSourceError> errors = check_task_sources(suite, bases);
  for (const TaskSourceError& error : errors)
    std::cerr << fmt::format("landed: task {}: {}\n", error.task_id, error.reason);
  if (errors.empty()) return true;
  if (strict) {
    fail_bad_input(fmt::format("{} task(s) of {} cannot be started (see above)", errors.size(),
                               suite.dir.string()));
    return false;
  }
  std::erase_if(suite.tasks, [&](const Task& task) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const TaskSourceError& e) { return e.task_id == task.id; });
  });
  for (const TaskSourceError& error : errors)
    suite.task_errors.push_back(Error{fmt::format("task {}: {}", error.task_id, error.reason)});
  return true;
}

int default_jobs() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace landed::cli
