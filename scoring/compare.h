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
};

struct Comparison {
  double alpha = 0.05;
  std::vector<ContenderChange> changes;  // in baseline order
  std::vector<std::string> only_in_baseline, only_in_candidate;
  bool has_regression() const;
};

Comparison compare_scoreboards(const Scoreboard& baseline, const Scoreboard& candidate,
                               const CompareOptions& options = {});

}  // namespace landed
