// A runner whose agent is a child process: a RunnerDefinition says how to start it and an
// OutputParser reads its stdout as it streams, so limits are enforced while it runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runners/runner.h"

namespace landed {

/// Reads one agent tool's stdout, line by line, into normalized usage and a final status.
class OutputParser {
 public:
  virtual ~OutputParser() = default;
  virtual void on_line(std::string_view line) = 0;
  /// Usage seen so far: limits are checked against it after every line.
  virtual const Usage& usage() const = 0;
  /// True when the output shows the tool is stuck on an error it will not get past (e.g. it
  /// waits forever for an unreachable provider): the runner stops it and calls finish().
  virtual bool wants_stop() const { return false; }
  /// The tool's own verdict once the process ended (exit status in `process`).
  virtual AgentResult finish(const ProcessResult& process) = 0;
};

struct AgentCommand {
  std::vector<std::string> argv;
  std::vector<std::string> env;    // "KEY=VALUE" added to the base environment
  /// Files and folders outside the sandbox the agent is handed by path (its prompt file):
  /// readable under isolation.
  std::vector<std::filesystem::path> read_only_paths;
};

/// How one agent tool is started. One definition per tool.
class RunnerDefinition {
 public:
  virtual ~RunnerDefinition() = default;
  virtual Result<AgentCommand> command(const AgentRequest& request) const = 0;
  virtual std::unique_ptr<OutputParser> parser(const AgentRequest& request) const = 0;
  virtual bool simulated() const { return false; }
};

class SubprocessRunner final : public Runner {
 public:
  explicit SubprocessRunner(std::unique_ptr<RunnerDefinition> definition)
      : definition_(std::move(definition)) {}
  AgentResult run(const AgentRequest& request) override;
  bool simulated() const override { return definition_->simulated(); }
  Status check_start(const Contender& contender) const override;  // subprocess_start_check.cc

 private:
  std::unique_ptr<RunnerDefinition> definition_;
};

/// Which limit `usage` crosses, if any ("steps", "tokens", "usd").
std::optional<std::string> crossed_limit(const Limits& limits, const Usage& usage,
                                         const std::function<Dollars(const Usage&)>& price);

/// The environment every agent starts with: landed's PATH, HOME, locale and terminal settings,
/// then the contender's env, then its env_from secrets resolved from landed's environment.
Result<std::vector<std::string>> agent_environment(const AgentRequest& request,
                                                   const std::vector<std::string>& extra);

}  // namespace landed
