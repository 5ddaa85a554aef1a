// `landed run --dry-run`: the plan as a table — per contender, attempts to run, to reuse and
// already recorded, and the dollar forecast of those to run.
#pragma once

#include <ostream>

#include "harness/campaign/campaign_plan.h"

namespace landed::cli {

void print_run_plan(std::ostream& out, const CampaignPlan& plan, const CampaignConfig& config,
                    std::optional<double> max_usd);

}  // namespace landed::cli
