// The `[environment]` and `[setup]` tables of suite.toml and task.toml: what a task's processes
// (setup, agent, check, verify) see of landed's environment, and the one-time setup command.
// Resolving the spec against the machine (defaults for rustup, cargo, nvm...) is
// harness/campaign/task_environment.h; here it is only read and merged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/task/toml_reader.h"

namespace landed {

struct EnvironmentSpec {
  std::vector<std::string> pass;             ///< variables copied from landed's environment
  std::map<std::string, std::string> set;    ///< variables set to a value
  std::vector<std::string> paths;            ///< readable locations, as written (`~` allowed)

  bool operator==(const EnvironmentSpec&) const = default;
};

/// The optional `[environment]` table of `root` (keys pass, set, paths; nothing else). A
/// variable name must be non-empty and hold no '='.
Result<EnvironmentSpec> read_environment(TomlReader& root);

/// The suite's spec with the task's on top: `set` keys of the task win, `pass` and `paths` are
/// the union (suite entries first, no duplicates).
EnvironmentSpec merge_environment(const EnvironmentSpec& suite, const EnvironmentSpec& task);

}  // namespace landed
