#include "harness/cli/suite_input.h"

#include <iostream>
#include <thread>

#include "harness/cli/commands.h"

namespace landed::cli {

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
  return std::move(suite).value();
}

int default_jobs() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace landed::cli
