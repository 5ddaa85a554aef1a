// Streaming aggregation of records into the scoreboard: per contender and per task × contender.
// Memory is O(contenders × tasks), never O(records): each record is folded in and dropped.
//
// Every figure is over *scored* attempts (all but infra_error, which is not the model's
// fault and is counted on its own). Dollar figures use priced attempts only; when some
// scored attempt is not priced, `cost_complete` is false and the total and $/solved are
// lower bounds (a missing cost is never negative), shown as such by every report.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "results/model/record.h"
#include "scoring/cost.h"
#include "scoring/median_sketch.h"
#include "scoring/price_table.h"
#include "scoring/stats.h"

namespace landed {

/// A mean over the values that are known; null when none is.
struct KnownMean {
  double sum = 0;
  std::int64_t count = 0;
  void add(std::optional<double> value) {
    if (!value) return;
    sum += *value;
    ++count;
  }
  void add(Count value) {
    if (value) add(std::optional<double>(static_cast<double>(*value)));
  }
  void merge(const KnownMean& other) {
    sum += other.sum;
    count += other.count;
  }
  std::optional<double> value() const {
    return count ? std::optional<double>(sum / static_cast<double>(count)) : std::nullopt;
  }
};

using OutcomeCounts = std::array<std::int64_t, 6>;  // indexed by Outcome

struct TokenFigures {
  KnownMean input, cache_read, cache_write, output, reasoning, total;  // per attempt
  /// cache read / (uncached input + cache read + cache write), over attempts knowing all three.
  double cache_read_sum = 0;
  double prompt_sum = 0;
  std::optional<double> cache_hit_ratio() const {
    return prompt_sum > 0 ? std::optional<double>(cache_read_sum / prompt_sum) : std::nullopt;
  }
};

struct CostFigures {
  std::int64_t priced = 0, unpriced = 0, no_usage = 0, incomplete = 0;
  std::vector<std::string> unpriced_models;  // sorted
  double total_usd = 0;                      // over priced attempts
  bool complete = true;                      // every scored attempt priced
  std::optional<double> mean_per_attempt, median_per_attempt;  // over priced attempts
  std::optional<double> per_solved;          // total / passes; a lower bound if !complete
  std::int64_t reported_mismatches = 0;      // tool's own cost differs beyond tolerance
  std::optional<double> reported_total_usd;  // sum of tool-reported costs, where reported
};

/// A row's price status in the one vocabulary: `priced` (every scored attempt has a cost),
/// `unpriced` (some model has no price: add one), `incomplete` (some attempt's tokens are not
/// all known, so dollars are a lower bound), `no_usage` (no attempt reported tokens).
std::string_view price_status(const CostFigures& cost);

/// Three-way reconciliation of metered contenders: what the tool said, what the proxy counted,
/// and what the metered tokens cost.
struct MeterFigures {
  std::int64_t metered = 0;          // attempts with a metered block
  std::int64_t incomplete = 0;       // ... whose metered usage is a lower bound
  std::int64_t mismatched = 0;       // ... flagged usage_mismatch
  std::vector<std::string> mismatch_kinds;  // sorted union of the kinds flagged
  std::int64_t compared = 0;         // attempts where both the tool and the proxy counted tokens
  double tool_tokens = 0, metered_tokens = 0;  // sums over the compared attempts
  double metered_cost_usd = 0;       // over metered attempts with a priced metered usage
  /// Calls the proxy metered for models other than the contender's own (sub-agents, side
  /// models such as a small model for titles): per model, its calls and tokens, shown apart.
  struct OtherModel {
    std::int64_t calls = 0;
    double tokens = 0;
  };
  std::map<std::string, OtherModel> other_models;
};

/// Whether a metered model is the contender's own: the same name, or it with a suffix the
/// provider adds (a date: "claude-opus-4-5" served as "claude-opus-4-5-20251101").
bool is_contender_model(const std::optional<std::string>& contender_model,
                        const std::string& metered_model);

struct ContenderSummary {
  ContenderInfo contender;
  std::int64_t attempts = 0;      // every record, infra errors included
  std::int64_t scored = 0;        // attempts - infra_error
  std::int64_t passes = 0;
  OutcomeCounts outcomes{};
  std::int64_t tampered = 0;      // attempts that edited hidden-test or protected paths
  std::int64_t tasks = 0;
  std::optional<double> pass_rate;
  Interval pass_interval;         // 95% Wilson over scored attempts
  std::optional<double> pass_at_1;  // mean over tasks of passes/attempts, when repeats > 1
  std::optional<double> pass_at_k;  // unbiased estimator, k = fewest attempts on any task
  std::int64_t k = 0;
  CostFigures cost;
  TokenFigures tokens;
  MeterFigures meter;
  KnownMean steps, tool_calls, wall_time_s;
  std::optional<double> median_wall_time_s;
  /// The pooled records of this row carry more than one contender definition (fingerprint):
  /// the same name was given to a changed contender or route. Reports say so.
  bool definition_changed = false;
  // Set by rank_contenders.
  int rank = 0;
  bool separable_from_leader = true;
};

/// One cell of the task × contender matrix.
struct TaskCell {
  std::int64_t attempts = 0;  // scored attempts
  std::int64_t passes = 0;
  std::int64_t infra_errors = 0;
  OutcomeCounts outcomes{};   // every attempt, infra errors included
  double cost_usd = 0;        // over priced attempts
  std::int64_t priced = 0;
  KnownMean steps, wall_time_s;
  bool empty() const { return attempts == 0 && infra_errors == 0; }
};

struct Scoreboard {
  std::vector<ContenderSummary> contenders;  // ranked once rank_contenders ran
  std::vector<std::string> tasks;            // sorted
  /// cells[t * contenders.size() + c] for tasks[t] and contenders[c].
  std::vector<TaskCell> cells;
  std::int64_t records = 0;
  std::int64_t infra_errors = 0;
  std::int64_t repeats_max = 0;              // attempts on one task by one contender, at most
  /// Records per isolation label ("namespaces", "landlock (no pid namespace, network shared)");
  /// records made before isolation modes are not counted.
  std::map<std::string, std::int64_t> isolation;
  /// True when some record ran with less than full isolation (a mode that misses something).
  bool weak_isolation = false;

