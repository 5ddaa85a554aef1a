// `landed sim-agent`: the simulated agent's process (started by the sim runner, not by users).
#include <iostream>

#include "harness/cli/commands.h"
#include "runners/sim_agent.h"

namespace landed::cli {

void register_sim_agent(CLI::App& app) {
  auto* command = app.add_subcommand("sim-agent", "The simulated agent (started by the sim runner)");
  command->group("");  // hidden from --help: users never call it
  command->footer("Exit status: 0 the simulated agent finished, non-zero it crashed.");
  command->callback([] { exit_code() = run_sim_agent(std::cout); });
}

}  // namespace landed::cli
