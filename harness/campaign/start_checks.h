// What stops a campaign before it starts (`landed run`, and `--dry-run` says the same): a
// contender that cannot start (program not found, unknown runner option), a dollar cap with a
// contender whose cost cannot be computed, a dollar cap below one attempt's worst case. Each
// problem is one line naming the contender and the fix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/campaign/config.h"
#include "scoring/price_table.h"

namespace landed {

struct StartCheckOptions {
  std::optional<double> max_usd;   // the campaign's dollar cap
  bool allow_unpriced = false;     // --allow-unpriced: run unpriced contenders under a cap
};

/// Every problem found, in config order; empty when the campaign may start.
std::vector<std::string> start_problems(const CampaignConfig& config, const PriceTable& prices,
                                        const StartCheckOptions& options);

/// Why `contender`'s cost cannot be computed from the price table (no model, or an unpriced
/// one), or nothing. Runners that call no model (noop, oracle) are never a problem.
std::optional<std::string> unpriced_reason(const Contender& contender, const PriceTable& prices);

}  // namespace landed
