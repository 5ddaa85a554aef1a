#include "runners/registry.h"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/ranges.h>

#include "runners/builtin_runners.h"
#include "runners/claude_code_runner.h"
#include "runners/codex_runner.h"
#include "runners/command_runner.h"
#include "runners/gemini_cli_runner.h"
#include "runners/hack_probe.h"
#include "runners/landed_agent_runner.h"
#include "runners/opencode_runner.h"
#include "runners/sim_runner.h"

namespace landed {
namespace {

using Factory = std::function<std::unique_ptr<Runner>()>;

const std::map<std::string, Factory>& factories() {
  static const std::map<std::string, Factory> table = {
      {"noop", make_noop_runner},
      {"oracle", make_oracle_runner},
      {"hack-probe", make_hack_probe_runner},
      {"command", make_command_runner},
      {"sim", make_sim_runner},
      {"landed-agent", make_landed_agent_runner},
      {"claude-code", make_claude_code_runner},
      {"codex", make_codex_runner},
      {"gemini-cli", make_gemini_cli_runner},
      {"opencode", make_opencode_runner},
  };
  return table;
}

}  // namespace

std::vector<std::string> runner_names() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories()) names.push_back(name);
  return names;
}

bool is_known_runner(const std::string& name) { return factories().count(name) > 0; }

bool is_simulated_runner(const std::string& name) { return name == "sim"; }

Result<std::unique_ptr<Runner>> make_runner(const Contender& contender) {
  auto it = factories().find(contender.runner);
  if (it == factories().end())
    return make_error("unknown runner \"{}\" (known: {})", contender.runner,
                      fmt::join(runner_names(), ", "));
  return it->second();
}

}  // namespace landed
