// The simulated agent, run as `landed sim-agent` in the sandbox by the sim runner. It acts on
// the sandbox for real: with the profile's probability for the task's difficulty it applies
// the reference solution, else it makes a plausible wrong change; it prints realistic usage
// through the native protocol (runners/PROTOCOL.md). Seeded: the same attempt does the same.
#pragma once

#include <ostream>

namespace landed {

/// Reads its settings from the LANDED_* environment; returns the process exit status.
int run_sim_agent(std::ostream& out);

}  // namespace landed
