// Runner names as written in configs, and the runner each one makes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "runners/runner.h"

namespace landed {

/// Every runner name a config may use, sorted.
std::vector<std::string> runner_names();
bool is_known_runner(const std::string& name);
/// True for runners that never call a real model.
bool is_simulated_runner(const std::string& name);
Result<std::unique_ptr<Runner>> make_runner(const Contender& contender);

}  // namespace landed
