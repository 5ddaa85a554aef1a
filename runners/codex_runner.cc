#include "runners/codex_runner.h"

#include <cstdlib>

#include "runners/agent_cli_support.h"
#include "runners/codex_parser.h"
#include "runners/metering.h"

namespace landed {
namespace {

const std::vector<std::string> kOptions = {"home", "network_waits"};
constexpr int kDefaultNetworkWaits = 3;

Result<int> network_waits(const Contender& c) {
  auto it = c.options.find("network_waits");
  if (it == c.options.end()) return kDefaultNetworkWaits;
  char* end = nullptr;
  const long value = std::strtol(it->second.c_str(), &end, 10);
  if (end == it->second.c_str() || *end != '\0' || value < 1 || value > 1000)
    return make_error("contender {}: codex option network_waits must be a whole number from 1 "
                      "to 1000, not \"{}\"", c.id, it->second);
  return static_cast<int>(value);
}

/// Codex's home: the private one of the attempt, else CODEX_HOME or ~/.codex of landed.
std::optional<std::filesystem::path> inherited_codex_home() {
  if (const char* home = std::getenv("CODEX_HOME"); home && *home) return home;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".codex";
  return std::nullopt;
}

class CodexDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    LANDED_TRY_STATUS(check_known_options(c, "codex", kOptions));
    LANDED_TRY(const bool private_home, wants_private_home(c, "codex"));
    LANDED_TRY_STATUS(network_waits(c));
    AgentCommand command;
    command.argv = tool_program(c, "codex");
    command.argv.insert(command.argv.end(),
                        {"exec", "--json", "--skip-git-repo-check",
                         "--dangerously-bypass-approvals-and-sandbox", "--color", "never", "-c",
                         "analytics.enabled=false", "-c", "check_for_update_on_startup=false"});
    if (c.effort) command.argv.insert(command.argv.end(), {"-c", "model_reasoning_effort=" + *c.effort});
    if (c.model) command.argv.insert(command.argv.end(), {"-m", *c.model});
    command.argv.insert(command.argv.end(), c.args.begin(), c.args.end());
    // Metered: a custom provider's base_url is overridden after the contender's own -c (the last
    // one wins); OpenAI's built-in provider takes the openai_base_url setting (and, in older
    // versions, OPENAI_BASE_URL).
    if (!request.meter_base_url.empty()) {
      const std::string quoted = "\"" + request.meter_base_url + "\"";
      if (auto provider = codex_custom_provider(c.args)) {
        command.argv.insert(command.argv.end(), {"-c", "model_providers." + *provider + ".base_url=" + quoted});
      } else {
        command.argv.insert(command.argv.end(), {"-c", "openai_base_url=" + quoted});
        command.env.push_back("OPENAI_BASE_URL=" + request.meter_base_url);
      }
    }
    command.argv.insert(command.argv.end(), {"--", request.task.prompt});
    if (private_home) {
      LANDED_TRY(auto home, make_private_home(request, "codex-home"));
      LANDED_TRY(auto codex_home, make_private_home(request, "codex-home/.codex"));
      if (!c.env.count("HOME")) command.env.push_back("HOME=" + home.string());
      if (!c.env.count("CODEX_HOME")) command.env.push_back("CODEX_HOME=" + codex_home.string());
    }
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    std::optional<std::filesystem::path> home;
    if (auto it = c.env.find("CODEX_HOME"); it != c.env.end()) home = it->second;
    else if (auto keep = wants_private_home(c, "codex"); keep.ok() && *keep && !request.scratch_dir.empty())
      home = request.scratch_dir / "codex-home" / ".codex";
    else home = inherited_codex_home();
    auto waits = network_waits(c);
    return std::make_unique<CodexParser>(c.model.value_or("unknown"), home,
                                         waits.ok() ? *waits : kDefaultNetworkWaits);
  }
};

}  // namespace

std::unique_ptr<RunnerDefinition> make_codex_definition() { return std::make_unique<CodexDefinition>(); }

std::unique_ptr<Runner> make_codex_runner() {
  return std::make_unique<SubprocessRunner>(make_codex_definition());
}

}  // namespace landed
