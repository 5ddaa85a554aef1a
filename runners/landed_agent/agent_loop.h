// The agent loop: call the model, run the shell commands it asks for, give it the outputs,
// until it answers without a tool call (done) or the turn limit is reached (gave up).
// The network, the shell and the clock come in as functions, so tests fake them.
#pragma once

#include <functional>
#include <string>

#include "runners/landed_agent/events.h"
#include "runners/landed_agent/http_transport.h"
#include "runners/landed_agent/model_api.h"
#include "runners/landed_agent/retry.h"

namespace landed::agent {

struct LoopSettings {
  RequestSettings request;
  std::string prompt;
  std::string api_key;
  int max_turns = 50;
  RetryPolicy retry;
};

struct World {
  Transport post;
  /// Runs one shell command; returns what the model reads back.
  std::function<std::string(const std::string& command)> shell;
  Sleeper sleep;
};

/// How the loop ended, as a final event says it.
struct LoopEnd {
  std::string status;  // done, gave_up, error, infra_error
  std::string reason;
  std::string model;  // as the API last reported it
};

/// Runs the loop, printing step and tool events (not the final one) to `events`.
LoopEnd run_agent_loop(const ModelApi& api, const LoopSettings& settings, World& world,
                       EventWriter& events);

/// The tool output for one call: runs `shell` for a well-formed shell call, else says why not.
std::string run_tool_call(const ToolCall& call, World& world);

}  // namespace landed::agent
