// The native event protocol (runners/PROTOCOL.md): JSON lines on stdout, one per model call
// with its usage, one final line with the status. Any program can act as an agent through it.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "runners/json_lines_parser.h"

namespace landed {

class NativeProtocolParser final : public JsonLinesParser {
 public:
  /// `default_model` names the usage of step lines that do not say which model they used.
  explicit NativeProtocolParser(std::string default_model) : default_model_(std::move(default_model)) {}
  const Usage& usage() const override { return usage_; }
  AgentResult finish(const ProcessResult& process) override;

 private:
  void on_event(nlohmann::json& event) override;
  void on_step(const nlohmann::json& event);
  void on_final(const nlohmann::json& event);

  std::string default_model_;
  Usage usage_;
  std::optional<std::string> final_status_;
  std::string final_reason_;
  std::optional<std::string> model_reported_;
};

/// Writes the prompt next to the logs and returns the LANDED_* variables every native agent gets.
Result<std::vector<std::string>> native_agent_environment(const AgentRequest& request);
/// Where native_agent_environment writes the prompt (LANDED_PROMPT_FILE): outside the sandbox,
/// so an isolated agent is handed it read-only.
std::filesystem::path native_prompt_path(const AgentRequest& request);

}  // namespace landed
