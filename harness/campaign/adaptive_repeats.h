// Adaptive repeats (`--repeats auto[:MAX]`): stop repeating a contender on a task once more
// repeats would not change what we conclude about it.
//
// The rule (a sequential test): after n repeats with s passes (infra errors excluded), stop
// when the Wilson score interval of the pass rate at the chosen confidence lies entirely above
// or entirely below 1/2 — we are confident whether this contender usually solves this task —
// or when n reaches MAX. At 95% confidence a pair that passes (or fails) every time stops
// after 4 repeats; a pair near 50% runs to MAX.
#pragma once

#include <optional>
#include <string_view>

#include "harness/base/error.h"
#include "scoring/stats.h"  // wilson_interval, z_for_confidence

namespace landed {

struct RepeatsSetting {
  int repeats = 1;        // fixed repeats, or MAX when adaptive
  bool adaptive = false;
};

/// "K" or "auto" or "auto:MAX" (auto alone: MAX = 10).
Result<RepeatsSetting> parse_repeats(std::string_view text);

/// True when a pair with these outcomes needs no further repeat at confidence `confidence`
/// (e.g. 0.95, two-sided).
bool repeats_settled(int passes, int n, double confidence);

}  // namespace landed
