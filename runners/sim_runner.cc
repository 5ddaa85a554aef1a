// The sim runner: runs `landed sim-agent` (this same binary) as the agent. Never a real model.
#include "runners/sim_runner.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runners/native_protocol.h"
#include "runners/sim_profile.h"

namespace landed {
namespace {

Result<std::string> own_executable() {
  char path[4096];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return errno_error("readlink", "/proc/self/exe");
  return std::string(path, static_cast<size_t>(n));
}

class SimDefinition final : public RunnerDefinition {
 public:
  Result<AgentCommand> command(const AgentRequest& request) const override {
    const Contender& c = request.contender;
    LANDED_TRY_STATUS(sim_profile(c.model.value_or("sim"), c.effort.value_or("medium"), c.options));
    LANDED_TRY(std::string self, own_executable());
    AgentCommand command;
    command.argv = {self, "sim-agent"};
    LANDED_TRY(command.env, native_agent_environment(request));
    command.read_only_paths.push_back(native_prompt_path(request));
    command.env.push_back("LANDED_SIM_SOLUTION_DIR=" + request.task.solution_dir.string());
    // The simulator is landed's own stand-in for a model: it reads the reference solution.
    command.read_only_paths.push_back(request.task.solution_dir);
    command.env.push_back("LANDED_SIM_OPTIONS=" + nlohmann::json(c.options).dump());
    return command;
  }

  std::unique_ptr<OutputParser> parser(const AgentRequest& request) const override {
    return std::make_unique<NativeProtocolParser>(request.contender.model.value_or("sim"));
  }

  bool simulated() const override { return true; }
};

}  // namespace

std::unique_ptr<Runner> make_sim_runner() {
  return std::make_unique<SubprocessRunner>(std::make_unique<SimDefinition>());
}

}  // namespace landed
