#include "results/model/outcome.h"

#include <array>
#include <utility>

namespace landed {
namespace {
constexpr std::array<std::pair<Outcome, std::string_view>, 6> kNames{{
    {Outcome::kPass, "pass"},
    {Outcome::kFail, "fail"},
    {Outcome::kAgentError, "agent_error"},
    {Outcome::kTimeout, "timeout"},
    {Outcome::kOverBudget, "over_budget"},
    {Outcome::kInfraError, "infra_error"},
}};
}  // namespace

std::string_view to_string(Outcome outcome) {
  for (const auto& [value, name] : kNames)
    if (value == outcome) return name;
  return "unknown";
}

std::optional<Outcome> outcome_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace landed

#include <fmt/format.h>

#include "results/model/record.h"

namespace landed {

std::string attempt_key(std::string_view attempt_id, std::string_view task_digest,
                        std::string_view contender_fingerprint) {
  return fmt::format("{}#{}#{}", attempt_id, task_digest.substr(0, 16), contender_fingerprint);
}

}  // namespace landed
