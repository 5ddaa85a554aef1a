// The "opencode" runner: sst's opencode (`opencode-ai` on npm) run headless,
//   opencode run --format json -m PROVIDER/MODEL [--variant EFFORT] --auto --title landed [args...] PROMPT
// in the sandbox with a private HOME/XDG, update checks, model-list fetches, default plugins,
// LSP downloads, sharing and Claude Code config reading turned off. The provider comes from
// OPENCODE_CONFIG_CONTENT: the contender's own (env), or one the runner builds from
// options.base_url (an OpenAI-compatible endpoint). See runners/README.md.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_opencode_runner();

/// The inline config for options.base_url: provider PROVIDER (the model's prefix) through
/// @ai-sdk/openai-compatible at `base_url`, key from {env:OPENCODE_PROVIDER_API_KEY}, the model
/// declared with tool calls and reasoning.
Result<nlohmann::json> opencode_provider_config(const std::string& model, const std::string& base_url);
/// The inline config for a metered built-in provider (anthropic/..., openai/...): only its
/// options.baseURL, set to the metering proxy.
Result<nlohmann::json> opencode_builtin_provider_config(const std::string& model,
                                                         const std::string& base_url);

}  // namespace landed
