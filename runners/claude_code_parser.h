// Reads Claude Code's `--output-format stream-json --verbose` output (one JSON event a line)
// into normalized usage and a final status. See runners/README.md "claude-code" for the fields.
//
// Usage while it runs comes from the per-message events, one entry per message id: `assistant`
// events repeat a message's input-side usage once per content block (with a placeholder
// `output_tokens: 1`), and with `--include-partial-messages` the `message_delta` stream event
// carries the message's final usage. Once the `result` event arrives its `modelUsage` (every
// model, side models too) replaces that: it is the tool's own total. `result.usage` covers the
// main model only and is never added to anything.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runners/json_lines_parser.h"

namespace landed {

class ClaudeCodeParser final : public JsonLinesParser {
 public:
  /// `default_model` names usage when the output never says which model it came from.
  explicit ClaudeCodeParser(std::string default_model) : default_model_(std::move(default_model)) {}
  const Usage& usage() const override { return usage_; }
  AgentResult finish(const ProcessResult& process) override;

 private:
  void on_event(nlohmann::json& event) override;
  struct Message {
    std::string model;
    TokenUsage tokens;
  };

  void on_assistant(const nlohmann::json& event);
  void on_stream_event(const nlohmann::json& event);
  void merge_message_usage(const std::string& id, const std::string& model,
                           const nlohmann::json& usage);
  void rebuild_usage();
  Usage usage_from_result() const;
  std::int64_t messages_of(const std::string& model) const;
  AgentResult result_status(const ProcessResult& process) const;
  AgentResult missing_result(const ProcessResult& process) const;
  std::string main_model() const;

  std::string default_model_;
  std::string init_model_;
  std::map<std::string, Message> messages_;         // by message id
  std::map<std::string, std::string> streaming_;    // parent_tool_use_id -> current message id
  std::set<std::string> tool_uses_;
  std::string synthetic_error_;                     // "error" of the CLI's own error message
  std::string synthetic_text_;
  std::int64_t api_retries_ = 0;
  nlohmann::json result_;                           // the `result` event, null until it comes
  Usage usage_;
};

/// True when an API failure means the provider never answered (rate limit, overload, 5xx,
/// no connection) rather than a request the provider refused (4xx).
bool claude_provider_unavailable(const nlohmann::json& api_error_status, const std::string& error_kind);

/// Anthropic's usage object: input excludes cache reads and writes; no reasoning field.
TokenUsage claude_message_tokens(const nlohmann::json& usage);

}  // namespace landed
