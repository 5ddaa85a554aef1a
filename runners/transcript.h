// Transcripts from agent logs: one reader per output format, each a function from the lines
// of the agent's stdout to TranscriptSteps (results/model/transcript.h). The command line
// calls read_transcript at publish time and hands the steps to the site.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "results/model/transcript.h"

namespace landed {

/// Collects steps under the limits; the per-format readers feed it.
class TranscriptBuilder {
 public:
  explicit TranscriptBuilder(TranscriptLimits limits) : limits_(limits) {}
  void model_call(std::string model, TokenUsage tokens);
  /// The last model call's final usage (tools that stream a message report it at its end).
  void update_last_model_call(const TokenUsage& tokens);
  void tool_call(const std::string& name, const std::string& detail);
  void message(const std::string& text);
  /// Appends to the last message when it is the last step (streamed text), else a new one.
  void message_delta(const std::string& text);
  Transcript finish(std::string format) &&;

 private:
  bool room();
  TranscriptLimits limits_;
  std::optional<std::size_t> last_model_call_;
  Transcript transcript_;
};

/// A tool call's most telling argument: its command, else the file it touched, else the
/// arguments as compact JSON.
std::string tool_detail(const nlohmann::json& input);

/// One reader per format; each takes one log line at a time.
void claude_code_transcript_line(const nlohmann::json& event, TranscriptBuilder& out,
                                 std::string& current_message);
void codex_transcript_line(const nlohmann::json& event, TranscriptBuilder& out);
void gemini_transcript_line(const nlohmann::json& event, TranscriptBuilder& out);
void opencode_transcript_line(const nlohmann::json& event, TranscriptBuilder& out);
void native_transcript_line(const nlohmann::json& event, TranscriptBuilder& out);

/// The transcript of an attempt of `runner` from its agent stdout log; null for a runner
/// without an agent (noop, oracle) or a log that is missing.
Result<std::optional<Transcript>> read_transcript(std::string_view runner,
                                                  const std::filesystem::path& stdout_log,
                                                  const TranscriptLimits& limits = {});

}  // namespace landed
