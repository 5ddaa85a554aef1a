#include "scoring/power.h"

#include <algorithm>
#include <cmath>

#include "scoring/stats.h"

namespace landed {

double binomial_upper_tail(std::int64_t k, std::int64_t n, double p) {
  if (k <= 0) return 1.0;
  if (k > n) return 0.0;
  if (p <= 0) return 0.0;
  if (p >= 1) return 1.0;
  double tail = 0;
  for (std::int64_t i = k; i <= n; ++i) {
    const double log_term = std::lgamma(static_cast<double>(n) + 1) -
                            std::lgamma(static_cast<double>(i) + 1) -
                            std::lgamma(static_cast<double>(n - i) + 1) +
                            static_cast<double>(i) * std::log(p) +
                            static_cast<double>(n - i) * std::log1p(-p);
    tail += std::exp(log_term);
  }
  return std::min(1.0, tail);
}

std::optional<std::int64_t> mcnemar_min_discordant(std::int64_t n, double alpha) {
  for (std::int64_t b = 1; b <= n; ++b)
    if (mcnemar_exact_p(b, 0) < alpha) return b;
  return std::nullopt;
}

std::optional<double> min_detectable_drop(std::int64_t n, double alpha, double power) {
  const auto b_min = mcnemar_min_discordant(n, alpha);
  if (!b_min) return std::nullopt;
  double low = 0, high = 1;  // power(high) = 1 >= power whenever b_min <= n
  for (int i = 0; i < 60; ++i) {
    const double mid = (low + high) / 2;
    if (binomial_upper_tail(*b_min, n, mid) >= power) high = mid;
    else low = mid;
  }
  return high;
}

}  // namespace landed
