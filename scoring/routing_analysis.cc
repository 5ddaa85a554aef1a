#include "scoring/routing_analysis.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landed {
namespace {

constexpr double kAgreementLevel = 0.05;

/// A live route's records summed up like a policy: each attempt is one cell.
PolicyResult live_result(const std::string& id, const std::vector<std::string>& cascade,
                         const std::vector<RoutedAttempt>& attempts) {
  OutcomeMatrix matrix;
  for (std::size_t i = 0; i < attempts.size(); ++i)
    matrix.add(id, fmt::format("{:08d}", i), "", attempts[i]);
  PolicyResult result = evaluate_cascade(matrix, {0}, EscalationRule{});
  result.id = id;
  result.kind = PolicyKind::kCascade;
  result.steps = cascade;
  result.steps_per_attempt.reset();
  result.escalation_rate.reset();
  return result;
}

Result<std::vector<std::size_t>> indices_of(const OutcomeMatrix& matrix,
                                            const std::vector<std::string>& ids) {
  std::vector<std::size_t> steps;
  for (const std::string& id : ids) {
    auto index = matrix.contender_index(id);
    if (!index)
      return make_error("contender \"{}\" has no single-contender records (known: {})", id,
                        fmt::join(matrix.contenders(), ", "));
    steps.push_back(*index);
  }
  return steps;
}

void compare_live(LiveRoute& route, const OutcomeMatrix& matrix) {
  auto steps = indices_of(matrix, route.cascade);
  auto rule = parse_escalation_rule({route.rule});
  if (!steps.ok() || !rule.ok()) return;
  route.predicted = evaluate_cascade(matrix, *steps, *rule);
  const PolicyResult& p = *route.predicted;
  const PolicyResult& l = route.live;
  if (p.cells == 0 || l.cells == 0) return;
  route.pass_p = two_proportion_p(l.passes, l.cells, p.passes, p.cells);
  const auto se_live = l.cost_standard_error(), se_pred = p.cost_standard_error();
  if (l.cost_per_attempt && p.cost_per_attempt && se_live && se_pred)
    route.cost_p = two_mean_p(*l.cost_per_attempt, *se_live, *p.cost_per_attempt, *se_pred);
  route.agrees = *route.pass_p >= kAgreementLevel &&
                 (!route.cost_p || *route.cost_p >= kAgreementLevel);
}

}  // namespace

void RoutingBuilder::add(const Record& record) {
  ++records_;
  if (matrix_.add(record)) return;
  LiveTally& tally = live_[record.contender.id];
  if (record.route) {
    tally.cascade = record.route->cascade;
    tally.escalate_on = record.route->escalate_on;
    tally.carry = record.route->carry;
  }
  RoutedAttempt attempt = routed_attempt(record);
  attempt.trigger.reset();  // a route's own attempt never escalates further
  tally.attempts.push_back(attempt);
}

Result<RoutingAnalysis> RoutingBuilder::finish(const RoutingOptions& options) const {
  RoutingAnalysis analysis;
  analysis.records = records_;
  analysis.contenders = matrix_.contenders();
  analysis.tasks = matrix_.task_count();
  analysis.cells = matrix_.cells().size();
  analysis.rule = options.rule.describe();
  analysis.max_length = analysis.contenders.size() > options.max_contenders_for_length_3
                            ? std::min<std::size_t>(options.max_length, 2)
                            : options.max_length;
  std::set<std::string> seen;
  for (const auto& steps : all_cascades(analysis.contenders.size(), analysis.max_length)) {
    analysis.policies.push_back(evaluate_cascade(matrix_, steps, options.rule));
    seen.insert(analysis.policies.back().id);
  }
  for (const auto& named : options.named) {
    LANDED_TRY(auto steps, indices_of(matrix_, named));
    if (std::set<std::size_t>(steps.begin(), steps.end()).size() != steps.size())
      return make_error("--cascade {}: a contender appears twice", fmt::join(named, ","));
    PolicyResult policy = evaluate_cascade(matrix_, steps, options.rule);
    policy.named = true;
    auto same = std::find_if(analysis.policies.begin(), analysis.policies.end(),
                             [&](const PolicyResult& p) { return p.id == policy.id; });
    if (same != analysis.policies.end()) same->named = true;
    else analysis.policies.push_back(std::move(policy));
  }
  if (!analysis.contenders.empty()) analysis.policies.push_back(evaluate_oracle(matrix_));
  mark_frontier(analysis.policies);
  analysis.best = best_policy(analysis.policies);
  for (const auto& [id, tally] : live_) {
    LiveRoute route{id, tally.cascade, fmt::format("{}", fmt::join(tally.escalate_on, ",")),
                    tally.carry, live_result(id, tally.cascade, tally.attempts)};
    compare_live(route, matrix_);
    analysis.live.push_back(std::move(route));
  }
  return analysis;
}

}  // namespace landed
