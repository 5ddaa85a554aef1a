#include "harness/campaign/setup_step.h"

#include "harness/campaign/shell_command.h"

namespace landed {

std::string setup_key(const CommandSpec& setup, const ResolvedEnvironment& env) {
  std::string key = "landed-setup-v1\n" + setup.command + '\n';
  for (const std::string& variable : env.variables) key += variable + '\n';
  return key;
}

Result<SetupLayer> setup_layer_for(const Task& task, const ResolvedEnvironment& env,
                                   const BaseCommit& base, const std::filesystem::path& log,
                                   const std::filesystem::path& work_dir,
                                   ProcessRunner& processes) {
  const CommandSpec& setup = *task.setup;
  const int timeout_s = setup.timeout_s.value_or(kDefaultSetupTimeoutS);
  SetupStep step;
  step.key = setup_key(setup, env);
  step.log = log;
  step.run = [&](const std::filesystem::path& tree) -> Status {
    LANDED_TRY(ProcessResult result, run_shell_command(processes, setup.command, tree, log,
                                                       timeout_s, work_dir / "setup",
                                                       /*isolation=*/{}, env.variables));
    if (result.timed_out) return make_error("timed out after {} s", timeout_s);
    if (result.exit_code && *result.exit_code == 0) return ok_status();
    if (result.exit_code) return make_error("exit status {}", *result.exit_code);
    return make_error("killed by signal {}", result.signal.value_or(0));
  };
  return setup_layer(base, step);
}

}  // namespace landed
