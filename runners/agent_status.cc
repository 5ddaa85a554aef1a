#include "runners/runner.h"

namespace landed {

std::string_view to_string(AgentStatus status) {
  switch (status) {
    case AgentStatus::kDone: return "done";
    case AgentStatus::kGaveUp: return "gave_up";
    case AgentStatus::kError: return "error";
    case AgentStatus::kTimeout: return "timeout";
    case AgentStatus::kOverBudget: return "over_budget";
    case AgentStatus::kInfraError: return "infra_error";
  }
  return "error";
}

}  // namespace landed
