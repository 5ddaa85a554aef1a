// How each runner is metered: whether it goes through landed's metering proxy by default, and
// the upstream the proxy forwards its calls to — the base URL the tool would have used itself:
// the contender's `upstream`, else the base URL its own settings name (env, options, Codex
// provider arguments), else the provider's default. The runner then points the tool at the
// proxy by that same setting (AgentRequest::meter_base_url).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "runners/contender.h"

namespace landed {

/// True for the runners that can be metered: claude-code, codex, gemini-cli, opencode,
/// landed-agent (their default is meter = true).
bool runner_can_be_metered(const std::string& runner);
/// Whether the contender's attempts go through the proxy: `meter`, else the runner's default
/// (off for a contender with network = "none": its agent cannot reach landed's loopback).
bool wants_meter(const Contender& contender);
/// An error when `meter = true` is set on a runner that calls no provider landed can redirect,
/// or on a contender with network = "none".
Status check_meter_setting(const Contender& contender);
/// The base URL the proxy forwards the contender's calls to.
Result<std::string> meter_upstream(const Contender& contender);

/// Codex: the custom provider named by `-c model_provider=NAME` in `args`, if any.
std::optional<std::string> codex_custom_provider(const std::vector<std::string>& args);

}  // namespace landed
