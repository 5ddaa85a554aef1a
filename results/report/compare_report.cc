#include "results/report/compare_report.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "results/report/figures.h"

namespace landed {
namespace {

std::string pass_verdict(const ContenderChange& c) {
  if (c.test == PairedTest::kNone) return "no common tasks";
  if (c.regression) return "REGRESSION";
  if (c.improvement) return "improved";
  return "no significant change";
}

/// The pass-rate verdict, then the gates crossed and a significant cost change: a dearer
/// contender is shown even when its pass rate did not move.
std::string verdict(const ContenderChange& c) {
  std::string text = pass_verdict(c);
  if (c.definition_changed)
    text += c.changed_fields.empty()
                ? std::string("; definition changed")
                : fmt::format("; definition changed: {}", fmt::join(c.changed_fields, ", "));
  if (c.drop_gate_crossed) text += "; DROP GATE";
  if (c.cost_gate_crossed) text += "; COST GATE";
  if (c.cost_change_significant && c.cost_rise_percent)
    text += fmt::format("; $/solved {} {:.0f}%", *c.cost_rise_percent > 0 ? "up" : "down",
                        std::abs(*c.cost_rise_percent));
  return text;
}

std::string detectable(const ContenderChange& c) {
  if (c.paired_tasks == 0) return figures::kUnknown;
  if (!c.min_detectable_drop) return "none";
  return fmt::format("{:.1f} pts", *c.min_detectable_drop * 100);
}

std::string points(double fraction) { return fmt::format("{:+.1f} pts", fraction * 100); }

std::string cost_change(const ContenderChange& c) {
  if (!c.per_solved_change) return figures::kUnknown;
  const BootstrapResult& r = *c.per_solved_change;
  return fmt::format("{} → {} ({:+.4f} [{:+.4f}, {:+.4f}])",
                     figures::dollars(c.baseline_per_solved),
                     figures::dollars(c.candidate_per_solved), r.mean, r.interval.low,
                     r.interval.high);
}

}  // namespace

std::vector<std::string> compare_row(const ContenderChange& c) {
  return {c.contender_id,
          std::to_string(c.paired_tasks),
          figures::percent(c.baseline_pass_rate) + " → " + figures::percent(c.candidate_pass_rate),
          points(c.delta) + " " + fmt::format("[{:+.1f}, {:+.1f}]", c.delta_interval.low * 100,
                                             c.delta_interval.high * 100),
          std::string(to_string(c.test)),
          fmt::format("{:.4g}", c.p_value),
          cost_change(c),
          detectable(c),
          verdict(c)};
}

const std::vector<std::string>& compare_headers() {
  static const std::vector<std::string> headers{
      "contender", "tasks", "pass rate", "change [CI]", "test", "p", "$/solved",
      "detectable drop", "verdict"};
  return headers;
}

std::string compare_summary(const Comparison& comparison) {
  std::string line = comparison.has_regression()
                         ? fmt::format("Significant regression at alpha = {}.", comparison.alpha)
                         : fmt::format("No significant regression at alpha = {}.", comparison.alpha);
  if (comparison.gate_crossed()) line += " A practical gate was crossed (see \"Gate:\" above).";
  return line;
}

namespace {

/// "Detectable drop": the smallest pass-rate drop the exact McNemar gate flags with 80% power
/// on the paired tasks (scoring/power.h); a suite that cannot see a 20-point drop is too small.
std::vector<std::string> power_notes(const Comparison& comparison) {
  std::vector<std::string> notes;
  for (const ContenderChange& c : comparison.changes) {
    if (c.paired_tasks == 0) continue;
    if (!c.min_detectable_drop)
      notes.push_back(fmt::format(
          "Warning: {}: {} paired tasks are too few for the gate: no drop can be significant at "
          "alpha = {}; add tasks or repeats, or gate with --max-drop POINTS", c.contender_id,
          c.paired_tasks, comparison.alpha));
    else if (*c.min_detectable_drop * 100 > kSmallSuiteDropPoints)
      notes.push_back(fmt::format(
          "Warning: {}: with {} paired tasks the gate detects (80% power) only drops of {:.1f} "
          "points or more; add tasks, or gate with --max-drop POINTS", c.contender_id,
          c.paired_tasks, *c.min_detectable_drop * 100));
  }
  return notes;
}

std::vector<std::string> gate_notes(const Comparison& comparison) {
  std::vector<std::string> notes;
  for (const ContenderChange& c : comparison.changes) {
    if (c.drop_gate_crossed)
      notes.push_back(fmt::format("Gate: {}: pass rate fell {:.1f} points, more than --max-drop {}",
                                  c.contender_id, -c.delta * 100, *comparison.max_drop_points));
    if (c.cost_gate_crossed)
      notes.push_back(fmt::format("Gate: {}: $/solved rose {:.1f}%, more than --max-cost-rise {}%",
                                  c.contender_id, *c.cost_rise_percent,
                                  *comparison.max_cost_rise_percent));
  }
  return notes;
}

}  // namespace

std::vector<std::string> compare_notes(const Comparison& comparison) {
  std::vector<std::string> notes = gate_notes(comparison);
  for (std::string& note : power_notes(comparison)) notes.push_back(std::move(note));
  if (!comparison.only_in_baseline.empty())
    notes.push_back(fmt::format("Only in the baseline: {}",
                                fmt::join(comparison.only_in_baseline, ", ")));
  if (!comparison.only_in_candidate.empty())
    notes.push_back(fmt::format("Only in the candidate: {}",
                                fmt::join(comparison.only_in_candidate, ", ")));
  return notes;
}

const FormatRegistry<CompareWriter>& compare_formats() {
  static const FormatRegistry<CompareWriter> formats({
      {"table", "one row per contender and the verdict, for a terminal", write_compare_table},
      {"md", "a Markdown table, for a pull request comment", write_compare_markdown, "markdown"},
      {"json", "every test and interval, for programs (landed.compare/1)", write_compare_json},
  });
  return formats;
}

Status write_comparison(std::string_view format, const Comparison& comparison, std::ostream& out) {
  LANDED_TRY(const Format<CompareWriter>* found, compare_formats().find(format));
  found->writer(comparison, out);
  return ok_status();
}

}  // namespace landed
