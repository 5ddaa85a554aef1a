// Before a night is run: does every contender of a campaign config have a price? A model
// without one is `unpriced` in every report (never $0), which is cheap to fix before the run
// and costly to notice after it (`landed prices check`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/campaign/config.h"
#include "scoring/price_table.h"

namespace landed {

/// One contender's model and the price it resolves to: the one decision of whether a contender
/// is priced, shared by `landed prices check` and the checks before `landed run` starts.
struct ContenderPrice {
  std::string contender;               // the contender's id
  std::optional<std::string> model;    // null: the contender names no model
  bool needs_price = true;             // false for noop and oracle: they call no model
  std::optional<std::string> priced_as;  // the table entry the model resolved to
  std::optional<Price> price;          // null when unpriced or no model
  /// True when the contender spends tokens that `prices` cannot price.
  bool unpriced() const { return needs_price && !price; }
};

/// `contender`'s model looked up in `prices` (PriceTable::resolve: exact, provider prefix and
/// date suffix stripped, aliases).
ContenderPrice price_contender(const Contender& contender, const PriceTable& prices);

/// The price file a campaign of `config` would use: `override_file` (--prices) when given,
/// else the config's `[run] prices`, else none (the built-in table alone), as `landed run` does.
std::optional<std::filesystem::path> campaign_price_file(
    const CampaignConfig& config, const std::optional<std::filesystem::path>& override_file);

/// Every contender of `config`, in file order, looked up in `prices`.
std::vector<ContenderPrice> check_contender_prices(const CampaignConfig& config,
                                                   const PriceTable& prices);

}  // namespace landed
