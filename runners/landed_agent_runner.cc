#include "runners/landed_agent_runner.h"

#include <fmt/ranges.h>
#include <unistd.h>

#include <filesystem>

#include "harness/base/spelling.h"
#include "runners/native_protocol.h"

namespace landed {
namespace {

/// Contender option -> the landed-agent environment variable it sets.
const std::map<std::string, std::string>& option_variables() {
  static const std::map<std::string, std::string> table = {
      {"api", "LANDED_AGENT_API"},
      {"base_url", "LANDED_AGENT_BASE_URL"},
      {"max_turns", "LANDED_AGENT_MAX_TURNS"},
      {"retries", "LANDED_AGENT_RETRIES"},
      {"backoff_ms", "LANDED_AGENT_BACKOFF_MS"},
      {"command_timeout_s", "LANDED_AGENT_COMMAND_TIMEOUT_S"},
      {"http_timeout_s", "LANDED_AGENT_HTTP_TIMEOUT_S"},
      {"max_tokens", "LANDED_AGENT_MAX_TOKENS"},
  };
  return table;
}

/// landed-agent sits next to the landed binary (both land in the build folder).
Result<std::filesystem::path> agent_executable() {
  char path[4096];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return errno_error("readlink", "/proc/self/exe");
  const auto agent =
      std::filesystem::path(std::string(path, static_cast<size_t>(n))).parent_path() /
      "landed-agent";
  if (::access(agent.c_str(), X_OK) != 0) return errno_error("access", agent.string());
  return agent;
}

class LandedAgentDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    if (!c.options.count("api"))
      return make_error(
          "contender {} (runner \"landed-agent\") needs options.api: openai-chat, "
          "openai-responses or anthropic",
          c.id);
    if (!c.model) return make_error("contender {} (runner \"landed-agent\") needs a model", c.id);
    auto options_env = landed_agent_option_environment(c.options);
    if (!options_env.ok()) return make_error("contender {}: {}", c.id, options_env.error().message);
    LANDED_TRY(auto agent, agent_executable());
    AgentCommand command;
    command.argv = {agent.string()};
    command.argv.insert(command.argv.end(), c.args.begin(), c.args.end());
    LANDED_TRY(command.env, native_agent_environment(request));
    command.read_only_paths.push_back(native_prompt_path(request));
    command.env.insert(command.env.end(), options_env->begin(), options_env->end());
    // Metered: the proxy's base URL wins over options.base_url (its upstream).
    if (!request.meter_base_url.empty()) command.env.push_back("LANDED_AGENT_BASE_URL=" + request.meter_base_url);
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<NativeProtocolParser>(request.contender.model.value_or("unknown"));
  }
};

}  // namespace

Result<std::vector<std::string>> landed_agent_option_environment(
    const std::map<std::string, std::string>& options) {
  std::vector<std::string> env;
  for (const auto& [key, value] : options) {
    auto it = option_variables().find(key);
    if (it == option_variables().end()) {
      std::vector<std::string> known;
      for (const auto& [name, variable] : option_variables()) known.push_back(name);
      return make_error("unknown landed-agent option \"{}\"{} (known: {})", key,
                        did_you_mean(key, known), fmt::join(known, ", "));
    }
    env.push_back(it->second + "=" + value);
  }
  return env;
}

std::unique_ptr<Runner> make_landed_agent_runner() {
  return std::make_unique<SubprocessRunner>(std::make_unique<LandedAgentDefinition>());
}

}  // namespace landed
