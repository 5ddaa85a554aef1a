// Reads `opencode run --format json` (JSON lines: step_start, text, tool_use, step_finish,
// error) into normalized usage and a final status.
//
// Each `step_finish` part is one model call with its own (not cumulative) `tokens`: `input`
// (uncached), `cache.read`, `cache.write`, `output` and `reasoning`, and `cost`. Checked with
// opencode 1.18.33 against tests/fake_llm: `output` EXCLUDES reasoning (a call that generated
// 80 tokens, 20 of them reasoning, reports output 60, reasoning 20, total = input + cache +
// output + reasoning). Normalized: output = output + reasoning; reasoning its subset.
#pragma once

#include <nlohmann/json.hpp>

#include "runners/json_lines_parser.h"

namespace landed {

class OpencodeParser final : public JsonLinesParser {
 public:
  /// `model` names every step's usage: opencode's events do not say which model answered.
  explicit OpencodeParser(std::string model) : model_(std::move(model)) {}
  const Usage& usage() const override { return usage_; }
  AgentResult finish(const ProcessResult& process) override;

 private:
  void on_event(nlohmann::json& event) override;
  void on_step_finish(const nlohmann::json& part);
  void on_error(const nlohmann::json& event);
  AgentResult verdict(const ProcessResult& process) const;

  std::string model_;
  Usage usage_;
  std::int64_t tool_errors_ = 0;
  std::string last_finish_reason_;
  std::string error_message_;
  bool error_retryable_ = false;
};

/// One `step_finish` part's tokens (output includes reasoning), shared with the transcript.
TokenUsage opencode_step_tokens(const nlohmann::json& part);

}  // namespace landed
