// One route attempt: a cascade of contenders on one task, repeat r. Each step is a whole
// attempt of the step's contender (harness/campaign/attempt.h) in a fresh sandbox, with its
// own seed and its own folder (attempts/<task>/<route>/r<k>/step<i>/). After each step the
// route's escalation rule reads only the visible signal (scoring/routing_rule.h): the agent's
// status and the task's [check], never the hidden tests. The route's record takes its outcome,
// check, verify and patch from the last step taken; its usage, cost and phase times are the
// sums over the steps, and `route.steps` lists each one.
#pragma once

#include <vector>

#include "harness/campaign/attempt.h"
#include "harness/campaign/route.h"

namespace landed {

/// `plan.route` must be set; `plan.contender` is the route's row. Never throws.
Record run_route_attempt(const AttemptPlan& plan, const AttemptContext& context);

/// The short summary of a step's visible failure that a carrying route appends to the next
/// step's prompt: how the agent ended and the tail of the check's output. Never hidden tests.
std::string failure_summary(const Record& step, const Task& task, const std::string& check_log);

/// The route attempt's record from the records of the steps it took (at least one).
Record combine_route_steps(const AttemptPlan& plan, const std::vector<Record>& steps,
                           const std::vector<std::string>& log_dirs);

}  // namespace landed
