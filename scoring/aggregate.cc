#include "scoring/aggregate.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landed {

struct ScoreboardBuilder::ContenderAccumulator {
  ContenderSummary summary;
  std::set<std::string> unpriced_models;
  MedianSketch cost_median, wall_median;
  double reported_sum = 0;
  bool any_reported = false;
};

namespace {

std::uint64_t cell_key(std::size_t task, std::size_t contender) {
  return (static_cast<std::uint64_t>(task) << 32) | static_cast<std::uint64_t>(contender);
}

void add_tokens(TokenFigures& figures, const TokenUsage& t) {
  figures.input.add(t.input_tokens);
  figures.cache_read.add(t.cache_read_tokens);
  figures.cache_write.add(t.cache_write_tokens);
  figures.output.add(t.output_tokens);
  figures.reasoning.add(t.reasoning_tokens);
  figures.total.add(t.total());
  if (t.input_tokens && t.cache_read_tokens && t.cache_write_tokens) {
    figures.cache_read_sum += static_cast<double>(*t.cache_read_tokens);
    figures.prompt_sum += static_cast<double>(*t.input_tokens + *t.cache_read_tokens +
                                              *t.cache_write_tokens);
  }
}

void count_price_status(CostFigures& cost, PriceStatus status) {
  switch (status) {
    case PriceStatus::kPriced: ++cost.priced; break;
    case PriceStatus::kUnpriced: ++cost.unpriced; break;
    case PriceStatus::kNoUsage: ++cost.no_usage; break;
    case PriceStatus::kIncomplete: ++cost.incomplete; break;
  }
}

/// pass@1 and pass@k over the tasks of one contender; k is the fewest attempts on a task.
void set_pass_at_k(ContenderSummary& s, const std::vector<const TaskCell*>& cells) {
  std::int64_t k = 0;
  for (const TaskCell* cell : cells)
    if (cell->attempts > 0) k = k == 0 ? cell->attempts : std::min(k, cell->attempts);
  if (k < 2) return;
  double at_1 = 0, at_k = 0;
  std::int64_t tasks = 0;
  for (const TaskCell* cell : cells) {
    if (cell->attempts == 0) continue;
    at_1 += *pass_at_k(cell->attempts, cell->passes, 1);
    at_k += *pass_at_k(cell->attempts, cell->passes, k);
    ++tasks;
  }
  s.k = k;
  s.pass_at_1 = at_1 / static_cast<double>(tasks);
  s.pass_at_k = at_k / static_cast<double>(tasks);
}

void merge_tokens(TokenFigures& into, const TokenFigures& from) {
  into.input.merge(from.input);
  into.cache_read.merge(from.cache_read);
  into.cache_write.merge(from.cache_write);
  into.output.merge(from.output);
  into.reasoning.merge(from.reasoning);
  into.total.merge(from.total);
  into.cache_read_sum += from.cache_read_sum;
  into.prompt_sum += from.prompt_sum;
}

void merge_outcomes(OutcomeCounts& into, const OutcomeCounts& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
}

/// The fields add() fills; the derived ones are computed by finish().
void add_meter(MeterFigures& m, const Record& record) {
  if (!record.metered) return;
  ++m.metered;
  for (const MeteredModel& model : record.metered->by_model) {
    if (is_contender_model(record.contender.model, model.model)) continue;
    MeterFigures::OtherModel& other = m.other_models[model.model];
    other.calls += model.calls;
    other.tokens += static_cast<double>(model.tokens.total().value_or(0));
  }
  if (!record.metered->complete) ++m.incomplete;
  if (!record.usage_mismatch.empty()) ++m.mismatched;
  for (const std::string& kind : record.usage_mismatch)
    if (std::find(m.mismatch_kinds.begin(), m.mismatch_kinds.end(), kind) == m.mismatch_kinds.end())
      m.mismatch_kinds.insert(std::upper_bound(m.mismatch_kinds.begin(), m.mismatch_kinds.end(), kind), kind);
  if (record.metered->cost_usd) m.metered_cost_usd += *record.metered->cost_usd;
  const TokenUsage& tool = record.tool_usage ? record.tool_usage->tokens : record.usage.tokens;
  const Count tool_total = record.usage_source == "metered" ? Count() : tool.total();
  const Count metered_total = record.metered->tokens.total();
  if (!tool_total || !metered_total) return;
  ++m.compared;
  m.tool_tokens += static_cast<double>(*tool_total);
  m.metered_tokens += static_cast<double>(*metered_total);
}

void merge_meter(MeterFigures& into, const MeterFigures& from) {
  into.metered += from.metered;
  for (const auto& [model, other] : from.other_models) {
    into.other_models[model].calls += other.calls;
    into.other_models[model].tokens += other.tokens;
  }
  into.incomplete += from.incomplete;
  into.mismatched += from.mismatched;
  for (const std::string& kind : from.mismatch_kinds)
    if (std::find(into.mismatch_kinds.begin(), into.mismatch_kinds.end(), kind) == into.mismatch_kinds.end())
      into.mismatch_kinds.insert(std::upper_bound(into.mismatch_kinds.begin(), into.mismatch_kinds.end(), kind), kind);
  into.compared += from.compared;
  into.tool_tokens += from.tool_tokens;
  into.metered_tokens += from.metered_tokens;
  into.metered_cost_usd += from.metered_cost_usd;
}

void merge_summary(ContenderSummary& into, const ContenderSummary& from) {
  merge_meter(into.meter, from.meter);
  into.attempts += from.attempts;
  into.scored += from.scored;
  into.passes += from.passes;
  merge_outcomes(into.outcomes, from.outcomes);
  into.tampered += from.tampered;
  into.cost.priced += from.cost.priced;
  into.cost.unpriced += from.cost.unpriced;
  into.cost.no_usage += from.cost.no_usage;
  into.cost.incomplete += from.cost.incomplete;
  into.cost.total_usd += from.cost.total_usd;
  into.cost.reported_mismatches += from.cost.reported_mismatches;
  merge_tokens(into.tokens, from.tokens);
  into.steps.merge(from.steps);
  into.tool_calls.merge(from.tool_calls);
  into.wall_time_s.merge(from.wall_time_s);
}

void merge_cell(TaskCell& into, const TaskCell& from) {
  into.attempts += from.attempts;
  into.passes += from.passes;
  into.infra_errors += from.infra_errors;
  merge_outcomes(into.outcomes, from.outcomes);
  into.cost_usd += from.cost_usd;
  into.priced += from.priced;
  into.steps.merge(from.steps);
  into.wall_time_s.merge(from.wall_time_s);
}

}  // namespace

