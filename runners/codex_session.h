// Codex's own session log ($CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<thread id>.jsonl),
// read as it grows. It has one `token_usage_record` per model call, which the `codex exec
// --json` stream lacks: the Codex runner counts model calls (steps) from it and gets usage
// while a turn runs (the stream reports usage only when the turn completes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "results/model/usage.h"

namespace landed {

/// Codex's usage object, normalized: its input_tokens include cached (and cache-write) tokens
/// and its output_tokens include reasoning.
TokenUsage codex_tokens(const nlohmann::json& usage);

class CodexSessionLog {
 public:
  explicit CodexSessionLog(std::filesystem::path codex_home) : home_(std::move(codex_home)) {}
  /// Reads the lines appended since the last call (finds the file first, by thread id).
  void poll(const std::string& thread_id);
  bool found() const { return !path_.empty(); }
  std::int64_t calls() const { return static_cast<std::int64_t>(responses_.size()); }
  const TokenUsage& tokens() const { return tokens_; }
  /// The model of the latest turn_context, or "".
  const std::string& model() const { return model_; }

 private:
  void on_line(const std::string& line);

  std::filesystem::path home_;
  std::filesystem::path path_;
  std::uintmax_t offset_ = 0;
  std::string partial_;
  std::set<std::string> responses_;
  TokenUsage tokens_;
  std::string model_;
};

}  // namespace landed
