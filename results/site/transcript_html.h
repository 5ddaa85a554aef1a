// How the site shows what an agent did: its transcript (model calls with tokens and cost,
// tool calls with their command or file, messages) and, for a route attempt, each step.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "results/model/record.h"
#include "results/model/transcript.h"

namespace landed::site {

/// Reads and prices an attempt's transcript from its agent log; null when there is none.
/// Supplied by the command line (results/ cannot read agent formats: runners/ does).
using TranscriptReader = std::function<std::optional<Transcript>(
    const std::string& runner, const std::optional<std::string>& model,
    const std::filesystem::path& agent_log)>;

/// A collapsed <details> block: a summary line (calls, tool calls, dollars), then one list
/// item per step. Everything from the log is escaped.
std::string transcript_html(const Transcript& transcript);

/// A route attempt's steps: contender, outcome, why it escalated, cost; with each step's
/// transcript when `read` finds one.
std::string route_steps_html(const RouteInfo& route,
                             const std::vector<std::filesystem::path>& step_logs,
                             const TranscriptReader& read);

}  // namespace landed::site
