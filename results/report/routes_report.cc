#include "results/report/routes_report.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/source/pooled_records.h"

namespace landed {

namespace {
constexpr std::size_t kListAllUpTo = 24;
}  // namespace

Result<RoutingAnalysis> load_routes(const std::vector<RecordSource>& sources,
                                    const RoutingOptions& options, RoutesContext& context) {
  RoutingBuilder builder;
  LANDED_TRY(auto pool, pool_records(sources));
  for (const RecordSource& source : sources) {
    LANDED_TRY(ReadSummary summary, read_source(source, [&builder, &pool](const Record& r) {
      if (pool->counts(r)) builder.add(r);
      return ok_status();
    }, ReadDepth::kFull));
    context.torn_lines += summary.torn_lines;
    context.read.add(summary);
  }
  context.sources = sources;
  return builder.finish(options);
}

const FormatRegistry<RoutesWriter>& routes_formats() {
  static const FormatRegistry<RoutesWriter> formats({
      {"table", "the policies and live routes, for a terminal", write_routes_table},
      {"md", "Markdown tables and the summary, for a pull request", write_routes_markdown},
      {"json", "every policy's figures, for programs (results/REPORT_SCHEMA.md)", write_routes_json},
  });
  return formats;
}

Status write_routes(std::string_view format, const RoutesContext& context,
                    const RoutingAnalysis& analysis, std::ostream& out) {
  LANDED_TRY(const Format<RoutesWriter>* found, routes_formats().find(format));
  found->writer(context, analysis, out);
  return ok_status();
}

std::optional<double> share_of_best_pass(const RoutingAnalysis& a, const PolicyResult& p) {
  if (!a.best || !p.pass_rate) return std::nullopt;
  const double best = *a.policies[*a.best].pass_rate;
  if (best <= 0) return std::nullopt;
  return *p.pass_rate / best;
}

std::optional<double> share_of_best_cost(const RoutingAnalysis& a, const PolicyResult& p) {
  if (!a.best || !p.cost_per_attempt) return std::nullopt;
  const double best = *a.policies[*a.best].cost_per_attempt;
  if (best <= 0) return std::nullopt;
  return *p.cost_per_attempt / best;
}

std::vector<std::size_t> listed_policies(const RoutingAnalysis& a) {
  std::vector<std::size_t> listed;
  for (std::size_t i = 0; i < a.policies.size(); ++i) {
    const PolicyResult& p = a.policies[i];
    if (a.policies.size() <= kListAllUpTo || p.kind != PolicyKind::kCascade || p.on_frontier ||
        p.named)
      listed.push_back(i);
  }
  auto key = [&](std::size_t i) {
    const PolicyResult& p = a.policies[i];
    return std::make_tuple(p.kind == PolicyKind::kOracle, -p.pass_rate.value_or(-1),
                           p.cost_per_attempt.value_or(INFINITY), p.id);
  };
  std::stable_sort(listed.begin(), listed.end(),
                   [&](std::size_t x, std::size_t y) { return key(x) < key(y); });
  return listed;
}

namespace {

/// A cheaper frontier point and how many others had exactly its figures (e.g. cascades that
/// never escalated on these records): the paragraph names the shortest and counts the rest.
struct FrontierPoint {
  const PolicyResult* policy;
  std::size_t ties = 0;
};

std::vector<FrontierPoint> cheaper_frontier(const RoutingAnalysis& a) {
  std::vector<const PolicyResult*> on;
  const PolicyResult& best = a.policies[*a.best];
  for (const PolicyResult& p : a.policies)
    if (p.on_frontier && &p != &best && *p.cost_per_attempt < *best.cost_per_attempt)
      on.push_back(&p);
  std::stable_sort(on.begin(), on.end(), [](const PolicyResult* x, const PolicyResult* y) {
    return std::make_tuple(-*x->cost_per_attempt, x->steps.size()) <
           std::make_tuple(-*y->cost_per_attempt, y->steps.size());
  });
  std::vector<FrontierPoint> out;
  for (const PolicyResult* p : on) {
    if (!out.empty() && *out.back().policy->cost_per_attempt == *p->cost_per_attempt &&
        *out.back().policy->pass_rate == *p->pass_rate)
      ++out.back().ties;
    else
      out.push_back({p, 0});
  }
  return out;
}

const PolicyResult* oracle_of(const RoutingAnalysis& a) {
  for (const PolicyResult& p : a.policies)
    if (p.kind == PolicyKind::kOracle) return &p;
  return nullptr;
}

std::string percent0(double fraction) { return fmt::format("{:.0f}%", fraction * 100); }

}  // namespace

std::string routes_summary(const RoutingAnalysis& a) {
  if (!a.best)
    return "No routing figures: no contender has priced, scored attempts to compare.";
  const PolicyResult& best = a.policies[*a.best];
  std::string text = fmt::format(
      "Over {} tasks ({} task × repeat cells), the best pass rate is {} ({} {}), from {}, at {} "
      "per attempt ({} per solved task).",
      a.tasks, a.cells, figures::percent(best.pass_rate), "95% CI", figures::interval(best.pass_interval),
      best.id, figures::dollars(best.cost_per_attempt), figures::dollars(best.cost_per_solved));
  const auto cheaper = cheaper_frontier(a);
  if (cheaper.empty()) text += " No cheaper route is on the cost–pass frontier.";
  for (const FrontierPoint& point : cheaper) {
    const PolicyResult* p = point.policy;
    text += fmt::format(" {} keeps {} of that pass rate ({}) at {} of its cost ({} per attempt).",
                        p->id, percent0(*share_of_best_pass(a, *p)), figures::percent(p->pass_rate),
                        percent0(*share_of_best_cost(a, *p)), figures::dollars(p->cost_per_attempt));
    if (point.ties > 0)
      text += fmt::format(" ({} more {} the same figures here.)", point.ties,
                          point.ties == 1 ? "cascade has" : "cascades have");
  }
  if (const PolicyResult* oracle = oracle_of(a); oracle && oracle->pass_rate)
    text += fmt::format(" A perfect router (the cheapest contender that passed, per task and "
                        "repeat) would pass {} at {} per attempt: no routing can do better on "
                        "these records.",
                        figures::percent(oracle->pass_rate),
                        figures::dollars(oracle->cost_per_attempt));
  text += " Cascades escalate only on what a real router sees (" + a.rule +
          "), never on the hidden tests; intervals are 95% Wilson.";
  return text;
}

}  // namespace landed
