#include "harness/task/environment_spec.h"

#include <algorithm>

namespace landed {
namespace {

bool is_variable_name(const std::string& name) {
  return !name.empty() && name.find('=') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

Status check_names(TomlReader& table, std::string_view key, const std::vector<std::string>& names) {
  for (const std::string& name : names)
    if (!is_variable_name(name))
      return table.error_at(key, fmt::format("{} holds \"{}\", which is not a variable name",
                                             table.key_name(key), name));
  return ok_status();
}

void append_new(std::vector<std::string>& into, const std::vector<std::string>& more) {
  for (const std::string& item : more)
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

}  // namespace

Result<EnvironmentSpec> read_environment(TomlReader& root) {
  EnvironmentSpec spec;
  LANDED_TRY(std::optional<TomlReader> table, root.optional_table("environment"));
  if (!table) return spec;
  LANDED_TRY(spec.pass, table->string_list("pass"));
  LANDED_TRY_STATUS(check_names(*table, "pass", spec.pass));
  LANDED_TRY(spec.set, table->string_map("set"));
  std::vector<std::string> set_names;
  for (const auto& [name, value] : spec.set) set_names.push_back(name);
  LANDED_TRY_STATUS(check_names(*table, "set", set_names));
  LANDED_TRY(spec.paths, table->string_list("paths"));
  for (const std::string& path : spec.paths)
    if (path.empty()) return table->error_at("paths", "environment.paths holds an empty path");
  return spec;
}

EnvironmentSpec merge_environment(const EnvironmentSpec& suite, const EnvironmentSpec& task) {
  EnvironmentSpec merged = suite;
  append_new(merged.pass, task.pass);
  for (const auto& [name, value] : task.set) merged.set[name] = value;
  append_new(merged.paths, task.paths);
  return merged;
}

}  // namespace landed
