#include "scoring/routing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace landed {

RoutedAttempt routed_attempt(const Record& r) {
  const VisibleSignal signal = visible_signal(r);
  RoutedAttempt a;
  a.infra = signal.infra;
  a.trigger = signal.trigger;
  a.passed = r.outcome == Outcome::kPass;
  a.cost_usd = r.cost_usd;
  a.wall_time_s = r.wall_time_s;
  a.tokens = r.usage.tokens.total();
  a.steps = r.usage.steps;
  return a;
}

bool OutcomeMatrix::add(const Record& r) {
  if (r.route || r.contender.runner == "route") return false;
  // Zero-padded repeat so "r10" sorts after "r9" within a campaign.
  char repeat[16];
  std::snprintf(repeat, sizeof repeat, "%08d", r.repeat);
  add(r.contender.id, r.task_id, r.campaign_id + "/" + repeat, routed_attempt(r));
  return true;
}

void OutcomeMatrix::add(const std::string& contender, const std::string& task_id,
                        const std::string& order, const RoutedAttempt& attempt) {
  attempts_[task_id][contender].emplace_back(order, attempt);
  built_.reset();
}

const OutcomeMatrix::Built& OutcomeMatrix::built() const {
  if (built_) return *built_;
  Built& b = built_.emplace();
  for (const auto& [task, by_contender] : attempts_)
    for (const auto& [id, list] : by_contender) b.contenders.push_back(id);
  std::sort(b.contenders.begin(), b.contenders.end());
  b.contenders.erase(std::unique(b.contenders.begin(), b.contenders.end()), b.contenders.end());
  for (const auto& [task, by_contender] : attempts_) {
    std::size_t depth = 0;
    for (const auto& [id, list] : by_contender) depth = std::max(depth, list.size());
    const std::size_t first = b.cells.size();
    for (std::size_t i = 0; i < depth; ++i)
      b.cells.push_back(Cell{task, static_cast<int>(i),
                             std::vector<std::optional<RoutedAttempt>>(b.contenders.size())});
    for (const auto& [id, list] : by_contender) {
      auto sorted = list;
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      const auto c = static_cast<std::size_t>(
          std::lower_bound(b.contenders.begin(), b.contenders.end(), id) - b.contenders.begin());
      for (std::size_t i = 0; i < sorted.size(); ++i)
        b.cells[first + i].by_contender[c] = sorted[i].second;
    }
  }
  return b;
}

const std::vector<std::string>& OutcomeMatrix::contenders() const { return built().contenders; }

std::optional<std::size_t> OutcomeMatrix::contender_index(const std::string& id) const {
  const auto& ids = contenders();
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return std::nullopt;
  return static_cast<std::size_t>(it - ids.begin());
}

const std::vector<OutcomeMatrix::Cell>& OutcomeMatrix::cells() const { return built().cells; }

std::string_view to_string(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kSingle: return "single";
    case PolicyKind::kCascade: return "cascade";
    case PolicyKind::kOracle: return "oracle";
  }
  return "unknown";
}

std::optional<double> PolicyResult::cost_standard_error() const {
  if (!cost_per_attempt || cells < 2) return std::nullopt;
  const double n = static_cast<double>(cells);
  const double variance =
      std::max(0.0, (cost_sum_squares - n * *cost_per_attempt * *cost_per_attempt) / (n - 1));
  return std::sqrt(variance / n);
}

namespace {

/// Sums of one policy over its cells, turned into a PolicyResult at the end.
struct PolicyTally {
  std::int64_t cells = 0, excluded = 0, passes = 0, unpriced = 0, untimed = 0, escalated = 0;
  double cost = 0, cost_squares = 0, time = 0, steps = 0;

  void add_cell(bool passed, const Dollars& cost_usd, std::optional<double> time_s,
                std::size_t steps_taken) {
    ++cells;
    if (passed) ++passes;
    if (cost_usd) {
      cost += *cost_usd;
      cost_squares += *cost_usd * *cost_usd;
    } else {
      ++unpriced;
    }
    if (time_s) time += *time_s;
    else ++untimed;
    steps += static_cast<double>(steps_taken);
    if (steps_taken > 1) ++escalated;
  }

  void fill(PolicyResult& p) const {
    p.cells = cells;
    p.excluded = excluded;
    p.passes = passes;
    p.unpriced = unpriced;
    p.pass_interval = wilson_interval(passes, cells);
    if (cells == 0) return;
    const double n = static_cast<double>(cells);
    p.pass_rate = static_cast<double>(passes) / n;
    p.steps_per_attempt = steps / n;
    p.escalation_rate = static_cast<double>(escalated) / n;
    if (untimed == 0) p.wall_time_per_attempt = time / n;
    if (unpriced > 0) return;
    p.total_usd = cost;
    p.cost_sum_squares = cost_squares;
    p.cost_per_attempt = cost / n;
    if (passes > 0) p.cost_per_solved = cost / static_cast<double>(passes);
  }
};

std::string cascade_id(const std::vector<std::string>& steps) {
  std::string id;
  for (const std::string& step : steps) id += (id.empty() ? "" : " > ") + step;
  return id;
}

}  // namespace

