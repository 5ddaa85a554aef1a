#include "harness/campaign/campaign_plan.h"

#include <map>

#include "harness/campaign/campaign.h"
#include "harness/campaign/route.h"
#include "harness/campaign/shard_assignment.h"

namespace landed {
namespace {

std::string pair_key(const Task& task, const Contender& contender) {
  return task.id + "/" + contender.id;
}

/// The scoreboard rows a campaign runs: every contender, then every route (its row stands for
/// the whole cascade: its fingerprint covers the steps, so reuse and shards treat it alike).
struct Row {
  const Contender* contender;
  const Route* route;
};

std::vector<Row> rows_of(const CampaignConfig& config) {
  std::vector<Row> rows;
  for (const Contender& contender : config.contenders) rows.push_back({&contender, nullptr});
  for (const Route& route : config.routes) rows.push_back({&route.row, &route});
  return rows;
}

/// Expected cost of each pair's attempts that must run, for balancing shards; attempts with no
/// forecast weigh the mean known one (1 when nothing is known: balance by count).
std::map<std::string, int> shard_of_pairs(const Suite& suite, const CampaignConfig& config,
                                          int repeats, const ReusePool& history, int shards) {
  std::vector<ShardUnit> units;
  std::vector<int> unknown;
  double known_sum = 0;
  int known_count = 0;
  for (const Task& task : suite.tasks)
    for (const Row& row : rows_of(config)) {
      const Contender& contender = *row.contender;
      ShardUnit unit{pair_key(task, contender), 0};
      int unknown_here = 0;
      const CostForecast forecast = forecast_attempt(history, task, contender);
      for (int r = 0; r < repeats; ++r) {
        if (history.reusable(task, contender, r)) continue;
        if (!forecast.known()) {
          ++unknown_here;
          continue;
        }
        unit.weight += *forecast.mean;
        known_sum += *forecast.mean;
        ++known_count;
      }
      units.push_back(unit);
      unknown.push_back(unknown_here);
    }
  const double fill = known_count > 0 ? known_sum / known_count : 1.0;
  for (std::size_t i = 0; i < units.size(); ++i) units[i].weight += unknown[i] * fill;
  const std::vector<int> assigned = assign_shards(units, shards);
  std::map<std::string, int> shard_of;
  for (std::size_t i = 0; i < units.size(); ++i) shard_of[units[i].key] = assigned[i];
  return shard_of;
}

}  // namespace

CampaignPlan plan_campaign(const Suite& suite, const CampaignConfig& config,
                           const RunOptions& options, const ReusePool& history,
                           const std::set<std::string>& recorded) {
  std::map<std::string, int> shard_of;
  if (options.shard && options.shard->count > 1)
    shard_of = shard_of_pairs(suite, config, options.repeats, history, options.shard->count);
  CampaignPlan plan;
  for (int repeat = 0; repeat < options.repeats; ++repeat)
    for (const Task& task : suite.tasks)
      for (const Row& row : rows_of(config)) {
        const Contender& contender = *row.contender;
        if (!shard_of.empty() && shard_of.at(pair_key(task, contender)) != options.shard->index - 1)
          continue;
        AttemptPlan attempt{&task, &contender, repeat, row.route};
        ++plan.planned;
        if (recorded.count(attempt.attempt_key())) {
          ++plan.already_recorded;
        } else if (const PooledRecord* source = history.reusable(task, contender, repeat)) {
          plan.to_reuse.push_back({attempt, source});
        } else {
          plan.to_run.push_back({attempt, forecast_attempt(history, task, contender)});
        }
      }
  return plan;
}

}  // namespace landed
