// The "landed-agent" runner: the built-in agent (runners/landed_agent/), started from the
// folder of the running landed binary, configured by the contender's model, effort, options
// (api, base_url, ...) and env/env_from (LANDED_AGENT_API_KEY).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_landed_agent_runner();

/// The LANDED_AGENT_* variables for a contender's options; an unknown option is an error
/// that lists the known ones.
Result<std::vector<std::string>> landed_agent_option_environment(
    const std::map<std::string, std::string>& options);

}  // namespace landed
