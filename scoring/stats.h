// Small pure statistics for scoreboards and the regression gate, each tested against exact
// values: Wilson intervals, the unbiased pass@k, exact McNemar, a seeded paired bootstrap.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace landed {

struct Interval {
  double low = 0;
  double high = 1;
  bool operator==(const Interval&) const = default;
};

/// z for a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

/// Wilson score interval of a binomial proportion; n == 0 gives [0, 1].
Interval wilson_interval(std::int64_t successes, std::int64_t n, double z = kZ95);

/// z for a two-sided confidence level: exact at 0.5, 0.8, 0.9, 0.95 (kZ95), 0.99 and 0.999,
/// linear between them.
double z_for_confidence(double confidence);

/// True when the closed intervals share a point.
bool overlaps(const Interval& a, const Interval& b);

/// Chen et al.'s unbiased pass@k from n samples with c correct: 1 - C(n-c, k) / C(n, k).
/// Null when k > n or k < 1.
std::optional<double> pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k);

/// Two-sided exact McNemar p-value from the discordant pairs: b (only the first passed)
/// and c (only the second passed). 1 when b + c == 0.
double mcnemar_exact_p(std::int64_t b, std::int64_t c);

/// P(X <= k) for X ~ Binomial(n, 1/2), computed in log space (n up to millions).
double binomial_half_cdf(std::int64_t k, std::int64_t n);

struct BootstrapResult {
  double mean = 0;          // the observed mean difference
  Interval interval;        // percentile interval at the requested level
  double p_value = 1;       // two-sided: 2 x the smaller tail mass on either side of 0
};

/// Paired bootstrap of the mean of per-unit differences (e.g. candidate - baseline pass
/// rate of each task): resamples units with replacement `resamples` times using a
/// std::mt19937_64 seeded with `seed`, so a result is reproducible.
BootstrapResult paired_bootstrap(const std::vector<double>& differences, double level = 0.95,
                                 int resamples = 10000, std::uint64_t seed = 20250101);

/// Ratio-of-sums bootstrap: resamples paired units and returns the interval of
/// sum(num_b)/sum(den_b) - sum(num_a)/sum(den_a); resamples with a zero denominator are
/// dropped. Null when the observed ratios are undefined.
struct PairedRatioUnit {
  double num_a, den_a, num_b, den_b;
};
std::optional<BootstrapResult> paired_ratio_bootstrap(const std::vector<PairedRatioUnit>& units,
                                                      double level = 0.95,
                                                      int resamples = 4000,
                                                      std::uint64_t seed = 20250101);

double mean(const std::vector<double>& values);
/// Median; the mean of the middle two for an even count. Null for no values.
std::optional<double> median(std::vector<double> values);

}  // namespace landed
