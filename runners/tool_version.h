// The version of the tool a contender runs, where landed can know it without running it:
// part of the contender's fingerprint, so reuse never crosses a tool upgrade.
#pragma once

#include <optional>
#include <string>

#include "runners/contender.h"

namespace landed {

/// - built-in runners (noop, oracle, sim, landed-agent): nullopt — they are part of landed, and
///   their behaviour is covered by kScoringVersion;
/// - a contender whose options set `tool_version`: that text, verbatim;
/// - any other runner with a `command`: "files:<sha256>" over the contents of every element of
///   the command that names an existing file (the program found on PATH, a script argument),
///   so editing the agent's script or upgrading its binary changes it;
/// - else nullopt (unknown).
std::optional<std::string> probe_tool_version(const Contender& contender);

/// The provider whose API a contender's attempts load: the config's `provider` when given,
/// else derived from the runner and model (claude*/claude-code → anthropic; gpt*, o1..o4*,
/// codex → openai; gemini* → google; sim → sim; noop/oracle → local), else the runner's name.
std::string derive_provider(const Contender& contender);

}  // namespace landed
