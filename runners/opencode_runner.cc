#include "runners/opencode_runner.h"

#include "runners/agent_cli_support.h"
#include "runners/opencode_parser.h"
#include "runners/subprocess_runner.h"

namespace landed {
namespace {

using nlohmann::json;

const std::vector<std::string> kOptions = {"executable", "base_url", "title"};

class OpencodeDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    LANDED_TRY_STATUS(check_known_options(c, "opencode", kOptions));
    if (!c.model || c.model->find('/') == std::string::npos)
      return make_error("contender {} (runner \"opencode\") needs a model as provider/model", c.id);
    LANDED_TRY(auto home, make_tool_home(request, "opencode-home"));

    AgentCommand command;
    command.argv = tool_program(c, "opencode");
    for (const char* arg : {"run", "--format", "json", "-m"}) command.argv.emplace_back(arg);
    command.argv.push_back(*c.model);
    if (c.effort) {
      command.argv.emplace_back("--variant");
      command.argv.push_back(*c.effort);
    }
    // --title skips the side call that asks the model for a session title.
    auto title = c.options.find("title");
    command.argv.insert(command.argv.end(),
                        {"--auto", "--title", title == c.options.end() ? "landed" : title->second});
    command.argv.insert(command.argv.end(), c.args.begin(), c.args.end());
    command.argv.push_back(request.task.prompt);

    for (const std::string& entry : tool_home_environment(home)) {
      const auto eq = entry.find('=');
      add_default_env(command.env, c, entry.substr(0, eq), entry.substr(eq + 1));
    }
    for (const char* flag :
         {"OPENCODE_DISABLE_MODELS_FETCH", "OPENCODE_DISABLE_AUTOUPDATE",
          "OPENCODE_DISABLE_DEFAULT_PLUGINS", "OPENCODE_DISABLE_LSP_DOWNLOAD",
          "OPENCODE_DISABLE_CLAUDE_CODE", "OPENCODE_DISABLE_SHARE"})
      add_default_env(command.env, c, flag, "1");
    if (!request.meter_base_url.empty()) {
      // Metered: the provider's baseURL is the proxy (its upstream is base_url or the default).
      LANDED_TRY(json config, c.options.count("base_url")
                                  ? opencode_provider_config(*c.model, request.meter_base_url)
                                  : opencode_builtin_provider_config(*c.model, request.meter_base_url));
      command.env.push_back("OPENCODE_CONFIG_CONTENT=" + config.dump());
    } else if (auto it = c.options.find("base_url"); it != c.options.end()) {
      LANDED_TRY(json config, opencode_provider_config(*c.model, it->second));
      add_default_env(command.env, c, "OPENCODE_CONFIG_CONTENT", config.dump());
    }
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<OpencodeParser>(request.contender.model.value_or("unknown"));
  }
};

}  // namespace

Result<json> opencode_provider_config(const std::string& model, const std::string& base_url) {
  const auto slash = model.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == model.size())
    return make_error("opencode model \"{}\" is not provider/model", model);
  const std::string provider = model.substr(0, slash);
  const std::string name = model.substr(slash + 1);
  return json{{"autoupdate", false},
              {"share", "disabled"},
              {"provider",
               {{provider,
                 {{"npm", "@ai-sdk/openai-compatible"},
                  {"name", provider},
                  {"options", {{"baseURL", base_url}, {"apiKey", "{env:OPENCODE_PROVIDER_API_KEY}"}}},
                  {"models",
                   {{name,
                     {{"name", name},
                      {"tool_call", true},
                      {"reasoning", true},
                      {"limit", {{"context", 200000}, {"output", 32000}}}}}}}}}}}};
}

Result<json> opencode_builtin_provider_config(const std::string& model, const std::string& base_url) {
  const auto slash = model.find('/');
  if (slash == std::string::npos || slash == 0)
    return make_error("opencode model \"{}\" is not provider/model", model);
  return json{{"autoupdate", false},
              {"share", "disabled"},
              {"provider", {{model.substr(0, slash), {{"options", {{"baseURL", base_url}}}}}}}};
}

std::unique_ptr<Runner> make_opencode_runner() {
  return std::make_unique<SubprocessRunner>(std::make_unique<OpencodeDefinition>());
}

}  // namespace landed
