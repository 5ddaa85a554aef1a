#include "harness/campaign/forecast.h"

#include <algorithm>
#include <numeric>

namespace landed {

CostForecast& CostForecast::operator+=(const CostForecast& other) {
  if (!other.known()) return *this;
  mean = mean.value_or(0) + *other.mean;
  low = low.value_or(0) + *other.low;
  high = high.value_or(0) + *other.high;
  return *this;
}

CostForecast forecast_attempt(const ReusePool& history, const Task& task, const Contender& contender) {
  std::vector<double> costs = history.costs(task, contender);
  if (costs.empty()) costs = history.costs(contender);
  if (costs.empty()) return {};
  CostForecast forecast;
  forecast.mean = std::accumulate(costs.begin(), costs.end(), 0.0) / static_cast<double>(costs.size());
  auto [low, high] = std::minmax_element(costs.begin(), costs.end());
  forecast.low = *low;
  forecast.high = *high;
  return forecast;
}

}  // namespace landed
