// The "command" runner: any program that speaks the native protocol acts as an agent.
#include "runners/command_runner.h"

#include "runners/native_protocol.h"

namespace landed {
namespace {

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
