// The terminal form of `landed routes`: the summary paragraph, the policies, the live routes.
#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/report/routes_report.h"
#include "results/report/text_table.h"

namespace landed {

std::vector<std::string> routes_headers() {
  return {"route", "kind", "pass", "95% CI", "$/attempt", "$/solved", "of best pass",
          "of best $", "tries", "escalated", "frontier"};
}

std::vector<std::string> routes_row(const RoutingAnalysis& a, const PolicyResult& p) {
  auto share = [](std::optional<double> f) {
    return f ? fmt::format("{:.0f}%", *f * 100) : std::string(figures::kUnknown);
  };
  std::string kind(to_string(p.kind));
  if (p.named) kind += " (named)";
  std::string frontier = p.on_frontier ? "yes" : "";
  if (a.best && &a.policies[*a.best] == &p) frontier += frontier.empty() ? "best" : ", best";
  return {p.id,
          kind,
          figures::passes(p.passes, p.cells),
          figures::interval(p.pass_interval),
          p.unpriced > 0 ? "unpriced" : figures::dollars(p.cost_per_attempt),
          p.unpriced > 0 ? "unpriced" : figures::dollars(p.cost_per_solved),
          share(share_of_best_pass(a, p)),
          share(share_of_best_cost(a, p)),
          p.steps_per_attempt ? fmt::format("{:.2f}", *p.steps_per_attempt) : figures::kUnknown,
          figures::percent(p.escalation_rate),
          frontier};
}

std::vector<std::string> live_route_headers() {
  return {"live route", "cascade", "pass (live)", "pass (predicted)", "$/attempt (live)",
          "$/attempt (predicted)", "agrees"};
}

std::vector<std::string> live_route_row(const LiveRoute& r) {
  std::string cascade;
  for (const std::string& step : r.cascade) cascade += (cascade.empty() ? "" : " > ") + step;
  if (r.carry) cascade += " (carry)";
  const PolicyResult* p = r.predicted ? &*r.predicted : nullptr;
  std::string verdict = figures::kUnknown;
  if (r.agrees)
    verdict = fmt::format("{} (pass p={:.2f}{})", *r.agrees ? "yes" : "NO", *r.pass_p,
                          r.cost_p ? fmt::format(", cost p={:.2f}", *r.cost_p) : "");
  return {r.id,
          cascade,
          figures::percent(r.live.pass_rate) + " " + figures::interval(r.live.pass_interval),
          p ? figures::percent(p->pass_rate) + " " + figures::interval(p->pass_interval)
            : figures::kUnknown,
          figures::dollars(r.live.cost_per_attempt),
          p ? figures::dollars(p->cost_per_attempt) : figures::kUnknown,
          verdict};
}

void write_routes_table(const RoutesContext&, const RoutingAnalysis& a, std::ostream& out) {
  out << routes_summary(a) << "\n\n";
  TextTable table;
  const auto headers = routes_headers();
  for (std::size_t i = 0; i < headers.size(); ++i)
    table.add_column(headers[i], i < 2 ? TextTable::Align::kLeft : TextTable::Align::kRight);
  const auto listed = listed_policies(a);
  for (std::size_t i : listed) table.add_row(routes_row(a, a.policies[i]));
  table.write(out);
  if (listed.size() < a.policies.size())
    out << fmt::format("({} more cascades off the frontier: --format json lists every one)\n",
                       a.policies.size() - listed.size());
  if (a.live.empty()) return;
  out << "\n";
  TextTable live;
  for (const std::string& h : live_route_headers())
    live.add_column(h, h == "live route" || h == "cascade" ? TextTable::Align::kLeft
                                                           : TextTable::Align::kRight);
  for (const LiveRoute& r : a.live) live.add_row(live_route_row(r));
  live.write(out);
}

}  // namespace landed
