#include "runners/claude_code_parser.h"

#include <algorithm>

#include "runners/agent_cli_support.h"

namespace landed {
namespace {

using nlohmann::json;

/// The CLI's own messages (errors it reports as assistant text) use this model name.
constexpr const char* kSyntheticModel = "<synthetic>";

void overwrite(Count& into, const Count& value) {
  if (value) into = value;
}


/// One `modelUsage` entry (camelCase, the CLI's own totals per model).
TokenUsage model_usage_tokens(const json& entry) {
  TokenUsage t;
  t.input_tokens = json_count(entry, "inputTokens");
  t.cache_read_tokens = json_count(entry, "cacheReadInputTokens");
  t.cache_write_tokens = json_count(entry, "cacheCreationInputTokens");
  t.output_tokens = json_count(entry, "outputTokens");
  return t;
}

}  // namespace

/// Anthropic's usage object: input excludes cache reads and writes; no reasoning field.
TokenUsage claude_message_tokens(const json& usage) {
  TokenUsage t;
  t.input_tokens = json_count(usage, "input_tokens");
  t.cache_read_tokens = json_count(usage, "cache_read_input_tokens");
  t.cache_write_tokens = json_count(usage, "cache_creation_input_tokens");
  t.output_tokens = json_count(usage, "output_tokens");
  return t;
}

bool claude_provider_unavailable(const json& api_error_status, const std::string& error_kind) {
  if (api_error_status.is_number_integer()) {
    const int status = api_error_status.get<int>();
    return status == 408 || status == 429 || status >= 500;
  }
  // No HTTP status: the CLI names the failure ("server_error" also covers "could not connect").
  return error_kind == "server_error" || error_kind == "rate_limit" || error_kind == "overloaded";
}

void ClaudeCodeParser::on_event(json& event) {
  const std::string type = json_string(event, "type");
  if (type == "system") {
    const std::string subtype = json_string(event, "subtype");
    if (subtype == "init" && init_model_.empty()) init_model_ = json_string(event, "model");
    if (subtype == "api_retry") ++api_retries_;
  } else if (type == "assistant") {
    on_assistant(event);
  } else if (type == "stream_event") {
    on_stream_event(event);
  } else if (type == "result") {
    result_ = std::move(event);
  } else {
    return;
  }
  rebuild_usage();
}

void ClaudeCodeParser::on_assistant(const json& event) {
  const json& message = event.contains("message") ? event["message"] : json();
  const std::string model = json_string(message, "model");
  if (model == kSyntheticModel) {
    synthetic_error_ = json_string(event, "error");
    if (message.contains("content") && message["content"].is_array())
      for (const json& block : message["content"])
        if (json_string(block, "type") == "text") synthetic_text_ = json_string(block, "text");
    return;
  }
  const std::string id = json_string(message, "id");
  if (id.empty()) return;
  merge_message_usage(id, model, message.contains("usage") ? message["usage"] : json());
  if (message.contains("content") && message["content"].is_array())
    for (const json& block : message["content"])
      if (json_string(block, "type") == "tool_use") tool_uses_.insert(json_string(block, "id"));
}

void ClaudeCodeParser::on_stream_event(const json& event) {
  const json& inner = event.contains("event") ? event["event"] : json();
  const std::string parent = json_string(event, "parent_tool_use_id");
  const std::string type = json_string(inner, "type");
  if (type == "message_start" && inner.contains("message")) {
    const json& message = inner["message"];
    const std::string id = json_string(message, "id");
    if (id.empty()) return;
    streaming_[parent] = id;
    merge_message_usage(id, json_string(message, "model"),
                        message.contains("usage") ? message["usage"] : json());
  } else if (type == "message_delta" && streaming_.count(parent) && inner.contains("usage")) {
    merge_message_usage(streaming_[parent], "", inner["usage"]);
  }
}

/// A message's usage arrives several times: input-side counts repeat, output grows to the final.
void ClaudeCodeParser::merge_message_usage(const std::string& id, const std::string& model,
                                           const json& usage) {
  Message& m = messages_[id];
  if (!model.empty()) m.model = model;
  const TokenUsage seen = claude_message_tokens(usage);
  overwrite(m.tokens.input_tokens, seen.input_tokens);
  overwrite(m.tokens.cache_read_tokens, seen.cache_read_tokens);
  overwrite(m.tokens.cache_write_tokens, seen.cache_write_tokens);
  if (seen.output_tokens)
    m.tokens.output_tokens = std::max(m.tokens.output_tokens.value_or(0), *seen.output_tokens);
}

std::string ClaudeCodeParser::main_model() const {
  if (!init_model_.empty()) return init_model_;
  for (const auto& [id, m] : messages_)
    if (!m.model.empty()) return m.model;
  return default_model_;
}

std::int64_t ClaudeCodeParser::messages_of(const std::string& model) const {
  return std::count_if(messages_.begin(), messages_.end(), [&](const auto& entry) {
    return (entry.second.model.empty() ? main_model() : entry.second.model) == model;
  });
}

void ClaudeCodeParser::rebuild_usage() {
  if (result_.is_object()) {
    usage_ = usage_from_result();
    return;
  }
  Usage usage;
  for (const auto& [id, m] : messages_)
    usage.add_step(m.model.empty() ? main_model() : m.model, m.tokens);
  usage.steps = static_cast<std::int64_t>(messages_.size());
  usage.tool_calls = static_cast<std::int64_t>(tool_uses_.size());
  usage_ = std::move(usage);
}

/// The result event's totals: `modelUsage` per model, steps counted from the messages seen.
Usage ClaudeCodeParser::usage_from_result() const {
  Usage usage;
  const json& by_model = result_.contains("modelUsage") ? result_["modelUsage"] : json();
  if (by_model.is_object()) {
    for (const auto& [model, entry] : by_model.items()) {
      const std::int64_t calls = messages_of(model);
      ModelUsage m{model, model_usage_tokens(entry), std::nullopt, json_dollars(entry, "costUSD")};
      if (calls > 0) m.steps = calls;
      usage.tokens += m.tokens;
      usage.by_model.push_back(std::move(m));
    }
  } else if (result_.contains("usage")) {
    // An older CLI without modelUsage: `usage` is then the whole main-model total.
    usage.by_model.push_back(ModelUsage{main_model(), claude_message_tokens(result_["usage"]),
                                        messages_of(main_model()), std::nullopt});
    usage.tokens = usage.by_model.back().tokens;
  }
  const json& details = result_.contains("usage") && result_["usage"].is_object()
                            ? result_["usage"].value("output_tokens_details", json())
                            : json();
  if (Count thinking = json_count(details, "thinking_tokens")) {
    usage.tokens.reasoning_tokens = thinking;
    for (ModelUsage& m : usage.by_model)
      if (m.model == main_model()) m.tokens.reasoning_tokens = thinking;
  }
  usage.steps = static_cast<std::int64_t>(messages_.size());
  usage.tool_calls = static_cast<std::int64_t>(tool_uses_.size());
  usage.cost_usd_reported = json_dollars(result_, "total_cost_usd");
  return usage;
}

AgentResult ClaudeCodeParser::finish(const ProcessResult& process) {
  AgentResult result = result_.is_object() ? result_status(process) : missing_result(process);
  result.usage = usage_;
  const std::string model = main_model();
  if (!init_model_.empty() || !messages_.empty()) result.model_reported = model;
  return result;
}

AgentResult ClaudeCodeParser::result_status(const ProcessResult& process) const {
  const std::string subtype = json_string(result_, "subtype");
  const bool is_error = result_.value("is_error", false);
  const std::string text = json_string(result_, "result");
  const std::string terminal = json_string(result_, "terminal_reason");
  if (subtype == "error_max_turns") {
    AgentResult r = ended(AgentStatus::kOverBudget,
                          fmt::format("Claude Code stopped at its --max-turns limit ({} turns)",
                                      json_count(result_, "num_turns").value_or(0)));
    r.limit_hit = "steps";
    return r;
  }
  if (subtype == "error_max_budget_usd") {
    AgentResult r = ended(AgentStatus::kOverBudget, "Claude Code stopped at its --max-budget-usd limit");
    r.limit_hit = "usd";
    return r;
  }
  const json status = result_.value("api_error_status", json());
  const bool api_error = !status.is_null() || terminal == "api_error" || !synthetic_error_.empty();
  if (is_error && api_error) {
    const std::string what = text.empty() ? synthetic_text_ : text;
    if (claude_provider_unavailable(status, synthetic_error_))
      return ended(AgentStatus::kInfraError,
                   fmt::format("provider unavailable: {} (after {} retries)", what, api_retries_));
    return ended(AgentStatus::kError, "the API refused the request: " + what);
  }
  if (is_error || subtype != "success")
    return ended(AgentStatus::kError,
                 fmt::format("Claude Code ended with {} ({}{}): {}", subtype.empty() ? "an error" : subtype,
                             exit_text(process), terminal.empty() ? "" : ", " + terminal, text));
  if (json_string(result_, "stop_reason") == "refusal")
    return ended(AgentStatus::kGaveUp, "the model refused: " + text);
  if (process.exit_code != 0)
    return ended(AgentStatus::kError,
                 fmt::format("Claude Code reported success but ended with {}", exit_text(process)));
  return ended(AgentStatus::kDone, text);
}

AgentResult ClaudeCodeParser::missing_result(const ProcessResult& process) const {
  if (!synthetic_error_.empty() && claude_provider_unavailable(json(), synthetic_error_))
    return ended(AgentStatus::kInfraError, "provider unavailable: " + synthetic_text_);
  return ended(AgentStatus::kError,
               fmt::format("Claude Code ended ({}) without a result event; {}", exit_text(process),
                           lines_read()));
}

}  // namespace landed
