#include "tests/fake_llm/tools.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace fake_llm {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kShellNames = {
    "shell", "bash", "Bash", "shell_command", "exec_command", "run_shell_command"};

const ToolDecl* find_shell_tool(const std::vector<ToolDecl>& declared) {
  for (std::string_view wanted : kShellNames)
    for (const ToolDecl& tool : declared)
      if (!tool.local_shell && tool.name == wanted) return &tool;
  for (const ToolDecl& tool : declared)
    if (tool.local_shell) return &tool;
  return declared.empty() ? nullptr : &declared.front();
}

const ToolDecl* find_named(const std::vector<ToolDecl>& declared, const std::string& name) {
  auto it = std::find_if(declared.begin(), declared.end(),
                         [&](const ToolDecl& tool) { return tool.name == name; });
  return it == declared.end() ? nullptr : &*it;
}

bool is_type(const json& property, const char* type) {
  if (!property.is_object() || !property.contains("type")) return false;
  const json& t = property["type"];
  if (t.is_string()) return t == type;
  return t.is_array() && std::find(t.begin(), t.end(), type) != t.end();
}

std::string command_property(const json& properties, const json& required) {
  for (const char* name : {"command", "cmd", "script"})
    if (properties.contains(name)) return name;
  for (const json& name : required)
    if (name.is_string() && is_type(properties.value(name.get<std::string>(), json()), "string"))
      return name.get<std::string>();
  return "command";
}

}  // namespace

json shell_argv(const std::string& command) { return json::array({"bash", "-lc", command}); }

json fill_arguments(const json& schema, const std::string& command) {
  const json properties =
      schema.is_object() ? schema.value("properties", json::object()) : json::object();
  const json required =
      schema.is_object() ? schema.value("required", json::array()) : json::array();
  const std::string key = command_property(properties, required);
  json arguments = json::object();
  const bool as_array = is_type(properties.value(key, json()), "array");
  arguments[key] = as_array ? shell_argv(command) : json(command);
  for (const json& name : required) {
    if (!name.is_string() || arguments.contains(name.get<std::string>())) continue;
    const json property = properties.value(name.get<std::string>(), json());
    if (is_type(property, "string")) arguments[name.get<std::string>()] = "scripted by fake-llm";
    if (is_type(property, "boolean")) arguments[name.get<std::string>()] = false;
  }
  return arguments;
}

ToolChoice choose_tool(const std::vector<ToolDecl>& declared, const Turn& turn) {
  const ToolDecl* tool = turn.tool ? find_named(declared, *turn.tool) : find_shell_tool(declared);
  ToolChoice choice;
  choice.name = tool ? tool->name : turn.tool.value_or("shell");
  choice.local_shell = tool && tool->local_shell;
  if (turn.arguments) {
    choice.arguments = *turn.arguments;
  } else if (choice.local_shell) {
    choice.arguments = json{{"command", shell_argv(turn.command)}};
  } else {
    choice.arguments = fill_arguments(tool ? tool->schema : json::object(), turn.command);
  }
  return choice;
}

}  // namespace fake_llm
