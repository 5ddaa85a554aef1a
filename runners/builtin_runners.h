// The in-process runners that prove a task sound: noop changes nothing, oracle applies the
// reference solution. Neither calls a model, so their usage is null, not zero.
#pragma once

#include <memory>

#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_noop_runner();
std::unique_ptr<Runner> make_oracle_runner();

}  // namespace landed
