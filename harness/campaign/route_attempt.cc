#include "harness/campaign/route_attempt.h"

#include <algorithm>

#include <fmt/format.h>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/campaign/attempt_paths.h"

namespace landed {
namespace {

constexpr std::size_t kCheckTailBytes = 2000;

std::string tail(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::string cut = text.substr(text.size() - bytes);
  const auto newline = cut.find('\n');
  return newline == std::string::npos ? cut : cut.substr(newline + 1);
}

/// Dollars add up only while every step is priced: one unknown makes the sum unknown.
void add_step_cost(Record& route, const Record& step, bool first) {
  route.cost_usd = first ? step.cost_usd
                         : (route.cost_usd && step.cost_usd
                                ? Dollars(*route.cost_usd + *step.cost_usd) : std::nullopt);
  if (first || route.price_status == "priced") route.price_status = step.price_status;
  for (const std::string& model : step.unpriced_models)
    if (std::find(route.unpriced_models.begin(), route.unpriced_models.end(), model) ==
        route.unpriced_models.end())
      route.unpriced_models.push_back(model);
}

void add_time(std::optional<double>& total, const std::optional<double>& more) {
  if (more) total = total.value_or(0) + *more;
}

RouteStepInfo step_info(const Record& step, const std::string& log_dir) {
  RouteStepInfo info;
  info.contender = step.contender;
  info.outcome = step.outcome;
  info.reason = step.reason;
  info.agent_status = step.agent.status;
  info.check = step.check;
  info.usage = step.usage;
  info.cost_usd = step.cost_usd;
  info.price_status = step.price_status;
  info.wall_time_s = step.wall_time_s;
  info.log_dir = log_dir;
  return info;
}

std::vector<std::string> trigger_names(const EscalationRule& rule) {
  std::vector<std::string> names;
  for (EscalationTrigger t : rule.on) names.emplace_back(to_string(t));
  return names;
}

/// Reads a step's candidate patch back from its folder, for the next step to start from.
CandidatePatch carried_patch(const Record& step, const AttemptContext& context) {
  CandidatePatch patch;
  if (step.patch.path.empty()) return patch;
  auto text = read_file(context.campaign_dir / step.patch.path);
  if (text.ok()) patch.text = std::move(text).value();
  return patch;
}

std::string check_log(const Record& step, const AttemptContext& context) {
  if (!step.check || step.check->log_path.empty()) return "";
  auto text = read_file(context.campaign_dir / step.check->log_path);
  return text.ok() ? tail(*text, kCheckTailBytes) : "";
}

}  // namespace

std::string failure_summary(const Record& step, const Task& task, const std::string& check_log) {
  std::string out = fmt::format(
      "\n\n---\nA previous attempt at this task by another agent ({}) did not succeed. Its "
      "changes are already in your working copy: keep what is right, fix what is not.\n",
      step.contender.id);
  // Outcomes decided before verification carry the agent's own words; a pass or fail
  // reason speaks of the hidden tests and must never reach the next agent.
  const bool agent_side = step.outcome == Outcome::kAgentError ||
                          step.outcome == Outcome::kTimeout || step.outcome == Outcome::kOverBudget;
  if (agent_side) out += fmt::format("It ended early: {}\n", step.reason);
  if (step.check && task.check) {
    const std::string status = step.check->timed_out ? "timed out"
                               : step.check->exit_code
                                   ? fmt::format("exited with status {}", *step.check->exit_code)
                                   : "could not run to completion";
    out += fmt::format("The task's check `{}` {}.\n", task.check->command, status);
    if (!check_log.empty()) out += "The end of its output:\n```\n" + check_log + "\n```\n";
  }
  return out;
}

Record combine_route_steps(const AttemptPlan& plan, const std::vector<Record>& steps,
                           const std::vector<std::string>& log_dirs) {
  const Route& route = *plan.route;
  const Record& last = steps.back();
  Record r = last;  // outcome, agent, check, verify, patch: the last step's
  bool simulated = true;
  for (const Record& s : steps) simulated = simulated && s.contender.simulated;
  r.attempt_id = plan.attempt_id();
  r.contender = route.row.info(simulated);
  r.reason = fmt::format("step {} of {} ({}): {}", steps.size(), route.steps.size(),
                         last.contender.id, last.reason);
  r.usage = Usage{};
  r.timing = PhaseTimes{};
  r.wall_time_s.reset();
  r.unpriced_models.clear();
  RouteInfo info{{}, trigger_names(route.rule), route.carry, {}};
  for (const Contender& c : route.steps) info.cascade.push_back(c.id);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Record& s = steps[i];
    r.usage += s.usage;
    add_step_cost(r, s, i == 0);
    add_time(r.timing.sandbox_s, s.timing.sandbox_s);
    add_time(r.timing.agent_s, s.timing.agent_s);
    add_time(r.timing.check_s, s.timing.check_s);
    add_time(r.timing.verify_s, s.timing.verify_s);
    add_time(r.wall_time_s, s.wall_time_s);
    RouteStepInfo step = step_info(s, i < log_dirs.size() ? log_dirs[i] : "");
    if (i + 1 < steps.size()) {
      const VisibleSignal signal = visible_signal(s);
      if (signal.trigger) step.escalated_on = std::string(to_string(*signal.trigger));
    }
    info.steps.push_back(std::move(step));
  }
  r.started_at = steps.front().started_at;
  r.route = std::move(info);
  return r;
}

Record run_route_attempt(const AttemptPlan& plan, const AttemptContext& context) {
  const Route& route = *plan.route;
  // A retried route attempt starts over: no step folder of an earlier try survives.
  AttemptPaths route_paths(context.campaign_dir, plan);
  (void)route_paths.create();
  std::vector<Record> steps;
  std::vector<std::string> log_dirs;
  RouteStepOf step_of;
  step_of.route_id = route.row.id;
  Task carried = *plan.task;
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    step_of.index = static_cast<int>(i);
    AttemptPlan step_plan{route.carry ? &carried : plan.task, &route.steps[i], plan.repeat,
                          nullptr, &step_of};
    log_dirs.push_back(AttemptPaths(context.campaign_dir, step_plan).relative(
        AttemptPaths(context.campaign_dir, step_plan).dir()));
    steps.push_back(run_attempt(step_plan, context));
    const Record& step = steps.back();
    if (step.outcome == Outcome::kInfraError) break;  // the whole route attempt is retried
    if (i + 1 == route.steps.size() || !route.rule.escalates(step)) break;
    if (route.carry) {
      carried.prompt = plan.task->prompt + failure_summary(step, *plan.task, check_log(step, context));
      step_of.start_patch = carried_patch(step, context);
    }
  }
  return combine_route_steps(plan, steps, log_dirs);
}

}  // namespace landed
