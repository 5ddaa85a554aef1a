// The "gemini-cli" runner: Google's Gemini CLI (`@google/gemini-cli`) run headless,
//   gemini --prompt=PROMPT --output-format stream-json --approval-mode yolo -m MODEL [args...]
// in the sandbox, with a private HOME whose ~/.gemini/settings.json selects API-key auth,
// turns off folder trust, telemetry, usage statistics and update checks, and carries the
// contender's effort as the model's thinking setting. See runners/README.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_gemini_cli_runner();

/// The thinkingConfig for `effort` on `model`: Gemini 3 models take a thinkingLevel (minimal,
/// low, medium, high); others a thinkingBudget (none/minimal 0, low 1024, medium 8192,
/// high 24576, dynamic -1, or a number of tokens). An unknown level is an error.
Result<nlohmann::json> gemini_thinking_config(const std::string& model, const std::string& effort);

/// The settings.json the runner writes for a contender (model, effort, options).
Result<nlohmann::json> gemini_settings(const Contender& contender);

}  // namespace landed
