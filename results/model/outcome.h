// The outcome of one attempt, as written in the record's `outcome` field.
#pragma once

#include <optional>
#include <string_view>

namespace landed {

enum class Outcome {
  kPass,         // the hidden tests passed
  kFail,         // the hidden tests failed
  kAgentError,   // the agent crashed, gave up or printed nothing usable
  kTimeout,      // the agent ran past its wall-clock limit
  kOverBudget,   // the agent crossed a step, token or dollar limit
  kInfraError,   // the harness, sandbox or verifier broke: not the model's fault
};

std::string_view to_string(Outcome outcome);
std::optional<Outcome> outcome_from_string(std::string_view text);

/// Infra errors are not the model's fault: they are excluded from pass rates.
inline bool counts_toward_pass_rate(Outcome outcome) { return outcome != Outcome::kInfraError; }

}  // namespace landed