std::string_view price_status(const CostFigures& cost) {
  if (cost.unpriced > 0) return "unpriced";
  if (cost.priced > 0 && cost.complete) return "priced";
  if (cost.priced == 0 && cost.incomplete == 0) return "no_usage";
  return "incomplete";
}

void ScoreboardBuilder::merge(const ScoreboardBuilder& other) {
  std::vector<std::size_t> contender_map, task_map;
  for (const ContenderAccumulator& from : other.contenders_) {
    Record key;
    key.contender = from.summary.contender;
    std::size_t index = contender_index(key);
    contender_map.push_back(index);
    ContenderAccumulator& into = contenders_[index];
    note_definition(into.summary, from.summary.contender.fingerprint);
    into.summary.definition_changed |= from.summary.definition_changed;
    merge_summary(into.summary, from.summary);
    into.unpriced_models.insert(from.unpriced_models.begin(), from.unpriced_models.end());
    into.cost_median.merge(from.cost_median);
    into.wall_median.merge(from.wall_median);
    into.reported_sum += from.reported_sum;
    into.any_reported = into.any_reported || from.any_reported;
  }
  for (const std::string& task : other.task_ids_) task_map.push_back(task_index(task));
  for (const auto& [key, cell] : other.cells_)
    merge_cell(cells_[cell_key(task_map[key >> 32], contender_map[key & 0xffffffffu])], cell);
  records_ += other.records_;
  infra_errors_ += other.infra_errors_;
  for (const auto& [label, count] : other.isolation_) isolation_[label] += count;
  weak_isolation_ = weak_isolation_ || other.weak_isolation_;
}

