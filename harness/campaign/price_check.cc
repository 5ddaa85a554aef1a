#include "harness/campaign/price_check.h"

namespace landed {

std::optional<std::filesystem::path> campaign_price_file(
    const CampaignConfig& config, const std::optional<std::filesystem::path>& override_file) {
  return override_file ? override_file : config.prices;
}

std::vector<ContenderPrice> check_contender_prices(const CampaignConfig& config,
                                                   const PriceTable& prices) {
  std::vector<ContenderPrice> rows;
  for (const Contender& contender : config.contenders) {
    ContenderPrice row{contender.id, contender.model, std::nullopt, std::nullopt};
    if (contender.model) {
      row.priced_as = prices.resolve(*contender.model);
      if (row.priced_as) row.price = *prices.find(*row.priced_as);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace landed
