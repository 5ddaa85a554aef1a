#include "runners/metering.h"

#include <algorithm>

#include <fmt/ranges.h>

namespace landed {
namespace {

const std::vector<std::string> kMeteredRunners = {"claude-code", "codex", "gemini-cli", "opencode",
                                                  "landed-agent"};

std::optional<std::string> lookup(const std::map<std::string, std::string>& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::string unquoted(std::string value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    return value.substr(1, value.size() - 2);
  return value;
}

/// The values of Codex's `-c KEY=VALUE` / `--config KEY=VALUE` overrides, in order.
std::vector<std::string> codex_overrides(const std::vector<std::string>& args) {
  std::vector<std::string> overrides;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "-c" || args[i] == "--config") && i + 1 < args.size()) overrides.push_back(args[++i]);
    else if (args[i].rfind("--config=", 0) == 0) overrides.push_back(args[i].substr(9));
  }
  return overrides;
}

/// The last value Codex's overrides give `key`, unquoted.
std::optional<std::string> codex_setting(const std::vector<std::string>& args, const std::string& key) {
  std::optional<std::string> value;
  for (const std::string& entry : codex_overrides(args))
    if (entry.rfind(key + "=", 0) == 0) value = unquoted(entry.substr(key.size() + 1));
  return value;
}

Result<std::string> codex_upstream(const Contender& c) {
  if (auto provider = codex_custom_provider(c.args)) {
    if (auto base = codex_setting(c.args, "model_providers." + *provider + ".base_url")) return *base;
    return make_error("contender {}: codex provider \"{}\" has no base_url to meter; set upstream "
                      "= \"...\" or meter = false", c.id, *provider);
  }
  if (auto base = lookup(c.env, "OPENAI_BASE_URL")) return *base;
  return std::string("https://api.openai.com/v1");
}

Result<std::string> opencode_upstream(const Contender& c) {
  if (auto base = lookup(c.options, "base_url")) return *base;
  const std::string model = c.model.value_or("");
  const std::string provider = model.substr(0, model.find('/'));
  static const std::map<std::string, std::string> kDefaults = {
      {"anthropic", "https://api.anthropic.com/v1"},
      {"openai", "https://api.openai.com/v1"},
      {"google", "https://generativelanguage.googleapis.com/v1beta"}};
  if (auto it = kDefaults.find(provider); it != kDefaults.end()) return it->second;
  return make_error("contender {}: opencode provider \"{}\" has no known base URL to meter; set "
                    "options.base_url, upstream = \"...\" or meter = false", c.id, provider);
}

Result<std::string> landed_agent_upstream(const Contender& c) {
  if (auto base = lookup(c.options, "base_url")) return *base;
  return lookup(c.options, "api") == std::optional<std::string>("anthropic")
             ? std::string("https://api.anthropic.com")
             : std::string("https://api.openai.com/v1");
}

}  // namespace

bool runner_can_be_metered(const std::string& runner) {
  return std::find(kMeteredRunners.begin(), kMeteredRunners.end(), runner) != kMeteredRunners.end();
}

bool wants_meter(const Contender& contender) {
  // An agent with network = "none" gets a private network namespace (isolation namespaces): it
  // cannot reach the proxy on landed's 127.0.0.1, nor any provider, so it is not metered.
  return contender.meter.value_or(runner_can_be_metered(contender.runner) && contender.network);
}

Status check_meter_setting(const Contender& contender) {
  if (contender.meter.value_or(false) && !runner_can_be_metered(contender.runner))
    return make_error("contender {}: runner \"{}\" cannot be metered (meter = true works with {})",
                      contender.id, contender.runner, fmt::join(kMeteredRunners, ", "));
  if (contender.meter.value_or(false) && !contender.network)
    return make_error("contender {}: meter = true needs the network: with network = \"none\" the "
                      "agent's private network namespace cannot reach the metering proxy on "
                      "127.0.0.1 (set network = \"host\" or meter = false)", contender.id);
  return ok_status();
}

Result<std::string> meter_upstream(const Contender& c) {
  if (c.upstream) return *c.upstream;
  if (c.runner == "claude-code")
    return lookup(c.env, "ANTHROPIC_BASE_URL").value_or("https://api.anthropic.com");
  if (c.runner == "codex") return codex_upstream(c);
  if (c.runner == "gemini-cli")
    return lookup(c.options, "base_url")
        .value_or(lookup(c.env, "GOOGLE_GEMINI_BASE_URL").value_or("https://generativelanguage.googleapis.com"));
  if (c.runner == "opencode") return opencode_upstream(c);
  if (c.runner == "landed-agent") return landed_agent_upstream(c);
  return make_error("contender {}: runner \"{}\" cannot be metered", c.id, c.runner);
}

std::optional<std::string> codex_custom_provider(const std::vector<std::string>& args) {
  auto provider = codex_setting(args, "model_provider");
  if (provider && *provider == "openai") return std::nullopt;
  return provider;
}

}  // namespace landed
