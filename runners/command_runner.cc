// The "command" runner: any program that speaks the native protocol acts as an agent.
#include "runners/command_runner.h"

#include <filesystem>

#include "runners/native_protocol.h"

namespace landed {
namespace {

/// An absolute path to an existing file: a script the config names (`python3 ./agent.py`, made
/// absolute beside the config) that the agent must read, so isolation lets it, read-only.
bool names_a_file(const std::string& part) {
  std::error_code error;
  return std::filesystem::path(part).is_absolute() &&
         std::filesystem::is_regular_file(part, error);
}

class CommandDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    if (request.contender.command.empty())
      return make_error("contender {} (runner \"command\") has no command", request.contender.id);
    AgentCommand command;
    command.argv = request.contender.command;
    command.argv.insert(command.argv.end(), request.contender.args.begin(),
                        request.contender.args.end());
    LANDED_TRY(command.env, native_agent_environment(request));
    command.read_only_paths.push_back(native_prompt_path(request));
    for (const std::string& part : command.argv)
      if (names_a_file(part)) command.read_only_paths.emplace_back(part);
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<NativeProtocolParser>(request.contender.model.value_or("unknown"));
  }
};

}  // namespace

std::unique_ptr<Runner> make_command_runner() {
  return std::make_unique<SubprocessRunner>(std::make_unique<CommandDefinition>());
}

}  // namespace landed
