#include "runners/landed_agent/config.h"

#include <charconv>
#include <cmath>

namespace landed::agent {
namespace {

std::optional<std::string> text(const EnvLookup& env, const char* name) {
  const char* value = env(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

/// A number in [min, max]; accepts "10" and "10.0" (runner options arrive formatted as numbers).
Result<std::optional<double>> number(const EnvLookup& env, const char* name, double min,
                                     double max) {
  auto value = text(env, name);
  if (!value) return std::optional<double>();
  double parsed = 0;
  const char* end = value->data() + value->size();
  auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
  if (ec != std::errc() || ptr != end || !std::isfinite(parsed) || parsed < min || parsed > max)
    return make_error("{}=\"{}\" is not a number in [{}, {}]", name, *value, min, max);
  return std::optional<double>(parsed);
}

Status read_limits(const EnvLookup& env, AgentConfig& config) {
  LANDED_TRY(auto turns, number(env, "LANDED_AGENT_MAX_TURNS", 1, 100'000));
  LANDED_TRY(auto retries, number(env, "LANDED_AGENT_RETRIES", 0, 100));
  LANDED_TRY(auto backoff, number(env, "LANDED_AGENT_BACKOFF_MS", 0, 600'000));
  LANDED_TRY(auto command_s, number(env, "LANDED_AGENT_COMMAND_TIMEOUT_S", 0.001, 86'400));
  LANDED_TRY(auto http_s, number(env, "LANDED_AGENT_HTTP_TIMEOUT_S", 1, 86'400));
  LANDED_TRY(auto max_tokens, number(env, "LANDED_AGENT_MAX_TOKENS", 1, 10'000'000));
  if (turns) config.max_turns = static_cast<int>(*turns);
  if (retries) config.retry.retries = static_cast<int>(*retries);
  if (backoff)
    config.retry.backoff = std::chrono::milliseconds(static_cast<std::int64_t>(*backoff));
  if (command_s)
    config.command_timeout =
        std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(*command_s * 1000)));
  if (http_s) config.http_timeout_s = *http_s;
  if (max_tokens) config.max_tokens = static_cast<int>(*max_tokens);
  return ok_status();
}

}  // namespace

std::string default_base_url(ApiKind api) {
  return api == ApiKind::kAnthropic ? "https://api.anthropic.com" : "https://api.openai.com/v1";
}

Result<AgentConfig> config_from_env(const EnvLookup& env) {
  AgentConfig config;
  auto api = text(env, "LANDED_AGENT_API");
  if (!api)
    return make_error("LANDED_AGENT_API is not set (openai-chat, openai-responses, anthropic)");
  LANDED_TRY(config.api, parse_api_kind(*api));
  config.base_url = text(env, "LANDED_AGENT_BASE_URL").value_or(default_base_url(config.api));
  config.api_key = text(env, "LANDED_AGENT_API_KEY").value_or("");
  auto model = text(env, "LANDED_MODEL");
  if (!model) return make_error("LANDED_MODEL is not set: the contender needs a model");
  config.model = *model;
  config.effort = text(env, "LANDED_EFFORT");
  auto prompt = text(env, "LANDED_PROMPT_FILE");
  if (!prompt) return make_error("LANDED_PROMPT_FILE is not set");
  config.prompt_file = *prompt;
  LANDED_TRY_STATUS(read_limits(env, config));
  return config;
}

}  // namespace landed::agent
