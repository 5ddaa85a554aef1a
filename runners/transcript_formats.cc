// The transcript readers of the agent CLIs' own formats (see runners/README.md for each).
// They share the token arithmetic with the usage parsers, so a step's tokens add up to the
// attempt's usage.
#include "runners/agent_cli_support.h"
#include "runners/claude_code_parser.h"
#include "runners/codex_session.h"
#include "runners/gemini_cli_parser.h"
#include "runners/opencode_parser.h"
#include "runners/transcript.h"

namespace landed {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* key) {
  static const json empty = json::object();
  if (!object.is_object()) return empty;
  auto it = object.find(key);
  return it != object.end() ? *it : empty;
}

}  // namespace

/// `assistant` events carry one content block each; a message id is one model call, whose
/// final usage comes with the message's `message_delta` stream event.
void claude_code_transcript_line(const json& event, TranscriptBuilder& out,
                                 std::string& current_message) {
  const std::string type = json_string(event, "type");
  if (type == "stream_event") {
    const json& inner = member(event, "event");
    if (json_string(inner, "type") == "message_delta" && member(inner, "usage").is_object())
      out.update_last_model_call(claude_message_tokens(member(inner, "usage")));
    return;
  }
  if (type != "assistant") return;
  const json& message = member(event, "message");
  const std::string id = json_string(message, "id");
  if (id != current_message) {
    current_message = id;
    out.model_call(json_string(message, "model"), claude_message_tokens(member(message, "usage")));
  }
  const json& content = member(message, "content");
  if (!content.is_array()) return;
  for (const json& block : content) {
    const std::string kind = json_string(block, "type");
    if (kind == "text") out.message(json_string(block, "text"));
    else if (kind == "tool_use") out.tool_call(json_string(block, "name"), tool_detail(member(block, "input")));
  }
}

/// Items are messages, commands and file changes; `turn.completed` is the turn's usage.
void codex_transcript_line(const json& event, TranscriptBuilder& out) {
  const std::string type = json_string(event, "type");
  if (type == "turn.completed") {
    out.model_call("", codex_tokens(member(event, "usage")));
    return;
  }
  if (type != "item.completed") return;
  const json& item = member(event, "item");
  const std::string kind = json_string(item, "type");
  if (kind == "agent_message") out.message(json_string(item, "text"));
  else if (kind == "command_execution") out.tool_call("shell", json_string(item, "command"));
  else if (kind == "file_change") {
    std::string files;
    const json& changes = member(item, "changes");
    if (changes.is_array())
      for (const json& c : changes) files += (files.empty() ? "" : ", ") + json_string(c, "path");
    out.tool_call("edit", files);
  } else if (kind == "mcp_tool_call") out.tool_call(json_string(item, "tool"), "");
}

/// Gemini reports usage only in its final `result` (per model), so the transcript has one
/// model-call line per model, after the tool calls.
void gemini_transcript_line(const json& event, TranscriptBuilder& out) {
  const std::string type = json_string(event, "type");
  if (type == "message" && json_string(event, "role") == "assistant") {
    if (event.value("delta", false)) out.message_delta(json_string(event, "content"));
    else out.message(json_string(event, "content"));
  } else if (type == "tool_use") {
    out.tool_call(json_string(event, "tool_name"), tool_detail(member(event, "parameters")));
  } else if (type == "result") {
    const json& models = member(member(event, "stats"), "models");
    if (!models.is_object()) return;
    for (const auto& [name, entry] : models.items()) out.model_call(name, gemini_model_tokens(entry));
  }
}

/// A `step_finish` closes one model call; tool parts carry their input.
void opencode_transcript_line(const json& event, TranscriptBuilder& out) {
  const std::string type = json_string(event, "type");
  const json& part = member(event, "part");
  if (type == "step_finish") out.model_call("", opencode_step_tokens(part));
  else if (type == "text") out.message(json_string(part, "text"));
  else if (type == "tool_use")
    out.tool_call(json_string(part, "tool"), tool_detail(member(member(part, "state"), "input")));
}

}  // namespace landed
