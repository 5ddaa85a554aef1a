// landed-agent's settings, all from the environment (README.md lists every variable):
// the LANDED_* variables of runners/PROTOCOL.md plus LANDED_AGENT_*.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "harness/base/error.h"
#include "runners/landed_agent/model_api.h"
#include "runners/landed_agent/retry.h"

namespace landed::agent {

struct AgentConfig {
  ApiKind api = ApiKind::kOpenAiChat;
  std::string base_url;
  std::string api_key;  // never printed
  std::string model;
  std::optional<std::string> effort;
  std::filesystem::path prompt_file;
  int max_turns = 50;
  RetryPolicy retry;
  std::chrono::milliseconds command_timeout{120'000};
  double http_timeout_s = 600;
  std::optional<int> max_tokens;
};

/// Looks a variable up; null when unset.
using EnvLookup = std::function<const char*(const char* name)>;

/// The default base URL of each API, following its SDK's convention: OpenAI's includes /v1,
/// Anthropic's does not.
std::string default_base_url(ApiKind api);

Result<AgentConfig> config_from_env(const EnvLookup& env);

}  // namespace landed::agent
