// The escalation rule of a route: when a cascade moves on to its next contender. It reads only
// what a real router could see after the agent finished — how the agent ended and the task's
// visible [check] — never the hidden tests. Live routes (harness/campaign/route_attempt) and the
// offline what-if analysis (scoring/routing) decide with this one function, so they agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

/// A visible reason to escalate.
enum class EscalationTrigger {
  kCheckFailed,  // the agent finished but the task's visible [check] did not exit 0
  kGaveUp,       // the agent said it gave up
  kAgentError,   // the agent crashed or printed nothing usable
  kTimeout,      // the wall-clock limit
  kOverBudget,   // a step, token or dollar limit
};

std::string_view to_string(EscalationTrigger trigger);
std::optional<EscalationTrigger> escalation_trigger_from_string(std::string_view text);
/// Every trigger, in declaration order.
const std::vector<EscalationTrigger>& all_escalation_triggers();

/// What a router sees of one finished attempt.
struct VisibleSignal {
  bool infra = false;                        // infra_error: the attempt says nothing
  std::optional<EscalationTrigger> trigger;  // null: the attempt looks done and good
};

/// Derived from outcome only where the outcome was decided before any verification
/// (agent_error, timeout, over_budget), from agent.status (gave_up vs error) and from `check`.
/// A pass or fail outcome is never read: for an agent that finished, only the check counts.
/// A task without [check] gives no signal after a finished agent: the router accepts it.
/// A check that could not start or was killed counts as failed: nothing confirmed the work.
VisibleSignal visible_signal(const Record& record);

struct EscalationRule {
  std::vector<EscalationTrigger> on = all_escalation_triggers();

  bool fires(EscalationTrigger trigger) const;
  /// True when `record` shows a trigger this rule escalates on.
  bool escalates(const Record& record) const;
  /// "check_failed,gave_up,...".
  std::string describe() const;
};

/// Parses "check_failed,gave_up" (or the names one by one); an unknown name is an error.
Result<EscalationRule> parse_escalation_rule(const std::vector<std::string>& names);

}  // namespace landed
