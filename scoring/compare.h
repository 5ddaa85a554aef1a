// The regression gate: pairs two scoreboards by task and contender and tests each
// contender's change in pass rate with a paired test; a regression is a significant drop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/aggregate.h"
#include "scoring/stats.h"

namespace landed {

enum class PairedTest {
  kMcNemar,    // one scored attempt per task on both sides: exact McNemar
  kBootstrap,  // repeats: paired bootstrap of per-task pass-rate differences
  kNone,       // no task in common
};

std::string_view to_string(PairedTest test);

struct CompareOptions {
  double alpha = 0.05;
  /// Practical gates besides significance (`--max-drop`, `--max-cost-rise`): a contender whose
  /// pass rate falls by more than this many points, or whose dollars per solved task rise by
  /// more than this percent, crosses a gate.
  std::optional<double> max_drop_points;
  std::optional<double> max_cost_rise_percent;
  int resamples = 10000;
  std::uint64_t seed = 20250101;
};

struct ContenderChange {
  std::string contender_id;
  std::int64_t paired_tasks = 0;
  double baseline_pass_rate = 0;   // mean over paired tasks of passes / attempts
  double candidate_pass_rate = 0;
  double delta = 0;                // candidate - baseline
  Interval delta_interval{0, 0};   // paired bootstrap, level 1 - alpha
  PairedTest test = PairedTest::kNone;
  std::int64_t only_baseline_passed = 0;   // McNemar's discordant pairs
  std::int64_t only_candidate_passed = 0;
  double p_value = 1;
  bool regression = false;         // significant and delta < 0
  bool improvement = false;        // significant and delta > 0
  // Dollars per solved task over the paired tasks; null when a side solved nothing or
  // some paired attempt is unpriced.
  std::optional<double> baseline_per_solved, candidate_per_solved;
  std::optional<BootstrapResult> per_solved_change;  // candidate - baseline
  /// (candidate / baseline - 1) x 100 of dollars per solved task; null when either is unknown.
  std::optional<double> cost_rise_percent;
  bool cost_change_significant = false;  // the $/solved bootstrap excludes 0 at alpha
  /// The smallest drop the gate detects with 80% power on these paired tasks (scoring/power.h);
  /// null when the suite is too small for the gate to fire at all.
  std::optional<double> min_detectable_drop;
  /// The two sides ran different definitions under this name (fingerprints differ); the
  /// fields that changed, when the campaigns' metadata says (filled by the caller).
  bool definition_changed = false;
  std::vector<std::string> changed_fields;
  bool drop_gate_crossed = false;  // delta < -max_drop_points
  bool cost_gate_crossed = false;  // cost_rise_percent > max_cost_rise_percent
};

/// The gate "cannot see" a drop smaller than this many points: compare warns above it.
inline constexpr double kSmallSuiteDropPoints = 20;

struct Comparison {
  double alpha = 0.05;
  std::vector<ContenderChange> changes;  // in baseline order
  std::vector<std::string> only_in_baseline, only_in_candidate;
  std::optional<double> max_drop_points, max_cost_rise_percent;  // as given
  bool has_regression() const;
  /// A --max-drop or --max-cost-rise gate crossed by some contender.
  bool gate_crossed() const;
};

Comparison compare_scoreboards(const Scoreboard& baseline, const Scoreboard& candidate,
                               const CompareOptions& options = {});

}  // namespace landed
