#include "harness/campaign/start_checks.h"

#include <fmt/format.h>

#include "harness/campaign/price_check.h"
#include "runners/registry.h"

namespace landed {
namespace {

std::optional<std::string> start_problem(const Contender& contender) {
  auto runner = make_runner(contender);
  if (!runner.ok()) return fmt::format("contender {}: {}", contender.id, runner.error().message);
  Status can = (*runner)->check_start(contender);
  if (!can.ok()) return can.error().message;
  return std::nullopt;
}

std::optional<std::string> cap_problem(const Contender& contender, double max_usd) {
  if (!contender.limits.max_usd || *contender.limits.max_usd <= max_usd) return std::nullopt;
  return fmt::format(
      "contender {}: one attempt may cost up to ${:.4f} (its [limits] max_usd), more than the "
      "whole dollar cap of ${:.4f}, so none of its attempts could start: raise --max-usd to at "
      "least ${:.4f}, or lower its max_usd",
      contender.id, *contender.limits.max_usd, max_usd, *contender.limits.max_usd);
}

}  // namespace

std::optional<std::string> unpriced_reason(const Contender& contender, const PriceTable& prices) {
  const ContenderPrice row = price_contender(contender, prices);
  if (!row.unpriced()) return std::nullopt;
  if (!row.model) return "it names no model, so its tokens cannot be priced";
  return fmt::format("model \"{}\" has no price in {}", *row.model, prices.source);
}

std::vector<std::string> start_problems(const CampaignConfig& config, const PriceTable& prices,
                                        const StartCheckOptions& options) {
  std::vector<std::string> problems;
  for (const Contender& c : config.contenders) {
    if (auto problem = start_problem(c)) problems.push_back(*problem);
    if (!options.max_usd) continue;
    if (auto problem = cap_problem(c, *options.max_usd)) problems.push_back(*problem);
    if (options.allow_unpriced) continue;
    if (auto reason = unpriced_reason(c, prices))
      problems.push_back(fmt::format(
          "contender {}: {}; under a dollar cap its spending cannot be counted: add a price with "
          "--prices FILE (or [run] prices), or pass --allow-unpriced",
          c.id, *reason));
  }
  for (const Route& route : config.routes)
    if (options.max_usd)
      if (auto problem = cap_problem(route.row, *options.max_usd)) problems.push_back(*problem);
  return problems;
}

}  // namespace landed
