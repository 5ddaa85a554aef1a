#include "harness/campaign/route_config.h"

#include <algorithm>
#include <set>

#include <fmt/ranges.h>

#include "harness/base/sha256.h"

namespace landed {
namespace {

std::string route_fingerprint(const Route& route) {
  Sha256 hash;
  hash.update_field("route/v1");
  for (const Contender& step : route.steps) hash.update_field("step:" + step.fingerprint);
  hash.update_field("rule:" + route.rule.describe());
  hash.update_field(route.carry ? "carry" : "fresh");
  return hash.hex().substr(0, 16);
}

Result<std::vector<Contender>> read_steps(TomlReader& table,
                                          const std::vector<Contender>& contenders) {
  LANDED_TRY(auto ids, table.string_list("contenders"));
  if (ids.size() < 2)
    return table.error_at("contenders", "a route needs at least two contenders, in order");
  std::vector<Contender> steps;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    auto it = std::find_if(contenders.begin(), contenders.end(),
                           [&](const Contender& c) { return c.id == id; });
    if (it == contenders.end()) {
      std::vector<std::string> known;
      for (const Contender& c : contenders) known.push_back(c.id);
      return table.error_at("contenders", fmt::format("no contender \"{}\" (known: {})", id,
                                                      fmt::join(known, ", ")));
    }
    if (!seen.insert(id).second)
      return table.error_at("contenders", fmt::format("contender \"{}\" appears twice", id));
    steps.push_back(*it);
  }
  return steps;
}

Result<Route> read_route(TomlReader& table, const std::vector<Contender>& contenders) {
  Route route;
  LANDED_TRY(route.row.id, table.required_string("name"));
  LANDED_TRY(route.steps, read_steps(table, contenders));
  LANDED_TRY(auto triggers, table.string_list("escalate_on"));
  if (!triggers.empty()) {
    auto rule = parse_escalation_rule(triggers);
    if (!rule.ok()) return table.error_at("escalate_on", rule.error().message);
    route.rule = *rule;
  }
  LANDED_TRY(auto carry, table.optional_bool("carry"));
  route.carry = carry.value_or(false);
  route.row.runner = kRouteRunner;
  route.row.fingerprint = route_fingerprint(route);
  return route;
}

}  // namespace

Result<std::vector<Route>> read_routes(TomlReader& top, const std::vector<Contender>& contenders) {
  LANDED_TRY(auto tables, top.table_array("route"));
  std::vector<Route> routes;
  std::set<std::string> ids;
  for (const Contender& c : contenders) ids.insert(c.id);
  for (TomlReader& table : tables) {
    LANDED_TRY(Route route, read_route(table, contenders));
    if (!ids.insert(route.row.id).second)
      return table.error_at("name", fmt::format("route name \"{}\" is already a contender or "
                                                "route id", route.row.id));
    routes.push_back(std::move(route));
  }
  return routes;
}

nlohmann::json routes_to_json(const std::vector<Route>& routes) {
  nlohmann::json out = nlohmann::json::array();
  for (const Route& r : routes) {
    std::vector<std::string> steps;
    for (const Contender& c : r.steps) steps.push_back(c.id);
    out.push_back({{"id", r.row.id}, {"contenders", steps}, {"escalate_on", r.rule.describe()},
                   {"carry", r.carry}, {"fingerprint", r.row.fingerprint}});
  }
  return out;
}

}  // namespace landed
