// The scoreboard's rows as text cells, shared by the terminal table and Markdown so the two
// always show the same columns.
#pragma once

#include <string>
#include <vector>

#include "scoring/aggregate.h"

namespace landed {

struct ScoreboardColumns {
  std::vector<std::string> headers;
  std::vector<bool> right_aligned;
  /// 0: always shown; higher numbers are dropped first when a terminal is too narrow.
  std::vector<int> priorities;
  std::vector<std::vector<std::string>> rows;
};

/// rank, contender, pass, rate, 95% CI, [pass@k], $/attempt, $/solved, tokens/attempt,
/// cache hit, steps, tool calls, time (median), other outcomes, [metered: the tool's report vs
/// the metering proxy's count, when a contender was metered].
ScoreboardColumns scoreboard_columns(const Scoreboard& board);

}  // namespace landed