std::string isolation_label(const IsolationInfo& info) {
  if (info.missing.empty()) return info.mode;
  return fmt::format("{} ({})", info.mode, fmt::join(info.missing, ", "));
}

ScoreboardBuilder::ScoreboardBuilder(const PriceTable& prices, Pricing pricing,
                                     CostTolerance tolerance)
    : prices_(prices), pricing_(pricing), tolerance_(tolerance) {}

ScoreboardBuilder::~ScoreboardBuilder() = default;

CostResult ScoreboardBuilder::price(const Record& record) const {
  if (pricing_ == Pricing::kStored) {
    if (std::optional<PriceStatus> status = price_status_from_string(record.price_status)) {
      bool consistent = (*status == PriceStatus::kPriced) == record.cost_usd.has_value();
      if (consistent) return CostResult{record.cost_usd, *status, record.unpriced_models};
    }
  }
  return compute_cost(record.usage, record.contender.model, prices_);
}

void ScoreboardBuilder::note_definition(ContenderSummary& summary, const std::string& fingerprint) {
  if (fingerprint.empty()) return;
  if (summary.contender.fingerprint.empty()) summary.contender.fingerprint = fingerprint;
  else if (summary.contender.fingerprint != fingerprint) summary.definition_changed = true;
}

std::size_t ScoreboardBuilder::contender_index(const Record& record) {
  auto it = contender_ids_.find(record.contender.id);
  if (it != contender_ids_.end()) {
    note_definition(contenders_[it->second].summary, record.contender.fingerprint);
    return it->second;
  }
  std::size_t index = contenders_.size();
  contenders_.emplace_back();
  contenders_.back().summary.contender = record.contender;
  contender_ids_.emplace(record.contender.id, index);
  return index;
}

std::size_t ScoreboardBuilder::task_index(const std::string& task_id) {
  auto it = task_indexes_.find(task_id);
  if (it != task_indexes_.end()) return it->second;
  std::size_t index = task_ids_.size();
  task_ids_.push_back(task_id);
  task_indexes_.emplace(task_id, index);
  return index;
}

void ScoreboardBuilder::add(const Record& record) {
  ++records_;
  if (record.isolation) {
    ++isolation_[isolation_label(*record.isolation)];
    weak_isolation_ = weak_isolation_ || !record.isolation->missing.empty();
  }
  std::size_t contender = contender_index(record);
  ContenderAccumulator& acc = contenders_[contender];
  TaskCell& cell = cells_[cell_key(task_index(record.task_id), contender)];
  ContenderSummary& s = acc.summary;
  ++s.attempts;
  ++s.outcomes[static_cast<std::size_t>(record.outcome)];
  ++cell.outcomes[static_cast<std::size_t>(record.outcome)];
  if (record.patch.tampered()) ++s.tampered;
  if (!counts_toward_pass_rate(record.outcome)) {
    ++infra_errors_;
    ++cell.infra_errors;
    return;
  }
  bool passed = record.outcome == Outcome::kPass;
  ++s.scored;
  ++cell.attempts;
  if (passed) {
    ++s.passes;
    ++cell.passes;
  }

  CostResult cost = price(record);
  count_price_status(s.cost, cost.status);
  acc.unpriced_models.insert(cost.unpriced_models.begin(), cost.unpriced_models.end());
  if (cost.cost_usd) {
    s.cost.total_usd += *cost.cost_usd;
    acc.cost_median.add(*cost.cost_usd);
    cell.cost_usd += *cost.cost_usd;
    ++cell.priced;
  }
  if (record.usage.cost_usd_reported) {
    acc.reported_sum += *record.usage.cost_usd_reported;
    acc.any_reported = true;
    if (cost_differs(cost.cost_usd, record.usage.cost_usd_reported, tolerance_))
      ++s.cost.reported_mismatches;
  }
  add_tokens(s.tokens, record.usage.tokens);
  add_meter(s.meter, record);
  s.steps.add(record.usage.steps);
  s.tool_calls.add(record.usage.tool_calls);
  s.wall_time_s.add(record.wall_time_s);
  if (record.wall_time_s) acc.wall_median.add(*record.wall_time_s);
  cell.steps.add(record.usage.steps);
  cell.wall_time_s.add(record.wall_time_s);
}

