#include "runners/gemini_cli_runner.h"

#include <algorithm>
#include <cctype>

#include "harness/base/files.h"
#include "runners/agent_cli_support.h"
#include "runners/gemini_cli_parser.h"
#include "runners/subprocess_runner.h"

namespace landed {
namespace {

using nlohmann::json;

const std::vector<std::string> kOptions = {"executable", "base_url", "auth", "max_turns",
                                           "approval_mode"};

bool all_digits(const std::string& text) {
  const std::size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
  return text.size() > start &&
         std::all_of(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

std::string option(const Contender& contender, const std::string& key, std::string fallback) {
  auto it = contender.options.find(key);
  return it == contender.options.end() ? fallback : it->second;
}

class GeminiCliDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    LANDED_TRY_STATUS(check_known_options(c, "gemini-cli", kOptions));
    if (!c.model) return make_error("contender {} (runner \"gemini-cli\") needs a model", c.id);
    LANDED_TRY(json settings, gemini_settings(c));
    LANDED_TRY(auto home, make_tool_home(request, "gemini-home"));
    std::error_code error;
    std::filesystem::create_directories(home / ".gemini", error);
    if (error) return make_error("could not create {}: {}", (home / ".gemini").string(), error.message());
    LANDED_TRY_STATUS(write_file(home / ".gemini" / "settings.json", settings.dump(2) + "\n"));

    AgentCommand command;
    command.argv = tool_program(c, "gemini");
    // --prompt=TEXT, not -p TEXT: a prompt that starts with "-" must not read as a flag.
    for (const std::string& arg :
         {"--prompt=" + request.task.prompt, std::string("--output-format"),
          std::string("stream-json"), std::string("--approval-mode"),
          option(c, "approval_mode", "yolo"), std::string("-m"), *c.model})
      command.argv.push_back(arg);
    command.argv.insert(command.argv.end(), c.args.begin(), c.args.end());
    for (const std::string& entry : tool_home_environment(home)) {
      const auto eq = entry.find('=');
      add_default_env(command.env, c, entry.substr(0, eq), entry.substr(eq + 1));
    }
    // One node process instead of two: the CLI otherwise relaunches itself for a bigger heap.
    add_default_env(command.env, c, "GEMINI_CLI_NO_RELAUNCH", "true");
    add_default_env(command.env, c, "NO_COLOR", "1");
    if (auto it = c.options.find("base_url"); it != c.options.end())
      add_default_env(command.env, c, "GOOGLE_GEMINI_BASE_URL", it->second);
    // Metered: the proxy's base URL wins over base_url and the contender's env (its upstream).
    if (!request.meter_base_url.empty())
      command.env.push_back("GOOGLE_GEMINI_BASE_URL=" + request.meter_base_url);
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<GeminiCliParser>(request.contender.model.value_or("unknown"));
  }
};

}  // namespace

Result<json> gemini_thinking_config(const std::string& model, const std::string& effort) {
  std::string level = effort;
  std::transform(level.begin(), level.end(), level.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (all_digits(level)) return json{{"thinkingBudget", std::stoll(level)}};
  if (model.find("gemini-3") != std::string::npos) {
    if (level == "minimal" || level == "low" || level == "medium" || level == "high") {
      std::transform(level.begin(), level.end(), level.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
      return json{{"thinkingLevel", level}};
    }
    return make_error("effort \"{}\" for {}: Gemini 3 models take minimal, low, medium, high or "
                      "a thinking budget in tokens", effort, model);
  }
  static const std::map<std::string, std::int64_t> kBudgets = {
      {"none", 0}, {"minimal", 0}, {"low", 1024}, {"medium", 8192}, {"high", 24576},
      {"dynamic", -1}};
  auto it = kBudgets.find(level);
  if (it == kBudgets.end())
    return make_error("effort \"{}\" for {}: use none, minimal, low, medium, high, dynamic or a "
                      "thinking budget in tokens", effort, model);
  return json{{"thinkingBudget", it->second}};
}

Result<json> gemini_settings(const Contender& contender) {
  json settings = {
      {"security",
       {{"auth", {{"selectedType", option(contender, "auth", "gemini-api-key")}}},
        {"folderTrust", {{"enabled", false}}}}},
      {"general", {{"disableAutoUpdate", true}, {"disableUpdateNag", true}}},
      {"privacy", {{"usageStatisticsEnabled", false}}},
      {"telemetry", {{"enabled", false}}},
  };
  if (auto it = contender.options.find("max_turns"); it != contender.options.end()) {
    if (!all_digits(it->second))
      return make_error("contender {}: options.max_turns must be a number, not \"{}\"",
                        contender.id, it->second);
    settings["model"] = {{"maxSessionTurns", std::stoll(it->second)}};
  }
  if (contender.effort && contender.model) {
    LANDED_TRY(json thinking, gemini_thinking_config(*contender.model, *contender.effort));
    settings["modelConfigs"] = {
        {"customOverrides",
         json::array({{{"match", {{"model", *contender.model}}},
                       {"modelConfig",
                        {{"generateContentConfig", {{"thinkingConfig", thinking}}}}}}})}};
  }
  return settings;
}

std::unique_ptr<Runner> make_gemini_cli_runner() {
  return std::make_unique<SubprocessRunner>(std::make_unique<GeminiCliDefinition>());
}

}  // namespace landed
