// What the runners of third-party agent CLIs (Claude Code, Codex) share: the program to start,
// runner options, a private HOME per attempt, and reading counts out of their JSON output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

/// The tool's program and leading arguments: the contender's `command` when set (a path, or a
/// wrapper such as ["npx", "claude"]), else `default_program` looked up on PATH.
std::vector<std::string> tool_program(const Contender& contender, const std::string& default_program);

/// An error naming the first option of the contender that `runner` does not know.
Status check_known_options(const Contender& contender, const std::string& runner,
                           const std::vector<std::string>& known);

/// True unless options.home = "inherit": the tool then keeps landed's HOME and the user's config.
Result<bool> wants_private_home(const Contender& contender, const std::string& runner);

/// Creates `<scratch_dir>/<name>` (the attempt's private HOME for the tool) and returns it.
Result<std::filesystem::path> make_private_home(const AgentRequest& request, const std::string& name);

/// A non-negative integer field of `object`, else null (missing, negative or not a number).
Count json_count(const nlohmann::json& object, const char* key);
/// A string field of `object`, else "".
std::string json_string(const nlohmann::json& object, const char* key);
/// How the process ended, in words: "exit status 1", "signal 9".
std::string exit_text(const ProcessResult& process);

}  // namespace landed
