// Usage as landed's metering proxy saw it on the wire (harness/meter/), beside what the agent
// tool said about itself, and how the two compare (`usage_mismatch`).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/model/usage.h"

namespace landed {

/// The metered model calls of one model (as the provider named it in its reply).
struct MeteredModel {
  std::string model;
  TokenUsage tokens;                 // normalized like Usage; sums over calls with known usage
  Count cache_write_1h_tokens;       // Anthropic's 1-hour cache writes (part of cache_write)
  std::int64_t calls = 0;            // every model call, failed ones too
  std::int64_t calls_usage_unknown = 0;  // answered calls whose usage could not be read
  double time_s = 0;                 // sum of the calls' total times
  std::optional<double> ttfb_s_max;  // slowest time to the first response byte
  bool operator==(const MeteredModel&) const = default;
};

/// Per attempt: every model call that went through the proxy.
struct MeteredUsage {
  TokenUsage tokens;                 // the sum over models
  Count cache_write_1h_tokens;
  std::int64_t calls = 0;
  std::int64_t calls_usage_unknown = 0;
  /// True when every answered call's usage was read: false means `tokens` is a lower bound.
  bool complete = true;
  /// Failed calls by HTTP status ("429", "503") or "connection" (upstream unreachable),
  /// "refused" (the proxy refused the call: a limit was reached).
  std::map<std::string, std::int64_t> errors_by_status;
  std::vector<MeteredModel> by_model;
  /// Set when the proxy refused a call because a limit was reached: "usd", "tokens", "steps" or
  /// "campaign_usd"; `overrun` says by how much the usage had passed the limit then.
  std::optional<std::string> limit_hit;
  std::optional<double> overrun;
  Dollars cost_usd;                  // of `tokens`, at the price table's rates (null: unpriced)
  bool operator==(const MeteredUsage&) const = default;
};

/// Token kinds whose tool-reported and metered counts differ by more than max(1 token, 1%):
/// "input", "cache_read", "cache_write", "output", "reasoning". A kind either side leaves
/// unknown is not compared.
std::vector<std::string> usage_mismatch(const TokenUsage& tool, const TokenUsage& metered);

/// The metered usage as a record Usage (tokens per model, steps = calls).
Usage metered_as_usage(const MeteredUsage& metered);

}  // namespace landed
