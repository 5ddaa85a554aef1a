// Reads `codex exec --json` output (one JSON event a line: thread.started, turn.started,
// item.started/completed, turn.completed with usage, turn.failed, error) into normalized usage
// and a final status. See runners/README.md "codex" for the fields.
//
// `turn.completed.usage` is cumulative for the thread: the last one is the total, never a sum.
// Its input_tokens include cached tokens; output_tokens include reasoning. Codex reports no
// cost. A failed turn reports no usage in the stream; the session log (codex_session.h) still
// has every answered call, so usage and steps come from there when the stream has none.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "runners/codex_session.h"
#include "runners/json_lines_parser.h"

namespace landed {

class CodexParser final : public JsonLinesParser {
 public:
  /// `codex_home`: Codex's home folder, to read its session log (null: steps stay unknown).
  /// `network_waits`: stop after this many "waiting for network" reconnects (Codex would wait
  /// for an unreachable provider until the wall-clock limit).
  CodexParser(std::string default_model, std::optional<std::filesystem::path> codex_home,
              int network_waits);
  const Usage& usage() const override { return usage_; }
  bool wants_stop() const override { return network_waits_ >= network_wait_limit_; }
  AgentResult finish(const ProcessResult& process) override;

 private:
  void on_event(nlohmann::json& event) override;
  void on_item(const nlohmann::json& item);
  void on_error(const std::string& message);
  void rebuild_usage();
  AgentResult status(const ProcessResult& process) const;

  std::string default_model_;
  std::optional<CodexSessionLog> session_;
  int network_wait_limit_;
  std::string thread_id_;
  std::optional<TokenUsage> turn_tokens_;   // the last turn.completed
  std::optional<std::string> turn_failed_;  // its error message
  std::string last_error_;
  std::string last_message_;
  std::set<std::string> tool_items_;
  int reconnects_ = 0;
  int network_waits_ = 0;
  Usage usage_;
};

/// True when a Codex error message means the provider never answered (rate limit, overload,
/// 5xx, no connection) rather than refusing the request.
bool codex_provider_unavailable(const std::string& message);

}  // namespace landed
