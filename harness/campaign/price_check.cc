#include "harness/campaign/price_check.h"

namespace landed {

std::optional<std::filesystem::path> campaign_price_file(
    const CampaignConfig& config, const std::optional<std::filesystem::path>& override_file) {
  return override_file ? override_file : config.prices;
}

ContenderPrice price_contender(const Contender& contender, const PriceTable& prices) {
  ContenderPrice row{contender.id, contender.model};
  row.needs_price = contender.runner != "noop" && contender.runner != "oracle";
  if (row.needs_price && contender.model) {
    row.priced_as = prices.resolve(*contender.model);
    if (row.priced_as) row.price = *prices.find(*row.priced_as);
  }
  return row;
}

std::vector<ContenderPrice> check_contender_prices(const CampaignConfig& config,
                                                   const PriceTable& prices) {
  std::vector<ContenderPrice> rows;
  for (const Contender& contender : config.contenders)
    rows.push_back(price_contender(contender, prices));
  return rows;
}

}  // namespace landed
