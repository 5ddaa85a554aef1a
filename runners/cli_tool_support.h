// What the Gemini CLI and opencode runners share: the program to start, a private HOME per
// attempt, environment defaults a contender can override, and telling a provider outage
// (retried as infra_error) from an agent's own failure.
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
/// contender's `command` (e.g. ["npx", "opencode"]), else `default_program` on PATH.
std::vector<std::string> cli_tool_program(const Contender& contender,
                                          const std::string& default_program);

/// An error naming the first option of the contender that `runner` does not know.
Status check_cli_tool_options(const Contender& contender, const std::string& runner,
                              const std::vector<std::string>& known);

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

/// A non-negative integer field of `object`, else null.
Count json_count_field(const nlohmann::json& object, const char* key);
/// A string field of `object`, else "".
std::string json_string_field(const nlohmann::json& object, const char* key);
/// "exit status 1" or "signal 9".
std::string process_end_text(const ProcessResult& process);

}  // namespace landed
