// The suite: a folder of tasks with a suite.toml. Loading never stops at one bad task: each
// becomes an entry in task_errors and the rest load, so one typo does not hide the suite.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/task/task.h"

namespace landed {

struct Suite {
  std::string name;  ///< suite.toml `name`, default: the folder name
  std::optional<std::string> description;
  EnvironmentSpec environment;        ///< suite.toml [environment]: every task starts from it
  std::optional<CommandSpec> setup;   ///< suite.toml [setup]: for tasks without their own
  std::filesystem::path dir;       ///< absolute, normalized
  std::vector<Task> tasks;         ///< sorted by id
  std::vector<Error> task_errors;  ///< tasks that failed to load, in folder-name order
  std::string digest;  ///< over suite.toml and (id, digest) of every loaded task, sorted by id
};

/// Loads every task folder of `suite_dir`: each subfolder holding a task.toml, and every other
/// subfolder whose name does not start with '.' (which, lacking task.toml, is a task error).
/// An Error only if the folder or its suite.toml (required, may be empty; keys `name`,
/// `description`, `[environment]`, `[setup]`) is unreadable or malformed.
Result<Suite> load_suite(const std::filesystem::path& suite_dir);

}  // namespace landed
