#include "scoring/routing_rule.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landed {
namespace {

constexpr std::array<std::pair<EscalationTrigger, std::string_view>, 5> kNames{{
    {EscalationTrigger::kCheckFailed, "check_failed"},
    {EscalationTrigger::kGaveUp, "gave_up"},
    {EscalationTrigger::kAgentError, "agent_error"},
    {EscalationTrigger::kTimeout, "timeout"},
    {EscalationTrigger::kOverBudget, "over_budget"},
}};

bool check_passed(const ProcessInfo& check) {
  return check.exit_code == 0 && !check.timed_out && !check.signal;
}

}  // namespace

std::string_view to_string(EscalationTrigger trigger) {
  for (const auto& [t, name] : kNames)
    if (t == trigger) return name;
  return "unknown";
}

std::optional<EscalationTrigger> escalation_trigger_from_string(std::string_view text) {
  for (const auto& [t, name] : kNames)
    if (name == text) return t;
  return std::nullopt;
}

const std::vector<EscalationTrigger>& all_escalation_triggers() {
  static const std::vector<EscalationTrigger> all = [] {
    std::vector<EscalationTrigger> v;
    for (const auto& [t, name] : kNames) v.push_back(t);
    return v;
  }();
  return all;
}

VisibleSignal visible_signal(const Record& r) {
  switch (r.outcome) {
    case Outcome::kInfraError: return {true, std::nullopt};
    case Outcome::kTimeout: return {false, EscalationTrigger::kTimeout};
    case Outcome::kOverBudget: return {false, EscalationTrigger::kOverBudget};
    case Outcome::kAgentError:
      return {false, r.agent.status == "gave_up" ? EscalationTrigger::kGaveUp
                                                 : EscalationTrigger::kAgentError};
    case Outcome::kPass:
    case Outcome::kFail: break;
  }
  if (!r.check) return {};
  if (check_passed(*r.check)) return {};
  return {false, EscalationTrigger::kCheckFailed};
}

bool EscalationRule::fires(EscalationTrigger trigger) const {
  return std::find(on.begin(), on.end(), trigger) != on.end();
}

bool EscalationRule::escalates(const Record& record) const {
  const VisibleSignal signal = visible_signal(record);
  return signal.trigger && fires(*signal.trigger);
}

std::string EscalationRule::describe() const {
  std::vector<std::string_view> names;
  for (EscalationTrigger t : on) names.push_back(to_string(t));
  return fmt::format("{}", fmt::join(names, ","));
}

Result<EscalationRule> parse_escalation_rule(const std::vector<std::string>& names) {
  EscalationRule rule;
  rule.on.clear();
  for (const std::string& item : names) {
    std::string_view rest = item;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view name = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      if (name.empty()) continue;
      auto trigger = escalation_trigger_from_string(name);
      if (!trigger)
        return make_error("unknown escalation trigger \"{}\" (known: check_failed, gave_up, "
                          "agent_error, timeout, over_budget)", name);
      if (!rule.fires(*trigger)) rule.on.push_back(*trigger);
    }
  }
  if (rule.on.empty()) return make_error("an escalation rule needs at least one trigger");
  std::sort(rule.on.begin(), rule.on.end());
  return rule;
}

}  // namespace landed
