// The whole what-if routing analysis of `landed routes`: every cascade of up to three
// contenders, any cascade named on the command line, the oracle router, the always-X
// baselines, the cost-pass frontier, and each live route recorded in the same campaigns next
// to its offline prediction. Records stream in through RoutingBuilder::add.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"
#include "scoring/routing.h"

namespace landed {

struct RoutingOptions {
  std::size_t max_length = 3;                       // enumerate cascades up to this length
  std::vector<std::vector<std::string>> named;      // --cascade a,b,c (contender ids)
  EscalationRule rule;                              // for every enumerated and named cascade
  /// Above this many contenders only cascades of length <= 2 are enumerated (k^3 grows fast).
  std::size_t max_contenders_for_length_3 = 16;
};

/// A route run live (its records carry `route`), beside what the single contenders' records
/// predict for the same cascade and rule.
struct LiveRoute {
  std::string id;
  std::vector<std::string> cascade;
  std::string rule;                 // "check_failed,gave_up,..."
  bool carry = false;
  PolicyResult live;                // what the route's own records show
  std::optional<PolicyResult> predicted;  // null when a step contender has no single records
  std::optional<double> pass_p;     // two-proportion z-test, live vs predicted
  std::optional<double> cost_p;     // normal test of the mean cost per attempt
  /// Neither difference is significant at 5%: agreement within sampling error.
  std::optional<bool> agrees;
};

struct RoutingAnalysis {
  std::vector<std::string> contenders;
  std::size_t tasks = 0;
  std::size_t cells = 0;            // (task, repeat) cells
  std::size_t max_length = 3;
  std::string rule;
  std::vector<PolicyResult> policies;  // singles, cascades (enumerated then named), oracle last
  std::optional<std::size_t> best;     // index into policies
  std::vector<LiveRoute> live;
  std::int64_t records = 0;
};

class RoutingBuilder {
 public:
  void add(const Record& record);
  Result<RoutingAnalysis> finish(const RoutingOptions& options) const;

 private:
  struct LiveTally {
    std::vector<std::string> cascade;
    std::vector<std::string> escalate_on;
    bool carry = false;
    std::vector<RoutedAttempt> attempts;
  };
  OutcomeMatrix matrix_;
  std::map<std::string, LiveTally> live_;
  std::int64_t records_ = 0;
};

}  // namespace landed
