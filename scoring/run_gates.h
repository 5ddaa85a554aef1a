// The verdicts a finished `landed run` turns into its exit status (README "Exit status"):
// contenders with nothing measured (exit 3) and `--fail-on OUTCOME>N` thresholds (exit 1).
// Pure functions over records: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

/// `--fail-on agent_error>50%`: OUTCOME, then `>` or `>=`, then a count or a percent.
struct OutcomeThreshold {
  Outcome outcome = Outcome::kAgentError;
  bool or_equal = false;   // `>=` rather than `>`
  double value = 0;        // a count, or a percent when `percent`
  bool percent = false;
  std::string text;        // as written, for messages
};

/// Error names the text and the expected form ("OUTCOME>N", "OUTCOME>=N%").
Result<OutcomeThreshold> parse_outcome_threshold(std::string_view text);

/// One line per (contender, threshold) crossed, e.g. "contender a: agent_error in 4 of 6
/// attempts (66.7%), crossing --fail-on agent_error>50%". A contender's count is over all its
/// records of the campaign (reused ones too); a percent is of all of them (infra_error included).
std::vector<std::string> crossed_thresholds(const std::vector<Record>& records,
                                            const std::vector<OutcomeThreshold>& thresholds);

/// One line per contender of `expected` with no measured attempt (every record infra_error, or
/// none recorded), saying why: the first infra_error reason, or `stopped_reason` (e.g. the cap).
std::vector<std::string> unmeasured_contenders(const std::vector<Record>& records,
                                               const std::vector<std::string>& expected,
                                               const std::optional<std::string>& stopped_reason);

}  // namespace landed
