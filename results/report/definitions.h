// Which fields of a contender's (or route's) definition changed between two campaigns, from the
// config each campaign.json records: what `landed compare` prints after "definition changed".
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace landed {

/// id -> the contender or route object of `<folder>/campaign.json` ("config"); empty when the
/// input is not a campaign folder or its metadata cannot be read.
std::map<std::string, nlohmann::json> campaign_definitions(const std::filesystem::path& input);

/// The fields whose values differ ("effort", "limits.max_usd", "contenders"), id and fingerprint
/// aside; "a step's definition" for a route whose own fields are the same.
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace landed
