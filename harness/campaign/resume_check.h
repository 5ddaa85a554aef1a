// `run --resume` continues the campaign it finds: a contender whose definition changed since
// (same id, another fingerprint: command, model, options, limits, tool version...) is refused,
// as `merge` refuses shards of different configs, so two definitions never pool under one id
// and the first attempts' logs are never overwritten.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "harness/campaign/config.h"
#include "results/model/record.h"

namespace landed {

/// `recorded`: the campaign's records; `stored_config`: campaign.json's "config" (may be null).
/// An Error names the contender and the fields that differ.
Status check_resume_contenders(const std::vector<Record>& recorded,
                               const nlohmann::json& stored_config, const CampaignConfig& config);

}  // namespace landed
