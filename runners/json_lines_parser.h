// The prologue every JSON-lines agent output shares (Claude Code, Codex, Gemini CLI, opencode,
// the native protocol): each line is parsed once; a line that is not a JSON object is counted
// as unreadable (blank lines aside) and skipped; every object is counted and handed to
// `on_event`. A parser derives from it and keeps only its tool's semantics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "runners/subprocess_runner.h"

namespace landed {

class JsonLinesParser : public OutputParser {
 public:
  void on_line(std::string_view line) final;

 protected:
  /// One JSON object of the output, in order. The parser may move from it.
  virtual void on_event(nlohmann::json& event) = 0;

  /// "N events, M unreadable lines": what a verdict says when the output had no final event.
  std::string lines_read() const;

 private:
  std::int64_t events_ = 0;
  std::int64_t unreadable_lines_ = 0;
};

/// A verdict: how the agent ended and why, usage still to be filled in.
AgentResult ended(AgentStatus status, std::string reason);

}  // namespace landed
