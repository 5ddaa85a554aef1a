#include "runners/native_protocol.h"

#include <nlohmann/json.hpp>

#include "harness/base/files.h"
#include "runners/agent_cli_support.h"

namespace landed {

using nlohmann::json;

void NativeProtocolParser::on_event(json& event) {
  const std::string type = json_string(event, "event");
  if (type == "step") on_step(event);
  if (type == "tool") add_count(usage_.tool_calls, 1);
  if (type == "final") on_final(event);
}

void NativeProtocolParser::on_step(const json& event) {
  TokenUsage tokens;
  tokens.input_tokens = json_count(event, "input_tokens");
  tokens.cache_read_tokens = json_count(event, "cache_read_tokens");
  tokens.cache_write_tokens = json_count(event, "cache_write_tokens");
  tokens.output_tokens = json_count(event, "output_tokens");
  tokens.reasoning_tokens = json_count(event, "reasoning_tokens");
  std::string model = json_string(event, "model");
  usage_.add_step(model.empty() ? default_model_ : model, tokens, json_dollars(event, "cost_usd"));
  add_count(usage_.tool_calls, json_count(event, "tool_calls"));
}

void NativeProtocolParser::on_final(const json& event) {
  final_status_ = json_string(event, "status");
  final_reason_ = json_string(event, "reason");
  std::string model = json_string(event, "model");
  if (!model.empty()) model_reported_ = model;
}

AgentResult NativeProtocolParser::finish(const ProcessResult& process) {
  AgentResult result;
  const std::string exit = process.exit_code ? fmt::format("exit status {}", *process.exit_code)
                                             : fmt::format("signal {}", process.signal.value_or(0));
  const bool clean_exit = process.exit_code == 0;
  if (!final_status_) {
    result = ended(AgentStatus::kError,
                   fmt::format("the agent ended ({}) without a final event; {}", exit, lines_read()));
  } else if (*final_status_ == "done" && clean_exit) {
    result = ended(AgentStatus::kDone, final_reason_);
  } else if (*final_status_ == "done") {
    result = ended(AgentStatus::kError, fmt::format("the agent reported done but ended with {}", exit));
  } else if (*final_status_ == "gave_up") {
    result = ended(AgentStatus::kGaveUp, "the agent gave up: " + final_reason_);
  } else if (*final_status_ == "infra_error") {
    result = ended(AgentStatus::kInfraError, "the agent's provider failed: " + final_reason_);
  } else {
    result = ended(AgentStatus::kError,
                   fmt::format("the agent reported {}: {} ({})", *final_status_, final_reason_, exit));
  }
  result.usage = usage_;
  result.model_reported = model_reported_;
  return result;
}

std::filesystem::path native_prompt_path(const AgentRequest& request) {
  return request.log_dir / "prompt.md";
}

Result<std::vector<std::string>> native_agent_environment(const AgentRequest& request) {
  const auto prompt_path = native_prompt_path(request);
  LANDED_TRY_STATUS(write_file(prompt_path, request.task.prompt));
  std::vector<std::string> env = {
      "LANDED_PROMPT_FILE=" + prompt_path.string(),
      "LANDED_TASK_ID=" + request.task.id,
      "LANDED_ATTEMPT_ID=" + request.attempt_id,
      "LANDED_SEED=" + std::to_string(request.seed),
  };
  if (request.contender.model) env.push_back("LANDED_MODEL=" + *request.contender.model);
  if (request.contender.effort) env.push_back("LANDED_EFFORT=" + *request.contender.effort);
  if (request.task.difficulty) env.push_back("LANDED_DIFFICULTY=" + *request.task.difficulty);
  return env;
}

}  // namespace landed
