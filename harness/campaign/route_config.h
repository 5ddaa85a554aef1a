// Reading [[route]] tables of the campaign config (harness/campaign/config.h):
//   [[route]]
//   name = "budget-then-frontier"
//   contenders = ["sim/sim-budget@medium", "sim/sim-frontier@high"]   # ids of [[contender]]s
//   escalate_on = ["check_failed", "gave_up", "agent_error", "timeout", "over_budget"]  # default
//   carry = false
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "harness/campaign/route.h"
#include "harness/task/toml_reader.h"

namespace landed {

/// Reads every [[route]] of `top`; steps name contenders of `contenders` by id.
Result<std::vector<Route>> read_routes(TomlReader& top, const std::vector<Contender>& contenders);

/// The routes as stored in campaign metadata.
nlohmann::json routes_to_json(const std::vector<Route>& routes);

}  // namespace landed
