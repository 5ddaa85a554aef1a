// The "command" runner: a contender's `command` is run in the sandbox and speaks PROTOCOL.md.
#pragma once

#include <memory>

#include "runners/runner.h"

namespace landed {

std::unique_ptr<Runner> make_command_runner();

}  // namespace landed
