// landed-agent's output: the native event protocol of runners/PROTOCOL.md, one JSON object
// per line, flushed at once so landed enforces limits while the agent runs.
#pragma once

#include <ostream>
#include <string>

#include "results/model/usage.h"

namespace landed::agent {

class EventWriter {
 public:
  explicit EventWriter(std::ostream& out) : out_(out) {}
  /// One model call; unknown counts are left out (null), never written as 0.
  void step(const std::string& model, const TokenUsage& usage);
  void tool(const std::string& name);
  /// status: done, gave_up, error or infra_error.
  void final(const std::string& status, const std::string& reason, const std::string& model);

 private:
  std::ostream& out_;
};

}  // namespace landed::agent
