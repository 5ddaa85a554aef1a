// Which of the client's declared tools a scripted tool call uses, and its arguments: the
// fake server adapts one scripted shell command to whatever shell tool the client declared.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/fake_llm/script.h"

namespace fake_llm {

/// A tool as the client declared it: its name and the JSON schema of its arguments.
struct ToolDecl {
  std::string name;
  nlohmann::json schema = nlohmann::json::object();
  bool local_shell = false;  // OpenAI Responses' built-in {"type": "local_shell"}
};

struct ToolChoice {
  std::string name;
  nlohmann::json arguments;
  bool local_shell = false;
};

/// Picks the tool: the turn's explicit `tool`, else the first declared shell-like tool
/// (shell, bash, Bash, shell_command, exec_command, run_shell_command, local_shell), else the
/// first declared tool, else "shell". Arguments: the turn's explicit ones, else built from the
/// tool's schema (see fill_arguments).
ToolChoice choose_tool(const std::vector<ToolDecl>& declared, const Turn& turn);

/// Puts `command` into the schema's command property ("command", "cmd" or "script", else the
/// first required string): as a string, or as ["bash", "-lc", command] when it is an array.
/// Other required string properties get a short placeholder, required booleans false.
nlohmann::json fill_arguments(const nlohmann::json& schema, const std::string& command);

/// The argv form of a command, for array-typed command properties and local_shell.
nlohmann::json shell_argv(const std::string& command);

}  // namespace fake_llm
