// What the runners of third-party agent CLIs (Claude Code, Codex, Gemini CLI, opencode) share:
// the program to start, runner options, a private HOME per attempt, environment defaults a
// contender can override, telling a provider outage (retried as infra_error) from an agent's own
// failure, and reading counts out of their JSON output.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

/// The tool's program and leading arguments: options.executable (a path) when set, else the
/// contender's `command` (a path, or a wrapper such as ["npx", "claude"]), else
/// `default_program` looked up on PATH. Runners that accept `executable` list it as an option.
std::vector<std::string> tool_program(const Contender& contender, const std::string& default_program);

/// An error naming the first option of the contender that `runner` does not know.
Status check_known_options(const Contender& contender, const std::string& runner,
                           const std::vector<std::string>& known);

/// True unless options.home = "inherit": the tool then keeps landed's HOME and the user's config.
Result<bool> wants_private_home(const Contender& contender, const std::string& runner);

/// Creates `<scratch_dir>/<name>` (the attempt's private HOME for the tool) and returns it.
Result<std::filesystem::path> make_private_home(const AgentRequest& request, const std::string& name);

/// Creates `<scratch_dir>/<name>` with its XDG folders (config, data, cache, state) and returns
/// it; without a scratch dir, a folder next to the logs.
Result<std::filesystem::path> make_tool_home(const AgentRequest& request, const std::string& name);

/// HOME and the XDG_* variables pointing into `home`.
std::vector<std::string> tool_home_environment(const std::filesystem::path& home);

/// Appends KEY=VALUE unless the contender's env or env_from sets KEY: the contender wins.
void add_default_env(std::vector<std::string>& env, const Contender& contender,
                     const std::string& key, const std::string& value);

/// True when an error message says the provider never answered: HTTP 429 or 5xx, a refused,
/// reset or timed-out connection, an unknown host, "overloaded", "rate limit".
bool provider_unavailable_message(std::string_view message);

/// A non-negative integer field of `object`, else null (missing, negative or not a number).
Count json_count(const nlohmann::json& object, const char* key);
/// A number field of `object` in dollars, else null.
Dollars json_dollars(const nlohmann::json& object, const char* key);
/// A string field of `object`, else "".
std::string json_string(const nlohmann::json& object, const char* key);
/// How the process ended, in words: "exit status 1", "signal 9".
std::string exit_text(const ProcessResult& process);

}  // namespace landed
