// An agent's transcript as its tool reported it: each model call with its tokens (and, once
// priced, its cost), each tool call with its command or file, and the agent's messages. The
// runners read it from an attempt's agent log (runners/transcript.h); the site shows it. A
// plain struct so results/ can render what runners/ extracted without depending on it.
#pragma once

#include <string>
#include <vector>

#include "results/model/usage.h"

namespace landed {

struct TranscriptStep {
  enum class Kind { kModelCall, kToolCall, kMessage };
  Kind kind = Kind::kMessage;
  std::string model;   // model calls: the model, when the tool named it
  TokenUsage tokens;   // model calls
  Dollars cost_usd;    // model calls: priced by the caller, null when unknown
  std::string text;    // tool calls: "name: command or file"; messages: the text (capped)
};

struct Transcript {
  std::vector<TranscriptStep> steps;
  std::size_t omitted = 0;   // steps beyond the cap, not kept
  std::string format;        // the log's format, e.g. "claude-code stream-json"
};

/// How much of a transcript is kept: a page stays small however long the agent ran.
struct TranscriptLimits {
  std::size_t max_steps = 200;
  std::size_t max_text = 400;      // characters of a tool call's command
  std::size_t max_message = 2000;  // characters of a message
};

}  // namespace landed
