// Normalized usage of one attempt: tokens by kind, model calls, tool calls.
// Every count is optional: null means the tool did not say, never zero.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace landed {

using Count = std::optional<std::int64_t>;
using Dollars = std::optional<double>;

/// Adds `more` into `total`: unknown plus unknown stays unknown; a known value adds to it.
void add_count(Count& total, const Count& more);
void add_dollars(Dollars& total, const Dollars& more);

/// Tokens split by kind, normalized across APIs:
/// input is uncached input only; output includes reasoning; reasoning is a subset of output.
struct TokenUsage {
  Count input_tokens;
  Count cache_read_tokens;
  Count cache_write_tokens;
  Count output_tokens;
  Count reasoning_tokens;

  TokenUsage& operator+=(const TokenUsage& more);
  /// input + cache read + cache write + output, or null when none is known.
  Count total() const;
  bool operator==(const TokenUsage&) const = default;
};

/// Usage attributed to one model (an agent may call side models too).
struct ModelUsage {
  std::string model;
  TokenUsage tokens;
  Count steps;
  Dollars cost_usd_reported;
  bool operator==(const ModelUsage&) const = default;
};

struct Usage {
  TokenUsage tokens;             // the sum over models
  Count steps;                   // model calls
  Count tool_calls;
  Dollars cost_usd_reported;     // what the tool itself said it cost
  std::vector<ModelUsage> by_model;

  /// Adds a model call's usage under `model`, keeping `tokens` the sum of `by_model`.
  void add_step(const std::string& model, const TokenUsage& step_tokens,
                const Dollars& step_cost_reported = std::nullopt, std::int64_t calls = 1);
  Usage& operator+=(const Usage& more);
  bool operator==(const Usage&) const = default;
};

}  // namespace landed
