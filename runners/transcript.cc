#include "runners/transcript.h"

#include <fstream>

#include "runners/agent_cli_support.h"

namespace landed {
namespace {

using nlohmann::json;

std::string capped(std::string text, std::size_t cap) {
  if (text.size() <= cap) return text;
  text.resize(cap);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();  // a lead byte
  return text + "…";
}

enum class Format { kNone, kClaude, kCodex, kGemini, kOpencode, kNative };

Format format_of(std::string_view runner) {
  if (runner == "claude-code") return Format::kClaude;
  if (runner == "codex") return Format::kCodex;
  if (runner == "gemini-cli") return Format::kGemini;
  if (runner == "opencode") return Format::kOpencode;
  if (runner == "command" || runner == "sim" || runner == "landed-agent") return Format::kNative;
  return Format::kNone;
}

const char* format_name(Format format) {
  switch (format) {
    case Format::kClaude: return "claude-code stream-json";
    case Format::kCodex: return "codex exec --json";
    case Format::kGemini: return "gemini-cli stream-json";
    case Format::kOpencode: return "opencode run --format json";
    case Format::kNative: return "landed native protocol";
    default: return "";
  }
}

}  // namespace

bool TranscriptBuilder::room() {
  if (transcript_.steps.size() < limits_.max_steps) return true;
  ++transcript_.omitted;
  return false;
}

void TranscriptBuilder::model_call(std::string model, TokenUsage tokens) {
  if (!room()) return;
  TranscriptStep step;
  step.kind = TranscriptStep::Kind::kModelCall;
  step.model = std::move(model);
  step.tokens = tokens;
  last_model_call_ = transcript_.steps.size();
  transcript_.steps.push_back(std::move(step));
}

void TranscriptBuilder::update_last_model_call(const TokenUsage& tokens) {
  if (last_model_call_) transcript_.steps[*last_model_call_].tokens = tokens;
}

void TranscriptBuilder::tool_call(const std::string& name, const std::string& detail) {
  if (!room()) return;
  TranscriptStep step;
  step.kind = TranscriptStep::Kind::kToolCall;
  step.text = capped(detail.empty() ? name : name + ": " + detail, limits_.max_text);
  transcript_.steps.push_back(std::move(step));
}

void TranscriptBuilder::message(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos || !room()) return;
  TranscriptStep step;
  step.text = capped(text, limits_.max_message);
  transcript_.steps.push_back(std::move(step));
}

void TranscriptBuilder::message_delta(const std::string& text) {
  auto& steps = transcript_.steps;
  if (!steps.empty() && steps.back().kind == TranscriptStep::Kind::kMessage)
    steps.back().text = capped(steps.back().text + text, limits_.max_message);
  else message(text);
}

Transcript TranscriptBuilder::finish(std::string format) && {
  transcript_.format = std::move(format);
  return std::move(transcript_);
}

std::string tool_detail(const json& input) {
  if (!input.is_object()) return input.is_string() ? input.get<std::string>() : "";
  for (const char* key : {"command", "cmd", "file_path", "filePath", "absolute_path", "path", "pattern"}) {
    auto it = input.find(key);
    if (it == input.end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array()) return it->dump();
  }
  return input.empty() ? "" : input.dump();
}

void native_transcript_line(const json& event, TranscriptBuilder& out) {
  const std::string kind = json_string(event, "event");
  if (kind == "step") {
    TokenUsage t;
    t.input_tokens = json_count(event, "input_tokens");
    t.cache_read_tokens = json_count(event, "cache_read_tokens");
    t.cache_write_tokens = json_count(event, "cache_write_tokens");
    t.output_tokens = json_count(event, "output_tokens");
    t.reasoning_tokens = json_count(event, "reasoning_tokens");
    out.model_call(json_string(event, "model"), t);
  } else if (kind == "tool") {
    out.tool_call(json_string(event, "name"), tool_detail(event.value("input", json())));
  } else if (kind == "final") {
    std::string reason = json_string(event, "reason");
    out.message(json_string(event, "status") + (reason.empty() ? "" : ": " + reason));
  }
}

Result<std::optional<Transcript>> read_transcript(std::string_view runner,
                                                  const std::filesystem::path& stdout_log,
                                                  const TranscriptLimits& limits) {
  const Format format = format_of(runner);
  if (format == Format::kNone || stdout_log.empty()) return std::optional<Transcript>();
  std::ifstream in(stdout_log);
  if (!in) return std::optional<Transcript>();
  TranscriptBuilder out(limits);
  std::string claude_message;
  for (std::string line; std::getline(in, line);) {
    json event = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (event.is_discarded() || !event.is_object()) continue;
    switch (format) {
      case Format::kClaude: claude_code_transcript_line(event, out, claude_message); break;
      case Format::kCodex: codex_transcript_line(event, out); break;
      case Format::kGemini: gemini_transcript_line(event, out); break;
      case Format::kOpencode: opencode_transcript_line(event, out); break;
      default: native_transcript_line(event, out); break;
    }
  }
  return std::optional<Transcript>(std::move(out).finish(format_name(format)));
}

}  // namespace landed
