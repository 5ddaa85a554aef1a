#include "harness/cli/run_plan.h"

#include "harness/campaign/route.h"

#include <map>

#include <fmt/format.h>

namespace landed::cli {
namespace {

struct ContenderPlan {
  std::size_t to_run = 0;
  std::size_t to_reuse = 0;
  std::size_t unknown = 0;       // attempts to run without a forecast
  CostForecast dollars;
};

std::string dollars_text(const ContenderPlan& p) {
  if (p.to_run == 0) return "$0";
  if (!p.dollars.known()) return "unknown";
  std::string text = fmt::format("${:.4f} (${:.4f}-${:.4f})", *p.dollars.mean, *p.dollars.low,
                                 *p.dollars.high);
  if (p.unknown > 0) text += fmt::format(" +{} unknown", p.unknown);
  return text;
}

}  // namespace

void print_run_plan(std::ostream& out, const CampaignPlan& plan, const CampaignConfig& config,
                    std::optional<double> max_usd) {
  std::map<std::string, ContenderPlan> rows;
  std::vector<const Contender*> order;  // contenders, then routes' rows
  for (const Contender& c : config.contenders) order.push_back(&c);
  for (const Route& r : config.routes) order.push_back(&r.row);
  for (const Contender* c : order) rows[c->id];
  for (const PlannedRun& run : plan.to_run) {
    ContenderPlan& row = rows[run.plan.contender->id];
    ++row.to_run;
    if (run.forecast.known()) row.dollars += run.forecast;
    else ++row.unknown;
  }
  for (const PlannedReuse& reuse : plan.to_reuse) ++rows[reuse.plan.contender->id].to_reuse;
  out << fmt::format("{:<36} {:>7} {:>7}  {}\n", "contender", "run", "reuse",
                     "forecast: mean (range)");
  ContenderPlan total;
  for (const Contender* c : order) {
    const ContenderPlan& row = rows[c->id];
    out << fmt::format("{:<36} {:>7} {:>7}  {}\n", c->id, row.to_run, row.to_reuse, dollars_text(row));
    total.to_run += row.to_run;
    total.to_reuse += row.to_reuse;
    total.unknown += row.unknown;
    total.dollars += row.dollars;
  }
  out << fmt::format("{:<36} {:>7} {:>7}  {}\n", "total", total.to_run, total.to_reuse,
                     dollars_text(total));
  out << fmt::format("\n{} attempts planned: {} to run, {} to reuse, {} already recorded\n",
                     plan.planned, plan.to_run.size(), plan.to_reuse.size(), plan.already_recorded);
  if (max_usd) out << fmt::format("dollar cap: ${:.2f}\n", *max_usd);
  out << "dry run: nothing was run or written\n";
}

}  // namespace landed::cli
