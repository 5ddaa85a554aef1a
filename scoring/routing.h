// Offline what-if routing: from the recorded outcomes of single contenders on the same tasks,
// what would a cascade ("cheap first, escalate on a visible failure") have passed and cost?
// Nothing runs. Escalation is decided only by what each recorded attempt showed a router
// (scoring/routing_rule.h); the hidden-test outcome only decides where a cascade ends up.
//
// Attempts are paired by task and repeat index: cell (task, r) of a cascade a > b uses a's
// attempt r on the task and, when it escalates, b's attempt r on the same task. With several
// campaigns, a contender's attempts on a task are ordered by (campaign, repeat) and numbered.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/model/record.h"
#include "scoring/routing_rule.h"
#include "scoring/stats.h"

namespace landed {

/// One recorded attempt as routing sees it.
struct RoutedAttempt {
  bool infra = false;                        // infra_error: the cell cannot be evaluated
  bool passed = false;                       // the hidden tests passed
  std::optional<EscalationTrigger> trigger;  // the visible signal (null: looks done)
  Dollars cost_usd;
  std::optional<double> wall_time_s;
  Count tokens;
  Count steps;
};

RoutedAttempt routed_attempt(const Record& record);

/// The task x repeat x contender outcome matrix of single-contender attempts. The contender
/// list and the cells are built once, on first use after the last add(): evaluating every
/// cascade of a 20-contender campaign reads them hundreds of times. Not safe to share between
/// threads while it is still being read for the first time.
class OutcomeMatrix {
 public:
  /// One cell: a task and a repeat index, with each contender's attempt (null: not recorded).
  struct Cell {
    std::string task_id;
    int index = 0;
    std::vector<std::optional<RoutedAttempt>> by_contender;  // indexed like contenders()
  };

  /// Adds a single-contender record. Route records are not single outcomes: skipped (false).
  bool add(const Record& record);
  /// Adds an attempt directly (tests and other sources); `order` sorts repeats within a task.
  void add(const std::string& contender, const std::string& task_id, const std::string& order,
           const RoutedAttempt& attempt);

  /// Contender ids in sorted order.
  const std::vector<std::string>& contenders() const;
  std::optional<std::size_t> contender_index(const std::string& id) const;
  /// The cells, by task then index.
  const std::vector<Cell>& cells() const;
  std::size_t task_count() const { return attempts_.size(); }

 private:
  struct Built {
    std::vector<std::string> contenders;
    std::vector<Cell> cells;
  };
  const Built& built() const;

  // task -> contender -> (order key, attempt)
  std::map<std::string, std::map<std::string, std::vector<std::pair<std::string, RoutedAttempt>>>>
      attempts_;
  mutable std::optional<Built> built_;  // reset by add()
};

enum class PolicyKind { kSingle, kCascade, kOracle };
std::string_view to_string(PolicyKind kind);

/// What a routing policy did over the cells it could be evaluated on.
struct PolicyResult {
  std::string id;                  // the contender id, "a > b > c", or "oracle"
  PolicyKind kind = PolicyKind::kSingle;
  std::vector<std::string> steps;  // the cascade's contenders, in order
  bool named = false;              // asked for on the command line
  std::int64_t cells = 0;          // evaluated (task, repeat) cells
  std::int64_t excluded = 0;       // a needed attempt missing or an infra error
  std::int64_t passes = 0;
  std::optional<double> pass_rate;
  Interval pass_interval;          // 95% Wilson
  std::int64_t unpriced = 0;       // cells with some step's cost unknown
  double total_usd = 0;            // over every evaluated cell, when unpriced == 0
  std::optional<double> cost_per_attempt;  // null when some cost is unknown or no cell
  std::optional<double> cost_per_solved;   // null as well when no cell passed
  double cost_sum_squares = 0;     // of per-cell costs: the spread behind cost_per_attempt
  std::optional<double> steps_per_attempt;  // mean contenders tried per cell
  std::optional<double> escalation_rate;    // share of cells that escalated at least once
  std::optional<double> wall_time_per_attempt;  // null when some time is unknown
  bool on_frontier = false;

  /// Standard error of cost_per_attempt (null with fewer than 2 cells or unknown cost).
  std::optional<double> cost_standard_error() const;
};

/// Runs the cascade `steps` (contender indices) over every cell of `matrix`.
PolicyResult evaluate_cascade(const OutcomeMatrix& matrix, const std::vector<std::size_t>& steps,
                              const EscalationRule& rule);
/// Per cell, the cheapest contender that passed (or, when none did, the cheapest one):
/// the upper bound of what any router could gain. Cells with any cost unknown count unpriced.
PolicyResult evaluate_oracle(const OutcomeMatrix& matrix);

/// Every ordered selection of 1..max_length distinct indices out of `count`, shortest first.
std::vector<std::vector<std::size_t>> all_cascades(std::size_t count, std::size_t max_length);

/// Marks the cost-pass Pareto frontier over single and cascade policies with a known cost and
/// pass rate: a point is on it when no other point costs no more and passes no less, one of
/// them strictly. Points with equal cost and pass rate are all on it (a tie dominates none).
void mark_frontier(std::vector<PolicyResult>& policies);

/// Index of the policy with the best pass rate (ties: lower cost, then id) among single and
/// cascade policies with a known cost; null when none.
std::optional<std::size_t> best_policy(const std::vector<PolicyResult>& policies);

/// Two-sided p-value of a pooled two-proportion z-test; 1 when undefined.
double two_proportion_p(std::int64_t passes_a, std::int64_t n_a, std::int64_t passes_b,
                        std::int64_t n_b);
/// Two-sided p-value that two means with these standard errors differ (normal approximation).
double two_mean_p(double mean_a, double se_a, double mean_b, double se_b);

}  // namespace landed
