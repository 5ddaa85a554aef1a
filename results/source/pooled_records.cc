#include "results/source/pooled_records.h"

#include <memory>

#include "results/history/history.h"

namespace landed {
namespace {

Status add_campaigns(const RecordSource& source, std::set<std::string>& campaigns) {
  if (!source.is_history()) {
    if (source.campaign && !source.campaign->campaign_id.empty())
      campaigns.insert(source.campaign->campaign_id);
    return ok_status();
  }
  if (!source.campaign_ids.empty()) {
    campaigns.insert(source.campaign_ids.begin(), source.campaign_ids.end());
    return ok_status();
  }
  LANDED_TRY(history::History db, history::History::open(source.database, /*create=*/false));
  LANDED_TRY(std::vector<history::CampaignRow> rows, db.campaigns());
  for (const history::CampaignRow& row : rows) campaigns.insert(row.info.campaign_id);
  return ok_status();
}

}  // namespace

bool PooledRecords::counts(const Record& record) {
  if (!filter_ || !record.reused_from) return true;
  const ReusedFrom& origin = *record.reused_from;
  if (campaigns_.count(origin.campaign_id)) return false;
  std::lock_guard lock(mutex_);
  return copies_.insert(origin.campaign_id + '\n' + origin.attempt_id).second;
}

Result<std::unique_ptr<PooledRecords>> pool_records(const std::vector<RecordSource>& sources) {
  std::set<std::string> campaigns;
  for (const RecordSource& source : sources) LANDED_TRY_STATUS(add_campaigns(source, campaigns));
  const bool filter = sources.size() > 1 || (sources.size() == 1 && sources[0].is_history() &&
                                             campaigns.size() > 1);
  return std::make_unique<PooledRecords>(std::move(campaigns), filter);
}

}  // namespace landed
