#include "runners/gemini_cli_parser.h"

#include "runners/agent_cli_support.h"

namespace landed {
namespace {

using nlohmann::json;

/// The CLI exits with an API error's HTTP status modulo 256: 429 -> 173, 500 -> 244, ...
bool exit_says_provider_unavailable(const ProcessResult& process) {
  if (!process.exit_code) return false;
  for (int status : {429, 500, 502, 503, 504})
    if (*process.exit_code == status % 256) return true;
  return false;
}

}  // namespace

/// One model's tokens from its `stats.models` entry; null counts where a field is missing.
TokenUsage gemini_model_tokens(const json& entry) {
  const Count prompt = json_count(entry, "input_tokens");
  const Count cached = json_count(entry, "cached");
  const Count candidates = json_count(entry, "output_tokens");
  const Count total = json_count(entry, "total_tokens");
  TokenUsage tokens;
  if (prompt && cached && *cached <= *prompt) tokens.input_tokens = *prompt - *cached;
  tokens.cache_read_tokens = cached;
  if (prompt) tokens.cache_write_tokens = 0;
  if (prompt && candidates && total && *total >= *prompt + *candidates) {
    tokens.reasoning_tokens = *total - *prompt - *candidates;
    tokens.output_tokens = *candidates + *tokens.reasoning_tokens;
  } else if (candidates) {
    tokens.output_tokens = candidates;  // thoughts unknown: reasoning stays null
  }
  return tokens;
}

Usage gemini_stats_usage(const json& stats, const std::string& main_model, Count steps) {
  Usage usage;
  const json models = stats.is_object() ? stats.value("models", json::object()) : json::object();
  bool main_seen = false;
  for (const auto& [name, entry] : models.items()) {
    if (!entry.is_object()) continue;
    ModelUsage model{name, gemini_model_tokens(entry), std::nullopt, std::nullopt};
    if (name == main_model) {
      model.steps = steps;
      main_seen = true;
    }
    usage.tokens += model.tokens;
    usage.by_model.push_back(std::move(model));
  }
  if (!main_seen && steps && *steps > 0 && usage.by_model.size() == 1)
    usage.by_model.front().steps = steps;  // the CLI named the model differently (an alias)
  usage.steps = steps;
  usage.tool_calls = json_count(stats, "tool_calls");
  return usage;
}

void GeminiCliParser::on_event(json& event) {
  const std::string type = json_string(event, "type");
  if (type == "init") {
    const std::string model = json_string(event, "model");
    if (!model.empty()) model_reported_ = model;
  } else if (type == "message" && json_string(event, "role") == "assistant") {
    on_model_output();
  } else if (type == "tool_use") {
    on_model_output();
    ++tool_uses_seen_;
    usage_.tool_calls = tool_uses_seen_;
  } else if (type == "tool_result") {
    in_model_call_ = false;
  } else if (type == "error") {
    last_warning_ = json_string(event, "message");
  } else if (type == "result") {
    on_result(event);
  }
}

void GeminiCliParser::on_model_output() {
  if (in_model_call_) return;
  in_model_call_ = true;
  ++steps_seen_;
  usage_.steps = steps_seen_;
}

void GeminiCliParser::on_result(const json& event) {
  result_status_ = json_string(event, "status");
  const json error = event.value("error", json());
  error_type_ = json_string(error, "type");
  error_message_ = json_string(error, "message");
  if (auto it = event.find("stats"); it != event.end() && it->is_object()) {
    Usage usage = gemini_stats_usage(*it, model_reported_.value_or(default_model_), steps_seen_);
    if (!usage.tool_calls) usage.tool_calls = usage_.tool_calls;
    usage_ = std::move(usage);
  }
}

AgentResult GeminiCliParser::verdict(const ProcessResult& process) const {
  const std::string exit = exit_text(process);
  if (!result_status_)
    return ended(AgentStatus::kError,
                 fmt::format("Gemini CLI ended ({}) without a result event; {}", exit, lines_read()));
  if (*result_status_ == "success" && process.exit_code == 0)
    return ended(AgentStatus::kDone, last_warning_);
  const std::string message = error_message_.empty() ? last_warning_ : error_message_;
  if (error_type_ == "FatalTurnLimitedError" || process.exit_code == kGeminiExitTurnLimit)
    return ended(AgentStatus::kError, "Gemini CLI reached its turn limit: " + message);
  if (provider_unavailable_message(message) || exit_says_provider_unavailable(process))
    return ended(AgentStatus::kInfraError,
                 fmt::format("provider unavailable: {} ({})", message, exit));
  if (process.exit_code == kGeminiExitInputError)
    return ended(AgentStatus::kError, "Gemini CLI rejected its input: " + message);
  if (*result_status_ == "success")
    return ended(AgentStatus::kError,
                 fmt::format("Gemini CLI reported success but ended with {}", exit));
  return ended(AgentStatus::kError,
               fmt::format("Gemini CLI failed ({}): {}{}", exit,
                           error_type_.empty() ? "" : error_type_ + ": ", message));
}

AgentResult GeminiCliParser::finish(const ProcessResult& process) {
  AgentResult result = verdict(process);
  result.usage = usage_;
  result.model_reported = model_reported_;
  return result;
}

}  // namespace landed
