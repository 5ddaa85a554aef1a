// The "claude-code" runner: Anthropic's Claude Code CLI in print mode with stream-json output,
// permissions skipped, the contender's model (--model) and effort (--effort), a private HOME per
// attempt. See runners/README.md "claude-code".
#pragma once

#include <memory>

#include "runners/runner.h"
#include "runners/subprocess_runner.h"

namespace landed {

std::unique_ptr<Runner> make_claude_code_runner();
/// The definition alone, so tests can check the command line.
std::unique_ptr<RunnerDefinition> make_claude_code_definition();

}  // namespace landed
