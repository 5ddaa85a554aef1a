// The dollar forecast of an attempt from history: what this contender's earlier attempts on
// this task cost (else on any task); unknown for a contender history never saw.
#pragma once

#include <optional>

#include "harness/campaign/reuse_pool.h"

namespace landed {

struct CostForecast {
  std::optional<double> mean;   // null: unknown
  std::optional<double> low;    // the cheapest earlier attempt
  std::optional<double> high;   // the dearest earlier attempt
  bool known() const { return mean.has_value(); }
  CostForecast& operator+=(const CostForecast& other);  // sums; unknown stays unknown
};

CostForecast forecast_attempt(const ReusePool& history, const Task& task, const Contender& contender);

}  // namespace landed
