#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <system_error>

#include "harness/base/files.h"
#include "harness/task/task.h"
#include "harness/task/task_digest.h"
#include "harness/task/toml_reader.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxTimeoutS = std::numeric_limits<int>::max();

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

Result<std::optional<int>> read_timeout(TomlReader& table) {
  LANDED_TRY(std::optional<std::int64_t> seconds, table.optional_int("timeout_s", 1, kMaxTimeoutS));
  if (!seconds) return std::optional<int>();
  return std::optional<int>(static_cast<int>(*seconds));
}

Result<CommandSpec> read_command(TomlReader& table) {
  CommandSpec spec;
  LANDED_TRY(spec.command, table.required_string("command"));
  if (is_blank(spec.command))
    return table.error_at("command", table.key_name("command") + " must not be blank");
  LANDED_TRY(spec.timeout_s, read_timeout(table));
  LANDED_TRY(std::optional<std::string> network, table.optional_string("network"));
  if (network && *network != "none" && *network != "host")
    return table.error_at("network", fmt::format("{} must be \"none\" or \"host\", got \"{}\"",
                                                 table.key_name("network"), *network));
  spec.network_host = network && *network == "host";
  return spec;
}

Result<std::optional<std::string>> read_difficulty(TomlReader& root) {
  LANDED_TRY(std::optional<std::string> difficulty, root.optional_string("difficulty"));
  if (difficulty && *difficulty != "easy" && *difficulty != "medium" && *difficulty != "hard")
    return root.error_at(
        "difficulty",
        fmt::format("difficulty must be easy, medium or hard, got \"{}\"", *difficulty));
  return difficulty;
}

/// [verify] protect = ["glob", ...] and protect_defaults = true|false.
Status read_protect(TomlReader& verify, Task& task) {
  LANDED_TRY(task.protect, verify.string_list("protect"));
  for (const std::string& glob : task.protect)
    if (is_blank(glob) || glob.front() == '/' || glob.find("..") != std::string::npos)
      return verify.error_at("protect", fmt::format("protect: \"{}\" is not a path glob relative "
                                                    "to the sandbox root (e.g. \"**/conftest.py\")",
                                                    glob));
  LANDED_TRY(std::optional<bool> defaults, verify.optional_bool("protect_defaults"));
  task.protect_defaults = defaults.value_or(true);
  return ok_status();
}

/// [repo] history = "none" (default) | "ancestors": true for "ancestors".
Result<bool> read_history(TomlReader& repo) {
  LANDED_TRY(std::optional<std::string> history, repo.optional_string("history"));
  if (!history || *history == "none") return false;
  if (*history == "ancestors") return true;
  return repo.error_at("history", fmt::format("history must be \"none\" or \"ancestors\", got \"{}\"",
                                              *history));
}

bool has_url_scheme(const std::string& url) {
  const auto colon = url.find(':');
  // scp-like "host:path" and "scheme://" both mean a remote; a local path has neither.
  return colon != std::string::npos && url.find('/') > colon;
}

/// A relative local path is relative to the task folder, as every other path of a task is.
std::string resolve_repo_url(const std::string& url, const fs::path& task_dir) {
  if (has_url_scheme(url)) return url;
  fs::path path(url.starts_with("~/") && std::getenv("HOME")
                    ? fs::path(std::getenv("HOME")) / url.substr(2)
                    : fs::path(url));
  if (path.is_relative()) path = task_dir / path;
  return path.lexically_normal().string();
}

/// A local repository that is not there is a load error, not a fetch failure at run time.
Status check_local_repo(TomlReader& repo, const std::string& url) {
  std::string path = url;
  if (url.starts_with("file://")) path = url.substr(7);
  else if (has_url_scheme(url)) return ok_status();
  std::error_code ec;
  if (!fs::exists(path, ec)) return repo.error_at("url", "repository not found: " + path);
  return ok_status();
}

