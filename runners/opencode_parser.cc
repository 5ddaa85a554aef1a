#include "runners/opencode_parser.h"

#include "runners/agent_cli_support.h"

namespace landed {
namespace {

using nlohmann::json;

json object_at(const json& object, const char* key) {
  if (!object.is_object()) return json::object();
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? *it : json::object();
}

}  // namespace

TokenUsage opencode_step_tokens(const json& part) {
  const json tokens = object_at(part, "tokens");
  const json cache = object_at(tokens, "cache");
  TokenUsage step;
  step.input_tokens = json_count(tokens, "input");
  step.cache_read_tokens = json_count(cache, "read");
  step.cache_write_tokens = json_count(cache, "write");
  const Count output = json_count(tokens, "output");
  step.reasoning_tokens = json_count(tokens, "reasoning");
  if (output && step.reasoning_tokens) step.output_tokens = *output + *step.reasoning_tokens;
  else if (output && !tokens.contains("reasoning")) step.output_tokens = output;
  return step;
}

void OpencodeParser::on_event(json& event) {
  const std::string type = json_string(event, "type");
  const json part = object_at(event, "part");
  if (type == "step_finish") {
    on_step_finish(part);
  } else if (type == "tool_use") {
    add_count(usage_.tool_calls, 1);
    if (json_string(object_at(part, "state"), "status") == "error") ++tool_errors_;
  } else if (type == "error") {
    on_error(event);
  }
}

void OpencodeParser::on_step_finish(const json& part) {
  const TokenUsage step = opencode_step_tokens(part);
  Dollars cost;
  if (auto it = part.find("cost"); it != part.end() && it->is_number()) cost = it->get<double>();
  usage_.add_step(model_, step, cost);
  last_finish_reason_ = json_string(part, "reason");
}

void OpencodeParser::on_error(const json& event) {
  const json error = object_at(event, "error");
  const json data = object_at(error, "data");
  error_message_ = json_string(data, "message");
  if (error_message_.empty()) error_message_ = json_string(error, "message");
  const std::string name = json_string(error, "name");
  if (error_message_.empty()) error_message_ = name.empty() ? "unknown error" : name;
  const Count status = json_count(data, "statusCode");
  if (status) error_message_ += fmt::format(" (HTTP {})", *status);
  error_retryable_ = (status && (*status == 429 || *status >= 500)) ||
                     data.value("isRetryable", false);
}

AgentResult OpencodeParser::verdict(const ProcessResult& process) const {
  const std::string exit = exit_text(process);
  if (!error_message_.empty()) {
    if (error_retryable_ || provider_unavailable_message(error_message_))
      return ended(AgentStatus::kInfraError,
                   fmt::format("provider unavailable: {} ({})", error_message_, exit));
    return ended(AgentStatus::kError, fmt::format("opencode failed ({}): {}", exit, error_message_));
  }
  if (!usage_.steps)
    return ended(AgentStatus::kError,
                 fmt::format("opencode ended ({}) without a finished step; {}", exit, lines_read()));
  if (process.exit_code != 0)
    return ended(AgentStatus::kError, fmt::format("opencode ended with {}", exit));
  if (last_finish_reason_ == "tool-calls")
    return ended(AgentStatus::kError, "opencode stopped while its last step still asked for tools");
  return ended(AgentStatus::kDone,
               tool_errors_ ? fmt::format("{} tool calls failed along the way", tool_errors_) : "");
}

AgentResult OpencodeParser::finish(const ProcessResult& process) {
  AgentResult result = verdict(process);
  result.usage = usage_;
  return result;
}

}  // namespace landed