Scoreboard ScoreboardBuilder::finish() const {
  Scoreboard board;
  board.records = records_;
  board.infra_errors = infra_errors_;
  board.isolation = isolation_;
  board.weak_isolation = weak_isolation_;
  board.tasks = task_ids_;
  std::sort(board.tasks.begin(), board.tasks.end());
  for (const ContenderAccumulator& acc : contenders_) board.contenders.push_back(summarize(acc));
  fill_cells(board);
  for (std::size_t c = 0; c < board.contenders.size(); ++c) {
    std::vector<const TaskCell*> cells;
    for (std::size_t t = 0; t < board.tasks.size(); ++t) {
      const TaskCell& cell = board.cell(t, c);
      if (cell.empty()) continue;
      cells.push_back(&cell);
      board.repeats_max = std::max(board.repeats_max, cell.attempts + cell.infra_errors);
    }
    board.contenders[c].tasks = static_cast<std::int64_t>(cells.size());
    set_pass_at_k(board.contenders[c], cells);
  }
  return board;
}

ContenderSummary ScoreboardBuilder::summarize(const ContenderAccumulator& acc) {
  ContenderSummary s = acc.summary;
  s.cost.unpriced_models.assign(acc.unpriced_models.begin(), acc.unpriced_models.end());
  s.cost.complete = s.cost.priced == s.scored;
  if (s.cost.priced > 0) {
    s.cost.mean_per_attempt = s.cost.total_usd / static_cast<double>(s.cost.priced);
    s.cost.median_per_attempt = acc.cost_median.median();
    if (s.passes > 0) s.cost.per_solved = s.cost.total_usd / static_cast<double>(s.passes);
  }
  if (acc.any_reported) s.cost.reported_total_usd = acc.reported_sum;
  if (s.scored > 0) s.pass_rate = static_cast<double>(s.passes) / static_cast<double>(s.scored);
  s.pass_interval = wilson_interval(s.passes, s.scored);
  s.median_wall_time_s = acc.wall_median.median();
  return s;
}

/// Lays the cells out in sorted-task order.
void ScoreboardBuilder::fill_cells(Scoreboard& board) const {
  board.cells.assign(board.tasks.size() * board.contenders.size(), TaskCell{});
  for (std::size_t t = 0; t < board.tasks.size(); ++t) {
    std::size_t built_task = task_indexes_.find(board.tasks[t])->second;
    for (std::size_t c = 0; c < board.contenders.size(); ++c) {
      auto it = cells_.find(cell_key(built_task, c));
      if (it != cells_.end()) board.cells[t * board.contenders.size() + c] = it->second;
    }
  }
}

bool is_contender_model(const std::optional<std::string>& contender_model,
                        const std::string& metered_model) {
  if (!contender_model || contender_model->empty()) return true;  // nothing to tell apart
  // A provider prefix in the contender's model ("anthropic/claude-...") is not on the wire.
  const std::string own = contender_model->substr(contender_model->rfind('/') + 1);
  return metered_model == own || metered_model.rfind(own + "-", 0) == 0;
}

}  // namespace landed
