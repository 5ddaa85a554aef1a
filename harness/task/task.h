// The task: one folder of a suite in the task format of design.md ("Task format"), loaded and
// checked strictly, so a broken task is reported with its file and line before any attempt runs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/task/environment_spec.h"

namespace landed {

/// A shell command (`/bin/sh -c`) with an optional wall-clock limit.
struct CommandSpec {
  std::string command;
  std::optional<int> timeout_s;
  /// `network = "host"`: the command shares the machine's network; default "none" (loopback
  /// only) when landed isolates with namespaces.
  bool network_host = false;
};

/// An external git repository and revision that is the task's starting state.
struct RepoSource {
  std::string url;
  std::string rev;
  /// [repo] history: "none" (the agent's git holds the base tree as one root commit) or
  /// "ancestors" (the base commit and every commit before it; never one after).
  bool keep_ancestors = false;
};

struct Task {
  std::string id;             ///< the folder name
  std::filesystem::path dir;  ///< absolute, normalized
  std::optional<std::string> title;
  std::optional<std::string> difficulty;  ///< easy | medium | hard
  std::vector<std::string> tags;
  std::string prompt;                  ///< contents of prompt.md, never blank
  std::optional<int> agent_timeout_s;  ///< [agent] timeout_s
  CommandSpec verify;                  ///< [verify]: runs in the verify sandbox; exit 0 is a pass
  std::optional<CommandSpec> check;    ///< [check]: a check the agent and routes may run
  std::optional<RepoSource> repo;      ///< [repo]: set exactly when there is no workspace/
  /// [verify] protect: globs (harness/base/glob_match.h) of paths the verify sandbox keeps at
  /// the base whatever the patch says; plus default_protect_globs() unless protect_defaults=false.
  std::vector<std::string> protect;
  bool protect_defaults = true;
  /// [repo]: the commit `rev` resolves to now, when a campaign resolved it before planning
  /// (harness/campaign/repo_bases.h); reuse matches records on it.
  std::optional<std::string> resolved_base_commit;
  EnvironmentSpec environment;         ///< [environment], merged over the suite's by load_suite
  std::optional<CommandSpec> setup;    ///< [setup]: the task's, else the suite's
  std::filesystem::path workspace_dir, tests_dir, solution_dir;  ///< dir / "workspace" etc.
  std::vector<std::string> hidden_test_paths;  ///< files under tests/, relative, sorted
  std::vector<std::string> solution_paths;     ///< files under solution/, relative, sorted
  std::string digest;  ///< task_tree_digest(dir): changes with any file of the folder
};

/// Loads and checks the task in `task_dir`. Errors name the file (and the line for task.toml):
/// missing task.toml or prompt.md, an unknown key or wrong type anywhere in task.toml, a missing
/// `[verify] command`, timeout_s <= 0, a bad `[environment]` or `[setup]`, a difficulty other than easy|medium|hard, a `[repo]`
/// without url or rev, neither or both of workspace/ and `[repo]`, a missing tests/ or solution/.
Result<Task> load_task(const std::filesystem::path& task_dir);

/// `dir` made absolute and normal without a trailing slash: the form Task::dir and Suite::dir hold.
std::filesystem::path absolute_dir(const std::filesystem::path& dir);

}  // namespace landed