  const TaskCell& cell(std::size_t task, std::size_t contender) const {
    return cells[task * contenders.size() + contender];
  }
};

enum class Pricing {
  kStored,   // use each record's cost_usd and price_status; price records that have none
  kReprice,  // price every record anew with the given table (`--prices`)
};

class ScoreboardBuilder {
 public:
  ScoreboardBuilder(const PriceTable& prices, Pricing pricing, CostTolerance tolerance = {});
  ScoreboardBuilder(const ScoreboardBuilder&) = delete;
  ScoreboardBuilder& operator=(const ScoreboardBuilder&) = delete;
  ~ScoreboardBuilder();

  void add(const Record& record);
  /// Folds in a builder filled on another thread from other records (same prices).
  void merge(const ScoreboardBuilder& other);
  /// The scoreboard, in first-seen contender order (call rank_contenders to rank it).
  Scoreboard finish() const;

 private:
  struct ContenderAccumulator;
  CostResult price(const Record& record) const;
  static ContenderSummary summarize(const ContenderAccumulator& acc);
  void fill_cells(Scoreboard& board) const;
  std::size_t contender_index(const Record& record);
  static void note_definition(ContenderSummary& summary, const std::string& fingerprint);
  std::size_t task_index(const std::string& task_id);

  const PriceTable& prices_;
  Pricing pricing_;
  CostTolerance tolerance_;
  std::vector<ContenderAccumulator> contenders_;
  std::unordered_map<std::string, std::size_t> contender_ids_;
  std::vector<std::string> task_ids_;
  std::unordered_map<std::string, std::size_t> task_indexes_;
  std::unordered_map<std::uint64_t, TaskCell> cells_;
  std::int64_t records_ = 0;
  std::int64_t infra_errors_ = 0;
  std::map<std::string, std::int64_t> isolation_;
  bool weak_isolation_ = false;
};

/// "namespaces", or the mode with what it misses: "landlock (no pid namespace, network shared)".
std::string isolation_label(const IsolationInfo& info);

}  // namespace landed
