// Ranking of the scoreboard: by pass rate, ties broken by dollars per solved task.
#pragma once

#include "scoring/aggregate.h"

namespace landed {

/// Sorts contenders best first (pass rate, then $/solved with unknown cost last, then id),
/// assigns ranks (1-based; equal pass rate and cost share a rank) and marks every row whose
/// 95% Wilson interval overlaps the leader's as not separable from it.
void rank_contenders(Scoreboard& board);

}  // namespace landed
