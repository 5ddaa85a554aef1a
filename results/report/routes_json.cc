// JSON for `landed routes --format json`, schema "landed.routes/1" (results/REPORT_SCHEMA.md).
// Unknown figures are null, never 0.
#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "results/report/routes_report.h"

namespace landed {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kRoutesSchema = "landed.routes/1";

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json policy_json(const RoutingAnalysis& a, const PolicyResult& p) {
  return json{{"id", p.id},
              {"kind", std::string(to_string(p.kind))},
              {"steps", p.steps},
              {"named", p.named},
              {"cells", p.cells},
              {"excluded", p.excluded},
              {"passes", p.passes},
              {"pass_rate", nullable(p.pass_rate)},
              {"pass_rate_ci95", {p.pass_interval.low, p.pass_interval.high}},
              {"unpriced_cells", p.unpriced},
              {"total_usd", p.cost_per_attempt ? json(p.total_usd) : json(nullptr)},
              {"cost_per_attempt_usd", nullable(p.cost_per_attempt)},
              {"cost_per_attempt_se_usd", nullable(p.cost_standard_error())},
              {"cost_per_solved_usd", nullable(p.cost_per_solved)},
              {"steps_per_attempt", nullable(p.steps_per_attempt)},
              {"escalation_rate", nullable(p.escalation_rate)},
              {"wall_time_per_attempt_s", nullable(p.wall_time_per_attempt)},
              {"on_frontier", p.on_frontier},
              {"share_of_best_pass", nullable(share_of_best_pass(a, p))},
              {"share_of_best_cost", nullable(share_of_best_cost(a, p))}};
}

json live_json(const RoutingAnalysis& a, const LiveRoute& r) {
  return json{{"id", r.id},
              {"cascade", r.cascade},
              {"escalate_on", r.rule},
              {"carry", r.carry},
              {"live", policy_json(a, r.live)},
              {"predicted", r.predicted ? policy_json(a, *r.predicted) : json(nullptr)},
              {"pass_p_value", nullable(r.pass_p)},
              {"cost_p_value", nullable(r.cost_p)},
              {"agrees", nullable(r.agrees)}};
}

json sources_json(const RoutesContext& context) {
  json out = json::array();
  for (const RecordSource& s : context.sources)
    out.push_back({{"path", s.label},
                   {"campaign_id", s.campaign ? json(s.campaign->campaign_id) : json(nullptr)}});
  return out;
}

}  // namespace

void write_routes_json(const RoutesContext& context, const RoutingAnalysis& a, std::ostream& out) {
  json policies = json::array();
  json frontier = json::array();
  std::vector<const PolicyResult*> on;
  for (const PolicyResult& p : a.policies) {
    policies.push_back(policy_json(a, p));
    if (p.on_frontier) on.push_back(&p);
  }
  std::sort(on.begin(), on.end(), [](const PolicyResult* x, const PolicyResult* y) {
    return std::tie(*x->cost_per_attempt, x->id) < std::tie(*y->cost_per_attempt, y->id);
  });
  for (const PolicyResult* p : on) frontier.push_back(p->id);
  json live = json::array();
  for (const LiveRoute& r : a.live) live.push_back(live_json(a, r));
  json doc{{"schema", kRoutesSchema},
           {"landed_version", context.landed_version},
           {"sources", sources_json(context)},
           {"records", a.records},
           {"torn_lines", context.torn_lines},
           {"contenders", a.contenders},
           {"tasks", a.tasks},
           {"cells", a.cells},
           {"max_cascade_length", a.max_length},
           {"escalate_on", a.rule},
           {"best", a.best ? json(a.policies[*a.best].id) : json(nullptr)},
           {"summary", routes_summary(a)},
           {"frontier", frontier},
           {"policies", policies},
           {"live_routes", live}};
  out << doc.dump(2) << "\n";
}

}  // namespace landed
