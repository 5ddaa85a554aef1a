#include <algorithm>
#include <limits>
#include <system_error>

#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/base/text_safety.h"
#include "harness/task/suite.h"
#include "harness/task/toml_reader.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

// Bump when the encoding below changes.
constexpr std::string_view kSuiteDigestVersion = "landed-suite-v1";

Result<CommandSpec> read_suite_setup(TomlReader& table) {
  CommandSpec setup;
  LANDED_TRY(setup.command, table.required_string("command"));
  LANDED_TRY(std::optional<std::int64_t> seconds,
             table.optional_int("timeout_s", 1, std::numeric_limits<int>::max()));
  if (seconds) setup.timeout_s = static_cast<int>(*seconds);
  return setup;
}

/// Reads suite.toml into `suite`; returns its text, which the suite digest covers.
Result<std::string> read_suite_toml(const fs::path& path, Suite& suite) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return make_error("{}: missing suite.toml", path.string());
  LANDED_TRY(std::string text, read_file(path));
  LANDED_TRY(toml::table table, parse_toml_string(text, path));
  TomlReader root(table, path);
  LANDED_TRY(std::optional<std::string> name, root.optional_string("name"));
  if (name && name->empty()) return root.error_at("name", "name must not be empty");
  if (name) suite.name = std::move(*name);
  LANDED_TRY(suite.description, root.optional_string("description"));
  LANDED_TRY(suite.environment, read_environment(root));
  LANDED_TRY(std::optional<TomlReader> setup, root.optional_table("setup"));
  if (setup) {
    LANDED_TRY(CommandSpec command, read_suite_setup(*setup));
    suite.setup = std::move(command);
  }
  LANDED_TRY_STATUS(root.finish());
  return text;
}

/// A hidden folder is a task only if it says so with a task.toml; any other folder is one.
bool is_task_folder(const fs::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_directory(ec)) return false;
  if (!entry.path().filename().string().starts_with(".")) return true;
  return fs::exists(entry.path() / "task.toml", ec);
}

/// Names of the task folders of `suite_dir`, sorted.
Result<std::vector<std::string>> task_folders(const fs::path& suite_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  auto it = fs::directory_iterator(suite_dir, ec);
  if (ec) return make_error("list({}) failed: {}", suite_dir.string(), ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return make_error("list({}) failed: {}", suite_dir.string(), ec.message());
    if (is_task_folder(*it)) names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string suite_digest(std::string_view suite_toml, const std::vector<Task>& tasks) {
  Sha256 hash;
  hash.update_field(kSuiteDigestVersion);
  hash.update_field(suite_toml);
  for (const Task& task : tasks) {
    hash.update_field(task.id);
    hash.update_field(task.digest);
  }
  return hash.hex();
}

}  // namespace

Result<Suite> load_suite(const fs::path& suite_dir) {
  std::error_code ec;
  if (!fs::is_directory(suite_dir, ec))
    return make_error("{}: not a suite folder (no such directory)", suite_dir.string());
  Suite suite;
  suite.dir = absolute_dir(suite_dir);
  suite.name = suite.dir.filename().string();
  LANDED_TRY(std::string suite_toml, read_suite_toml(suite_dir / "suite.toml", suite));
  LANDED_TRY(std::vector<std::string> folders, task_folders(suite_dir));
  for (const std::string& folder : folders) {
    // A task's id is its folder name; bytes that are not UTF-8 would not survive JSON (records
    // would hold U+FFFD, and --resume would never find the task done): refuse the task.
    if (!is_valid_utf8(folder)) {
      suite.task_errors.push_back(make_error(
          "{}/{}: the task folder's name is not valid UTF-8; rename the folder",
          suite_dir.string(), printable(folder)));
      continue;
    }
    Result<Task> task = load_task(suite_dir / folder);
    if (task.ok()) {
      task->environment = merge_environment(suite.environment, task->environment);
      if (!task->setup) task->setup = suite.setup;
      suite.tasks.push_back(std::move(task).value());
    } else {
      suite.task_errors.push_back(task.error());
    }
  }
  // Folder names are ids, so folder order is already id order.
  suite.digest = suite_digest(suite_toml, suite.tasks);
  return suite;
}

}  // namespace landed