PolicyResult evaluate_cascade(const OutcomeMatrix& matrix, const std::vector<std::size_t>& steps,
                              const EscalationRule& rule) {
  const auto& ids = matrix.contenders();
  PolicyResult result;
  for (std::size_t s : steps) result.steps.push_back(ids.at(s));
  result.id = cascade_id(result.steps);
  result.kind = steps.size() == 1 ? PolicyKind::kSingle : PolicyKind::kCascade;
  PolicyTally tally;
  for (const OutcomeMatrix::Cell& cell : matrix.cells()) {
    Dollars cost = 0.0;
    std::optional<double> time = 0.0;
    bool usable = true, passed = false;
    std::size_t taken = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto& attempt = cell.by_contender[steps[i]];
      if (!attempt || attempt->infra) {
        usable = false;
        break;
      }
      ++taken;
      cost = cost && attempt->cost_usd ? Dollars(*cost + *attempt->cost_usd) : std::nullopt;
      time = time && attempt->wall_time_s ? std::optional(*time + *attempt->wall_time_s)
                                          : std::nullopt;
      const bool last = i + 1 == steps.size();
      if (last || !attempt->trigger || !rule.fires(*attempt->trigger)) {
        passed = attempt->passed;
        break;
      }
    }
    if (usable) tally.add_cell(passed, cost, time, taken);
    else ++tally.excluded;
  }
  tally.fill(result);
  return result;
}

PolicyResult evaluate_oracle(const OutcomeMatrix& matrix) {
  PolicyResult result;
  result.id = "oracle";
  result.kind = PolicyKind::kOracle;
  result.steps = matrix.contenders();
  PolicyTally tally;
  for (const OutcomeMatrix::Cell& cell : matrix.cells()) {
    const RoutedAttempt* pick = nullptr;
    bool cost_known = true;
    for (const auto& attempt : cell.by_contender) {
      if (!attempt || attempt->infra) continue;
      if (!attempt->cost_usd) cost_known = false;
      // Prefer a pass; among equals, the cheaper (an unknown cost never wins on price).
      auto key = [](const RoutedAttempt& a) {
        return std::make_tuple(!a.passed, a.cost_usd.value_or(INFINITY));
      };
      if (!pick || key(*attempt) < key(*pick)) pick = &*attempt;
    }
    if (!pick) {
      ++tally.excluded;
      continue;
    }
    tally.add_cell(pick->passed, cost_known ? pick->cost_usd : std::nullopt, pick->wall_time_s, 1);
  }
  tally.fill(result);
  result.escalation_rate.reset();
  return result;
}

std::vector<std::vector<std::size_t>> all_cascades(std::size_t count, std::size_t max_length) {
  std::vector<std::vector<std::size_t>> out;
  std::vector<std::vector<std::size_t>> level{{}};
  for (std::size_t length = 1; length <= max_length && length <= count; ++length) {
    std::vector<std::vector<std::size_t>> next;
    for (const auto& prefix : level)
      for (std::size_t c = 0; c < count; ++c)
        if (std::find(prefix.begin(), prefix.end(), c) == prefix.end()) {
          auto cascade = prefix;
          cascade.push_back(c);
          next.push_back(cascade);
        }
    out.insert(out.end(), next.begin(), next.end());
    level = std::move(next);
  }
  return out;
}

namespace {

bool frontier_candidate(const PolicyResult& p) {
  return p.kind != PolicyKind::kOracle && p.cost_per_attempt && p.pass_rate;
}

bool dominates(const PolicyResult& a, const PolicyResult& b) {
  const double ca = *a.cost_per_attempt, cb = *b.cost_per_attempt;
  const double pa = *a.pass_rate, pb = *b.pass_rate;
  return ca <= cb && pa >= pb && (ca < cb || pa > pb);
}

}  // namespace

void mark_frontier(std::vector<PolicyResult>& policies) {
  for (PolicyResult& p : policies) {
    p.on_frontier = false;
    if (!frontier_candidate(p)) continue;
    p.on_frontier = std::none_of(policies.begin(), policies.end(), [&](const PolicyResult& q) {
      return &q != &p && frontier_candidate(q) && dominates(q, p);
    });
  }
}

std::optional<std::size_t> best_policy(const std::vector<PolicyResult>& policies) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    const PolicyResult& p = policies[i];
    if (!frontier_candidate(p)) continue;
    if (!best) {
      best = i;
      continue;
    }
    const PolicyResult& b = policies[*best];
    if (std::make_tuple(-*p.pass_rate, *p.cost_per_attempt, p.id) <
        std::make_tuple(-*b.pass_rate, *b.cost_per_attempt, b.id))
      best = i;
  }
  return best;
}

double two_proportion_p(std::int64_t passes_a, std::int64_t n_a, std::int64_t passes_b,
                        std::int64_t n_b) {
  if (n_a == 0 || n_b == 0) return 1;
  const double pa = static_cast<double>(passes_a) / static_cast<double>(n_a);
  const double pb = static_cast<double>(passes_b) / static_cast<double>(n_b);
  const double pooled = static_cast<double>(passes_a + passes_b) / static_cast<double>(n_a + n_b);
  const double se = std::sqrt(pooled * (1 - pooled) *
                              (1 / static_cast<double>(n_a) + 1 / static_cast<double>(n_b)));
  if (se == 0) return pa == pb ? 1.0 : 0.0;
  return std::erfc(std::abs(pa - pb) / se / std::sqrt(2.0));
}

double two_mean_p(double mean_a, double se_a, double mean_b, double se_b) {
  const double se = std::sqrt(se_a * se_a + se_b * se_b);
  if (se == 0) return mean_a == mean_b ? 1.0 : 0.0;
  return std::erfc(std::abs(mean_a - mean_b) / se / std::sqrt(2.0));
}

}  // namespace landed
