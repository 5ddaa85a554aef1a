// The "codex" runner: OpenAI's Codex CLI (`codex exec --json`), approvals and sandbox bypassed
// (landed's sandbox is the git working copy), the contender's model (-m) and effort
// (-c model_reasoning_effort=...), a private CODEX_HOME per attempt. See runners/README.md "codex".
#pragma once

#include <memory>

#include "runners/runner.h"
#include "runners/subprocess_runner.h"

namespace landed {

std::unique_ptr<Runner> make_codex_runner();
/// The definition alone, so tests can check the command line.
std::unique_ptr<RunnerDefinition> make_codex_definition();

}  // namespace landed
