// The simulated agent's behaviour: how likely it solves a task of each difficulty and how
// many tokens and steps it spends, by model and effort. Every number can be overridden per
// contender with [contender.options]. Simulated results are labelled simulated everywhere.
#pragma once

#include <map>
#include <string>

#include "harness/base/error.h"

namespace landed {

struct SimProfile {
  double pass_easy = 0.8, pass_medium = 0.6, pass_hard = 0.35;
  double steps_easy = 4, steps_medium = 8, steps_hard = 14;  // mean model calls
  double prompt_tokens = 2500;        // context at the first call
  double context_growth = 900;        // tokens each call adds to the context
  double output_per_step = 350;
  double reasoning_share = 0.35;      // of output
  double cache_hit = 0.85;            // share of the previous context read from cache
  double give_up = 0.03;              // chance of giving up instead of finishing
  int step_delay_ms = 15;             // wall time per simulated call

  double pass_probability(const std::string& difficulty) const;
  double mean_steps(const std::string& difficulty) const;
};

/// The profile for a model (sim-frontier, sim-budget, anything else: a middle profile),
/// adjusted for effort (low, medium, high, xhigh), then overridden by `options`.
Result<SimProfile> sim_profile(const std::string& model, const std::string& effort,
                               const std::map<std::string, std::string>& options);

}  // namespace landed
