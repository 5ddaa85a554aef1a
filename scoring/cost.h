// The dollar cost of one attempt, computed by landed from its tokens and a price table.
//
// Null where unknown, never a silent 0:
// - `no_usage`: the attempt reported no token count at all (noop, oracle, a crash before the
//   first call). Cost null.
// - `unpriced`: some model that used tokens has no price; the models are listed. Cost null.
// - `incomplete`: a token kind with a non-zero price has a null count for some model,
//   so the bill cannot be known. Cost null. (Runners report 0, not null, for a kind the API
//   does not have, e.g. cache writes on OpenAI; a null on a kind priced 0 is harmless.)
// - `priced`: the cost is the sum over models of uncached input x input + cache read x
//   cache_read + cache write x cache_write + output x output (reasoning is part of output).
// Unpriced wins over incomplete: the missing price is the thing a user can fix.
// These words are the one vocabulary of price status: records, the CLI, report JSON and the
// site say `priced`, `unpriced`, `incomplete` (and `no_usage`), nothing else. Records written
// before the rename say `incomplete_usage`; it is read as `incomplete`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "results/model/usage.h"
#include "scoring/price_table.h"

namespace landed {

enum class PriceStatus { kPriced, kUnpriced, kNoUsage, kIncomplete };

std::string_view to_string(PriceStatus status);
std::optional<PriceStatus> price_status_from_string(std::string_view text);

struct CostResult {
  Dollars cost_usd;                      // null unless status is kPriced
  PriceStatus status = PriceStatus::kNoUsage;
  std::vector<std::string> unpriced_models;  // for kUnpriced; "(unknown model)" if unnamed
  bool operator==(const CostResult&) const = default;
};

/// Dollars for one model's tokens, or null when a priced kind is null.
Dollars token_cost(const TokenUsage& tokens, const Price& price);

/// Cost of one attempt. Uses `usage.by_model`; when it is empty, the whole `usage.tokens`
/// is attributed to `contender_model`.
CostResult compute_cost(const Usage& usage, const std::optional<std::string>& contender_model,
                        const PriceTable& prices);

/// How far a tool's own cost claim may be from ours before reports show it.
struct CostTolerance {
  double absolute_usd = 0.001;
  double relative = 0.02;
};

/// True when both are known and differ by more than max(absolute, relative x larger).
bool cost_differs(const Dollars& computed, const Dollars& reported,
                  const CostTolerance& tolerance = {});

}  // namespace landed
