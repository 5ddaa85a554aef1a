#include "scoring/compare.h"

#include <algorithm>

#include "scoring/power.h"

namespace landed {
namespace {

struct Pair {
  const TaskCell* baseline;
  const TaskCell* candidate;
};

std::optional<std::size_t> find_contender(const Scoreboard& board, const std::string& id) {
  for (std::size_t c = 0; c < board.contenders.size(); ++c)
    if (board.contenders[c].contender.id == id) return c;
  return std::nullopt;
}

std::optional<std::size_t> find_task(const Scoreboard& board, const std::string& task) {
  auto it = std::lower_bound(board.tasks.begin(), board.tasks.end(), task);
  if (it == board.tasks.end() || *it != task) return std::nullopt;
  return static_cast<std::size_t>(it - board.tasks.begin());
}

/// Tasks both sides scored for one contender.
std::vector<Pair> paired_cells(const Scoreboard& a, std::size_t ca, const Scoreboard& b,
                               std::size_t cb) {
  std::vector<Pair> pairs;
  for (std::size_t ta = 0; ta < a.tasks.size(); ++ta) {
    const TaskCell& base = a.cell(ta, ca);
    if (base.attempts == 0) continue;
    std::optional<std::size_t> tb = find_task(b, a.tasks[ta]);
    if (!tb || b.cell(*tb, cb).attempts == 0) continue;
    pairs.push_back({&base, &b.cell(*tb, cb)});
  }
  return pairs;
}

double rate(const TaskCell& cell) {
  return static_cast<double>(cell.passes) / static_cast<double>(cell.attempts);
}

void test_pass_rate(ContenderChange& change, const std::vector<Pair>& pairs,
                    const CompareOptions& options) {
  std::vector<double> differences;
  bool single_attempts = true;
  for (const Pair& p : pairs) {
    differences.push_back(rate(*p.candidate) - rate(*p.baseline));
    change.baseline_pass_rate += rate(*p.baseline) / static_cast<double>(pairs.size());
    change.candidate_pass_rate += rate(*p.candidate) / static_cast<double>(pairs.size());
    single_attempts = single_attempts && p.baseline->attempts == 1 && p.candidate->attempts == 1;
    if (p.baseline->passes > 0 && p.candidate->passes == 0) ++change.only_baseline_passed;
    if (p.baseline->passes == 0 && p.candidate->passes > 0) ++change.only_candidate_passed;
  }
  change.delta = change.candidate_pass_rate - change.baseline_pass_rate;
  BootstrapResult boot =
      paired_bootstrap(differences, 1 - options.alpha, options.resamples, options.seed);
  change.delta_interval = boot.interval;
  change.test = single_attempts ? PairedTest::kMcNemar : PairedTest::kBootstrap;
  change.p_value = single_attempts
                       ? mcnemar_exact_p(change.only_baseline_passed, change.only_candidate_passed)
                       : boot.p_value;
  bool significant = change.p_value < options.alpha;
  change.regression = significant && change.delta < 0;
  change.improvement = significant && change.delta > 0;
}

void test_cost(ContenderChange& change, const std::vector<Pair>& pairs,
               const CompareOptions& options) {
  std::vector<PairedRatioUnit> units;
  for (const Pair& p : pairs) {
    if (p.baseline->priced != p.baseline->attempts || p.candidate->priced != p.candidate->attempts)
      return;  // an unpriced attempt makes $/solved unknown: say nothing rather than guess
    units.push_back({p.baseline->cost_usd, static_cast<double>(p.baseline->passes),
                     p.candidate->cost_usd, static_cast<double>(p.candidate->passes)});
  }
  change.per_solved_change =
      paired_ratio_bootstrap(units, 1 - options.alpha, options.resamples / 2, options.seed);
  if (!change.per_solved_change) return;
  double cost_a = 0, solved_a = 0, cost_b = 0, solved_b = 0;
  for (const PairedRatioUnit& u : units) {
    cost_a += u.num_a;
    solved_a += u.den_a;
    cost_b += u.num_b;
    solved_b += u.den_b;
  }
  change.baseline_per_solved = cost_a / solved_a;
  change.candidate_per_solved = cost_b / solved_b;
  if (*change.baseline_per_solved > 0)
    change.cost_rise_percent = (*change.candidate_per_solved / *change.baseline_per_solved - 1) * 100;
  change.cost_change_significant = change.per_solved_change->p_value < options.alpha;
}

void apply_gates(ContenderChange& change, const CompareOptions& options) {
  if (change.paired_tasks == 0) return;
  change.min_detectable_drop = min_detectable_drop(change.paired_tasks, options.alpha);
  if (options.max_drop_points && -change.delta * 100 > *options.max_drop_points + 1e-9)
    change.drop_gate_crossed = true;
  if (options.max_cost_rise_percent && change.cost_rise_percent &&
      *change.cost_rise_percent > *options.max_cost_rise_percent + 1e-9)
    change.cost_gate_crossed = true;
}

}  // namespace

std::string_view to_string(PairedTest test) {
  switch (test) {
    case PairedTest::kMcNemar: return "mcnemar_exact";
    case PairedTest::kBootstrap: return "paired_bootstrap";
    case PairedTest::kNone: return "none";
  }
  return "none";
}

bool Comparison::gate_crossed() const {
  return std::any_of(changes.begin(), changes.end(), [](const ContenderChange& c) {
    return c.drop_gate_crossed || c.cost_gate_crossed;
  });
}

bool Comparison::has_regression() const {
  return std::any_of(changes.begin(), changes.end(),
                     [](const ContenderChange& c) { return c.regression; });
}

Comparison compare_scoreboards(const Scoreboard& baseline, const Scoreboard& candidate,
                               const CompareOptions& options) {
  Comparison comparison;
  comparison.alpha = options.alpha;
  comparison.max_drop_points = options.max_drop_points;
  comparison.max_cost_rise_percent = options.max_cost_rise_percent;
  for (std::size_t ca = 0; ca < baseline.contenders.size(); ++ca) {
    const std::string& id = baseline.contenders[ca].contender.id;
    std::optional<std::size_t> cb = find_contender(candidate, id);
    if (!cb) {
      comparison.only_in_baseline.push_back(id);
      continue;
    }
    ContenderChange change;
    change.contender_id = id;
    const ContenderSummary& before = baseline.contenders[ca];
    const ContenderSummary& after = candidate.contenders[*cb];
    change.definition_changed = before.definition_changed || after.definition_changed ||
                                (!before.contender.fingerprint.empty() &&
                                 !after.contender.fingerprint.empty() &&
                                 before.contender.fingerprint != after.contender.fingerprint);
    std::vector<Pair> pairs = paired_cells(baseline, ca, candidate, *cb);
    change.paired_tasks = static_cast<std::int64_t>(pairs.size());
    if (!pairs.empty()) {
      test_pass_rate(change, pairs, options);
      test_cost(change, pairs, options);
      apply_gates(change, options);
    }
    comparison.changes.push_back(std::move(change));
  }
  for (const ContenderSummary& s : candidate.contenders)
    if (!find_contender(baseline, s.contender.id))
      comparison.only_in_candidate.push_back(s.contender.id);
  return comparison;
}

}  // namespace landed
