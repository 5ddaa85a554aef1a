// The "sim" runner: a seeded simulated agent for offline demos and load tests.
#pragma once

#include <memory>

#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_sim_runner();

}  // namespace landed
