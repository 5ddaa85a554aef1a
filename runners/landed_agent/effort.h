// How a contender's effort level becomes each API's reasoning setting (documented in
// README.md): OpenAI APIs take the level by name; Anthropic takes a thinking token budget.
#pragma once

#include <optional>
#include <string>

#include "harness/base/error.h"

namespace landed::agent {

/// Anthropic's thinking budget for an effort level: none/off -> no thinking, minimal 1024,
/// low 4096, medium 10000, high 24000, xhigh/max 32000, or a number of tokens (>= 1024).
Result<std::optional<int>> anthropic_thinking_budget(const std::optional<std::string>& effort);

/// The OpenAI effort name, passed through as given (gateways add their own levels); an absent
/// or empty level sends no reasoning setting at all.
std::optional<std::string> openai_effort(const std::optional<std::string>& effort);

}  // namespace landed::agent
