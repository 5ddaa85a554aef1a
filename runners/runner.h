// The runner interface: how an agent is started on a task in its sandbox, and what it did.
// A new agent tool is one RunnerDefinition (its command line) plus one OutputParser (its output);
// see subprocess_runner.h. Built-in runners (noop, oracle) implement Runner directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/process/process.h"
#include "harness/task/task.h"
#include "results/model/usage.h"
#include "runners/contender.h"

namespace landed {

/// Everything a runner needs for one attempt.
struct AgentRequest {
  const Task& task;
  const Contender& contender;
  std::filesystem::path sandbox;   // the agent's working copy: its current directory
  std::filesystem::path log_dir;   // outside the sandbox: prompt, stdout, stderr go here
  std::string attempt_id;
  std::string attempt_token;       // marks every process of the attempt (see process.h)
  std::uint64_t seed = 0;          // derived from the attempt id: simulated agents use it
  ProcessRunner& processes;
  /// Dollar cost of usage so far, from the price table; null when unpriced. Used for max_usd.
  std::function<Dollars(const Usage&)> price;
  /// A folder outside the sandbox and the campaign folder, removed with the attempt: runners
  /// put a tool's private HOME or config there. Empty when the caller has none.
  std::filesystem::path scratch_dir = {};
  /// What the agent process may reach (harness/process/isolation.h); the runner adds the files it
  /// hands the agent by path (AgentCommand::read_only_paths). Mode none: everything.
  IsolationSpec isolation = {};
  /// The task's resolved [environment] ("NAME=value"; harness/campaign/task_environment.h):
  /// toolchain variables the agent's processes get over the inherited ones.
  std::vector<std::string> environment = {};
  /// When the contender is metered: the attempt's base URL on landed's metering proxy
  /// (http://127.0.0.1:PORT/a/<token>), which the runner gives the tool by its own setting in
  /// place of the provider's base URL (see runners/metering.h). Empty: not metered.
  std::string meter_base_url = {};
  /// Readable once the proxy refused a call for a limit: the agent is then stopped. -1: none.
  int stop_fd = -1;
};

/// How the agent's run ended, before any verification.
enum class AgentStatus { kDone, kGaveUp, kError, kTimeout, kOverBudget, kInfraError };
std::string_view to_string(AgentStatus status);

struct AgentResult {
  AgentStatus status = AgentStatus::kError;
  std::string reason;                        // in words, for every status but done
  Usage usage;
  std::optional<std::string> limit_hit;      // steps, tokens, usd, wall_time
  std::optional<std::string> model_reported; // the model the tool said it used
  std::optional<ProcessResult> process;      // null for in-process runners
  std::filesystem::path stdout_path;         // empty for in-process runners
  std::filesystem::path stderr_path;
};

class Runner {
 public:
  virtual ~Runner() = default;
  virtual AgentResult run(const AgentRequest& request) = 0;
  /// True for runners that never call a real model (sim): labelled simulated everywhere.
  virtual bool simulated() const { return false; }
  /// Whether an attempt of `contender` could start: its runner options are known, its program
  /// is found, its env_from secrets are set. An error names the contender and the fix. Writes
  /// only in a temporary folder it removes. (`run --dry-run` and `run` ask before starting.)
  virtual Status check_start(const Contender& contender) const {
    (void)contender;
    return ok_status();
  }
};

}  // namespace landed
