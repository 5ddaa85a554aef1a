// A route: a routing policy over contenders that is itself a row of the scoreboard. Today one
// kind, the cascade: try the contenders in order, each in a fresh sandbox, and move on when the
// escalation rule (scoring/routing_rule.h) sees a visible failure. Config: [[route]] (README).
#pragma once

#include <vector>

#include "runners/contender.h"
#include "scoring/routing_rule.h"

namespace landed {

struct Route {
  /// The route as a scoreboard row: id (the route's name), runner "route", fingerprint over
  /// the steps' fingerprints, the rule and carry. Attempt ids, keys and folders use it.
  Contender row;
  std::vector<Contender> steps;  // copies of the cascade's contenders, in order
  EscalationRule rule;
  /// Each step after the first starts from the previous step's patch, and its prompt gets a
  /// short summary of the visible failure; otherwise every step starts from the base.
  bool carry = false;
};

/// The runner name of a route's row.
inline constexpr const char* kRouteRunner = "route";

}  // namespace landed
