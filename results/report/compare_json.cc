#include "results/report/compare_report.h"

#include <nlohmann/json.hpp>

namespace landed {
namespace {

nlohmann::json change_json(const ContenderChange& c) {
  using nlohmann::json;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json cost = nullptr;
  if (c.per_solved_change)
    cost = json{{"baseline_usd", opt(c.baseline_per_solved)},
                {"candidate_usd", opt(c.candidate_per_solved)},
                {"change_usd", c.per_solved_change->mean},
                {"ci", {c.per_solved_change->interval.low, c.per_solved_change->interval.high}},
                {"p_value", c.per_solved_change->p_value}};
  return json{{"contender", c.contender_id}, {"paired_tasks", c.paired_tasks},
              {"baseline_pass_rate", c.baseline_pass_rate},
              {"candidate_pass_rate", c.candidate_pass_rate}, {"delta", c.delta},
              {"delta_ci", {c.delta_interval.low, c.delta_interval.high}},
              {"test", std::string(to_string(c.test))}, {"p_value", c.p_value},
              {"only_baseline_passed", c.only_baseline_passed},
              {"only_candidate_passed", c.only_candidate_passed},
              {"regression", c.regression}, {"improvement", c.improvement},
              {"cost_per_solved", cost},
              {"cost_rise_percent", opt(c.cost_rise_percent)},
              {"cost_change_significant", c.cost_change_significant},
              {"min_detectable_drop", opt(c.min_detectable_drop)},
              {"definition_changed", c.definition_changed},
              {"changed_fields", c.changed_fields},
              {"drop_gate_crossed", c.drop_gate_crossed},
              {"cost_gate_crossed", c.cost_gate_crossed}};
}

}  // namespace

void write_compare_json(const Comparison& comparison, std::ostream& out) {
  nlohmann::json doc{{"schema", "landed.compare/1"},
                     {"alpha", comparison.alpha},
                     {"regression", comparison.has_regression()},
                     {"gate_crossed", comparison.gate_crossed()},
                     {"max_drop_points", comparison.max_drop_points
                                             ? nlohmann::json(*comparison.max_drop_points)
                                             : nlohmann::json(nullptr)},
                     {"max_cost_rise_percent", comparison.max_cost_rise_percent
                                                   ? nlohmann::json(*comparison.max_cost_rise_percent)
                                                   : nlohmann::json(nullptr)},
                     {"only_in_baseline", comparison.only_in_baseline},
                     {"only_in_candidate", comparison.only_in_candidate},
                     {"contenders", nlohmann::json::array()}};
  for (const ContenderChange& c : comparison.changes) doc["contenders"].push_back(change_json(c));
  out << doc.dump(2) << "\n";
}

}  // namespace landed