/// [verify] is required and must hold a command; the other tables are optional.
Status read_tables(TomlReader& root, Task& task) {
  LANDED_TRY(std::optional<TomlReader> agent, root.optional_table("agent"));
  if (agent) {
    LANDED_TRY(task.agent_timeout_s, read_timeout(*agent));
  }
  LANDED_TRY(std::optional<TomlReader> verify, root.optional_table("verify"));
  if (!verify) return root.error_at("verify", "missing required key verify.command");
  LANDED_TRY(task.verify, read_command(*verify));
  LANDED_TRY_STATUS(read_protect(*verify, task));
  LANDED_TRY(std::optional<TomlReader> check, root.optional_table("check"));
  if (check) {
    LANDED_TRY(task.check, read_command(*check));
  }
  LANDED_TRY(std::optional<TomlReader> repo, root.optional_table("repo"));
  if (repo) {
    LANDED_TRY(std::string url, repo->required_string("url"));
    LANDED_TRY(std::string rev, repo->required_string("rev"));
    LANDED_TRY(const bool ancestors, read_history(*repo));
    task.repo = RepoSource{resolve_repo_url(url, task.dir), std::move(rev), ancestors};
    LANDED_TRY_STATUS(check_local_repo(*repo, task.repo->url));
  }
  LANDED_TRY(task.environment, read_environment(root));
  LANDED_TRY(std::optional<TomlReader> setup, root.optional_table("setup"));
  if (setup) {
    LANDED_TRY(task.setup, read_command(*setup));
  }
  return ok_status();
}

/// A task starts from workspace/ or from [repo], exactly one of them.
Status check_start_state(const TomlReader& root, const Task& task) {
  std::error_code ec;
  const bool has_workspace = fs::exists(fs::symlink_status(task.workspace_dir, ec));
  if (task.repo && has_workspace)
    return root.error_at("repo",
                         "[repo] and a workspace/ folder are both present: a task "
                         "starts from one or the other");
  if (!task.repo && !has_workspace)
    return Error{fmt::format("{}: the task has neither a workspace/ folder nor a [repo] table",
                             root.file().string())};
  return ok_status();
}

Status read_task_toml(const fs::path& path, Task& task) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return make_error("{}: not a task: missing task.toml", path.string());
  LANDED_TRY(toml::table table, parse_toml_file(path));
  TomlReader root(table, path);
  LANDED_TRY(task.title, root.optional_string("title"));
  LANDED_TRY(task.difficulty, read_difficulty(root));
  LANDED_TRY(task.tags, root.string_list("tags"));
  LANDED_TRY_STATUS(read_tables(root, task));
  LANDED_TRY_STATUS(root.finish());
  // Checked here, while the table is alive, so a clash can point at the [repo] line.
  return check_start_state(root, task);
}

Result<std::string> read_prompt(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return make_error("{}: missing prompt.md", path.string());
  LANDED_TRY(std::string prompt, read_file(path));
  if (is_blank(prompt)) return make_error("{}: the prompt is empty", path.string());
  return prompt;
}

/// The relative paths of the files in a required folder of the task.
Result<std::vector<std::string>> required_folder(const fs::path& folder, std::string_view why) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return make_error("{}: missing folder {}/ ({})", folder.string(), folder.filename().string(),
                      why);
  return list_files(folder);
}

}  // namespace

fs::path absolute_dir(const fs::path& dir) {
  std::error_code ec;
  fs::path absolute = fs::absolute(dir, ec);
  if (ec) absolute = dir;
  absolute = absolute.lexically_normal();
  if (!absolute.has_filename() && absolute != absolute.root_path())
    absolute = absolute.parent_path();
  return absolute;
}

Result<Task> load_task(const fs::path& task_dir) {
  Task task;
  task.dir = absolute_dir(task_dir);
  task.id = task.dir.filename().string();
  task.workspace_dir = task.dir / "workspace";
  task.tests_dir = task.dir / "tests";
  task.solution_dir = task.dir / "solution";
  LANDED_TRY_STATUS(read_task_toml(task_dir / "task.toml", task));
  LANDED_TRY(task.prompt, read_prompt(task_dir / "prompt.md"));
  std::error_code ec;
  if (!task.repo && !fs::is_directory(task.workspace_dir, ec))
    return make_error("{}: workspace is not a folder", (task_dir / "workspace").string());
  LANDED_TRY(task.hidden_test_paths,
             required_folder(task_dir / "tests", "the hidden tests are required"));
  LANDED_TRY(task.solution_paths,
             required_folder(task_dir / "solution", "the reference solution is required"));
  LANDED_TRY(task.digest, task_tree_digest(task.dir));
  return task;
}

}  // namespace landed
