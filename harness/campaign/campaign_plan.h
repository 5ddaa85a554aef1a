// What a campaign will do before it does it: every attempt of this shard, split into those
// already recorded (resume), those reused from history, and those to run, with the dollar
// forecast of the latter. `landed run --dry-run` prints it; run_campaign executes it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "harness/campaign/attempt.h"
#include "harness/campaign/config.h"
#include "harness/campaign/forecast.h"
#include "harness/campaign/reuse_pool.h"
#include "harness/task/suite.h"

namespace landed {

struct RunOptions;

struct PlannedRun {
  AttemptPlan plan;
  CostForecast forecast;
};

struct PlannedReuse {
  AttemptPlan plan;
  const PooledRecord* source = nullptr;
};

struct CampaignPlan {
  std::size_t planned = 0;              // attempts of this shard
  std::size_t already_recorded = 0;     // in the campaign folder already (--resume)
  std::vector<PlannedReuse> to_reuse;
  std::vector<PlannedRun> to_run;
};

/// Repeat-major order (an interrupted campaign has covered every task and contender evenly),
/// filtered to the shard. `recorded` holds the attempt keys already in the campaign folder.
CampaignPlan plan_campaign(const Suite& suite, const CampaignConfig& config,
                           const RunOptions& options, const ReusePool& history,
                           const std::set<std::string>& recorded);

}  // namespace landed
