#include "runners/codex_parser.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "runners/agent_cli_support.h"

namespace landed {
namespace {

using nlohmann::json;

/// Item types that are the agent acting through a tool.
constexpr std::array<std::string_view, 4> kToolItems = {"command_execution", "file_change",
                                                         "mcp_tool_call", "web_search"};

/// Phrases of Codex's messages for errors it retries: the provider did not answer.
constexpr std::array<std::string_view, 14> kUnavailable = {
    "status 429",          "status: 429",       "status 5",          "status: 5",
    "too many requests",   "rate limit",        "high demand",       "overloaded",
    "service unavailable", "connection failed", "error sending request",
    "stream disconnected", "timed out",         "waiting for network"};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

bool codex_provider_unavailable(const std::string& message) {
  const std::string text = lower(message);
  return std::any_of(kUnavailable.begin(), kUnavailable.end(),
                     [&](std::string_view phrase) { return text.find(phrase) != std::string::npos; });
}

CodexParser::CodexParser(std::string default_model, std::optional<std::filesystem::path> codex_home,
                         int network_waits)
    : default_model_(std::move(default_model)), network_wait_limit_(std::max(network_waits, 1)) {
  if (codex_home) session_.emplace(*codex_home);
}

void CodexParser::on_event(json& event) {
  const std::string type = json_string(event, "type");
  if (type == "thread.started") {
    thread_id_ = json_string(event, "thread_id");
  } else if (type == "turn.started") {
    turn_failed_.reset();
  } else if (type == "turn.completed") {
    turn_tokens_ = codex_tokens(event.value("usage", json()));
  } else if (type == "turn.failed") {
    turn_failed_ = json_string(event.value("error", json()), "message");
  } else if (type == "error") {
    on_error(json_string(event, "message"));
  } else if ((type == "item.started" || type == "item.completed") && event.contains("item")) {
    on_item(event["item"]);
  }
  if (session_) session_->poll(thread_id_);
  rebuild_usage();
}

void CodexParser::on_item(const json& item) {
  const std::string type = json_string(item, "type");
  if (std::find(kToolItems.begin(), kToolItems.end(), type) != kToolItems.end())
    tool_items_.insert(json_string(item, "id"));
  if (type == "agent_message") last_message_ = json_string(item, "text");
}

void CodexParser::on_error(const std::string& message) {
  last_error_ = message;
  if (message.starts_with("Reconnecting")) ++reconnects_;
  if (lower(message).find("waiting for network") != std::string::npos) ++network_waits_;
}

void CodexParser::rebuild_usage() {
  Usage usage;
  Count steps;
  if (session_ && session_->found()) steps = session_->calls();
  std::optional<TokenUsage> tokens = turn_tokens_;
  if (!tokens && session_ && session_->calls() > 0) tokens = session_->tokens();
  if (tokens) {
    std::string model = session_ ? session_->model() : std::string();
    usage.by_model.push_back(ModelUsage{model.empty() ? default_model_ : model, *tokens, steps,
                                        std::nullopt});
    usage.tokens = *tokens;
  }
  usage.steps = steps;
  usage.tool_calls = static_cast<std::int64_t>(tool_items_.size());
  usage_ = std::move(usage);
}

AgentResult CodexParser::finish(const ProcessResult& process) {
  if (session_) session_->poll(thread_id_);
  rebuild_usage();
  AgentResult result = status(process);
  result.usage = usage_;
  if (session_ && !session_->model().empty()) result.model_reported = session_->model();
  return result;
}

AgentResult CodexParser::status(const ProcessResult& process) const {
  if (network_waits_ >= network_wait_limit_)
    return ended(AgentStatus::kInfraError,
                 fmt::format("provider unreachable: stopped Codex after {} waits for the network "
                             "({})", network_waits_, last_error_));
  if (turn_failed_ || (!turn_tokens_ && !last_error_.empty())) {
    const std::string message = turn_failed_ ? *turn_failed_ : last_error_;
    if (codex_provider_unavailable(message))
      return ended(AgentStatus::kInfraError,
                   fmt::format("provider unavailable: {} (after {} reconnects)", message, reconnects_));
    return ended(AgentStatus::kError, "Codex's turn failed: " + message);
  }
  if (!turn_tokens_)
    return ended(AgentStatus::kError,
                 fmt::format("Codex ended ({}) without turn.completed; {}", exit_text(process), lines_read()));
  if (process.exit_code != 0)
    return ended(AgentStatus::kError,
                 fmt::format("Codex completed its turn but ended with {}", exit_text(process)));
  return ended(AgentStatus::kDone, last_message_);
}

}  // namespace landed
