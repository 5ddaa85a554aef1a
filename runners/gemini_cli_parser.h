// Reads Gemini CLI's `--output-format stream-json` (JSON lines: init, message, tool_use,
// tool_result, error, result) into normalized usage and a final status.
//
// Where the numbers are: only the final `result` event carries tokens, in `stats.models.<m>`:
// `input_tokens` = Σ promptTokenCount (cached included), `cached` = Σ cachedContentTokenCount,
// `output_tokens` = Σ candidatesTokenCount (thoughts excluded), `total_tokens` = Σ
// totalTokenCount. Normalized: input = prompt − cached; cache read = cached; cache write = 0
// (generateContent has no per-request cache-write kind: explicit caches are created and billed
// apart); reasoning = total − prompt − candidates (thoughts; the API's toolUsePromptTokenCount
// would land here too, and the CLI's own agent never uses server-side tools); output =
// candidates + reasoning, so output counts every generated token and reasoning is its subset.
// Steps (model calls) are counted live from the stream: a model call is the run of assistant
// messages and tool_use events after the prompt or after tool results. Calls to side models
// (routing, loop checks) have tokens under their own model name but no step count (null).
#pragma once

#include <nlohmann/json.hpp>

#include "runners/json_lines_parser.h"

namespace landed {

/// Gemini CLI's exit statuses (packages/core/src/utils/errors.ts).
inline constexpr int kGeminiExitInputError = 42;
inline constexpr int kGeminiExitTurnLimit = 53;

class GeminiCliParser final : public JsonLinesParser {
 public:
  explicit GeminiCliParser(std::string default_model) : default_model_(std::move(default_model)) {}
  const Usage& usage() const override { return usage_; }
  AgentResult finish(const ProcessResult& process) override;

 private:
  void on_event(nlohmann::json& event) override;
  void on_model_output();
  void on_result(const nlohmann::json& event);
  AgentResult verdict(const ProcessResult& process) const;

  std::string default_model_;
  Usage usage_;
  std::optional<std::string> model_reported_;
  bool in_model_call_ = false;
  std::int64_t steps_seen_ = 0;
  std::int64_t tool_uses_seen_ = 0;
  std::optional<std::string> result_status_;
  std::string error_type_;
  std::string error_message_;
  std::string last_warning_;
};

/// Usage from a `result` event's `stats` (see above); `main_model` gets `steps`.
Usage gemini_stats_usage(const nlohmann::json& stats, const std::string& main_model, Count steps);

/// One model's tokens from its `stats.models` entry; null counts where a field is missing.
TokenUsage gemini_model_tokens(const nlohmann::json& entry);

}  // namespace landed
