#include "runners/claude_code_runner.h"

#include "runners/agent_cli_support.h"
#include "runners/claude_code_parser.h"

namespace landed {
namespace {

const std::vector<std::string> kOptions = {"home"};

class ClaudeCodeDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    LANDED_TRY_STATUS(check_known_options(c, "claude-code", kOptions));
    LANDED_TRY(const bool private_home, wants_private_home(c, "claude-code"));
    AgentCommand command;
    command.argv = tool_program(c, "claude");
    // --include-partial-messages: only the message_delta stream events carry each message's
    // final output tokens while the agent runs, which the live token and dollar limits need.
    command.argv.insert(command.argv.end(),
                        {"-p", request.task.prompt, "--output-format", "stream-json", "--verbose",
                         "--include-partial-messages", "--dangerously-skip-permissions"});
    if (c.model) command.argv.insert(command.argv.end(), {"--model", *c.model});
    if (c.effort) command.argv.insert(command.argv.end(), {"--effort", *c.effort});
    command.argv.insert(command.argv.end(), c.args.begin(), c.args.end());
    // As root, Claude Code refuses to skip permissions unless told it runs in a sandbox.
    command.env = {"IS_SANDBOX=1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1",
                   "DISABLE_AUTOUPDATER=1"};
    // Metered: the proxy's base URL wins over the contender's own ANTHROPIC_BASE_URL (its upstream).
    if (!request.meter_base_url.empty()) command.env.push_back("ANTHROPIC_BASE_URL=" + request.meter_base_url);
    if (private_home && !c.env.count("HOME")) {
      LANDED_TRY(auto home, make_private_home(request, "claude-home"));
      command.env.push_back("HOME=" + home.string());
    }
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<ClaudeCodeParser>(request.contender.model.value_or("unknown"));
  }
};

}  // namespace

std::unique_ptr<RunnerDefinition> make_claude_code_definition() {
  return std::make_unique<ClaudeCodeDefinition>();
}

std::unique_ptr<Runner> make_claude_code_runner() {
  return std::make_unique<SubprocessRunner>(make_claude_code_definition());
}

}  // namespace landed
