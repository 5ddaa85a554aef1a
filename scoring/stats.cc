#include "scoring/stats.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <random>

namespace landed {
namespace {

double log_choose(std::int64_t n, std::int64_t k) {
  return std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(k) + 1) -
         std::lgamma(static_cast<double>(n - k) + 1);
}

/// The value at quantile q of sorted values, by linear interpolation.
double quantile_sorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  double position = q * static_cast<double>(sorted.size() - 1);
  auto lower = static_cast<std::size_t>(std::floor(position));
  std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  double fraction = position - static_cast<double>(lower);
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}

/// Percentile interval and two-sided sign p-value of bootstrap replicates.
BootstrapResult summarize(double observed, std::vector<double> replicates, double level) {
  BootstrapResult result;
  result.mean = observed;
  if (replicates.empty()) return result;
  std::sort(replicates.begin(), replicates.end());
  double tail = (1 - level) / 2;
  result.interval = {quantile_sorted(replicates, tail), quantile_sorted(replicates, 1 - tail)};
  auto at_or_below = std::count_if(replicates.begin(), replicates.end(),
                                   [](double d) { return d <= 0; });
  auto at_or_above = std::count_if(replicates.begin(), replicates.end(),
                                   [](double d) { return d >= 0; });
  double smaller = static_cast<double>(std::min(at_or_below, at_or_above));
  result.p_value = std::min(1.0, 2 * smaller / static_cast<double>(replicates.size()));
  return result;
}

}  // namespace

Interval wilson_interval(std::int64_t successes, std::int64_t n, double z) {
  if (n <= 0) return {0, 1};
  double nn = static_cast<double>(n);
  double p = static_cast<double>(successes) / nn;
  double z2 = z * z;
  double center = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

double z_for_confidence(double confidence) {
  static constexpr double kTable[][2] = {{0.5, 0.6744897501960817}, {0.8, 1.2815515655446004},
                                         {0.9, 1.6448536269514722}, {0.95, kZ95},
                                         {0.99, 2.5758293035489004}, {0.999, 3.2905267314918945}};
  if (confidence <= kTable[0][0]) return kTable[0][1];
  for (std::size_t i = 1; i < std::size(kTable); ++i)
    if (confidence <= kTable[i][0]) {
      const double t = (confidence - kTable[i - 1][0]) / (kTable[i][0] - kTable[i - 1][0]);
      return kTable[i - 1][1] + t * (kTable[i][1] - kTable[i - 1][1]);
    }
  return kTable[std::size(kTable) - 1][1];
}

bool overlaps(const Interval& a, const Interval& b) { return a.low <= b.high && b.low <= a.high; }

std::optional<double> pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k) {
  if (k < 1 || k > n || c < 0 || c > n) return std::nullopt;
  if (n - c < k) return 1.0;
  // C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k / i): stable for large n.
  double all_fail = 1.0;
  for (std::int64_t i = n - c + 1; i <= n; ++i)
    all_fail *= 1.0 - static_cast<double>(k) / static_cast<double>(i);
  return 1.0 - all_fail;
}

double binomial_half_cdf(std::int64_t k, std::int64_t n) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  double log_half_n = static_cast<double>(n) * std::log(0.5);
  double sum = 0;
  for (std::int64_t i = 0; i <= k; ++i) sum += std::exp(log_choose(n, i) + log_half_n);
  return std::min(1.0, sum);
}

double mcnemar_exact_p(std::int64_t b, std::int64_t c) {
  std::int64_t n = b + c;
  if (n == 0) return 1.0;
  return std::min(1.0, 2 * binomial_half_cdf(std::min(b, c), n));
}

BootstrapResult paired_bootstrap(const std::vector<double>& differences, double level,
                                 int resamples, std::uint64_t seed) {
  if (differences.empty()) return {};
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, differences.size() - 1);
  std::vector<double> replicates(static_cast<std::size_t>(resamples));
  for (double& replicate : replicates) {
    double sum = 0;
    for (std::size_t i = 0; i < differences.size(); ++i) sum += differences[pick(rng)];
    replicate = sum / static_cast<double>(differences.size());
  }
  return summarize(mean(differences), std::move(replicates), level);
}

std::optional<BootstrapResult> paired_ratio_bootstrap(const std::vector<PairedRatioUnit>& units,
                                                      double level, int resamples,
                                                      std::uint64_t seed) {
  auto ratio_difference = [](const PairedRatioUnit& sum) -> std::optional<double> {
    if (sum.den_a <= 0 || sum.den_b <= 0) return std::nullopt;
    return sum.num_b / sum.den_b - sum.num_a / sum.den_a;
  };
  PairedRatioUnit total{0, 0, 0, 0};
  for (const PairedRatioUnit& u : units)
    total = {total.num_a + u.num_a, total.den_a + u.den_a, total.num_b + u.num_b,
             total.den_b + u.den_b};
  std::optional<double> observed = ratio_difference(total);
  if (!observed) return std::nullopt;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, units.size() - 1);
  std::vector<double> replicates;
  replicates.reserve(static_cast<std::size_t>(resamples));
  for (int r = 0; r < resamples; ++r) {
    PairedRatioUnit sum{0, 0, 0, 0};
    for (std::size_t i = 0; i < units.size(); ++i) {
      const PairedRatioUnit& u = units[pick(rng)];
      sum = {sum.num_a + u.num_a, sum.den_a + u.den_a, sum.num_b + u.num_b, sum.den_b + u.den_b};
    }
    if (std::optional<double> d = ratio_difference(sum)) replicates.push_back(*d);
  }
  return summarize(*observed, std::move(replicates), level);
}

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  std::size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return (values[mid - 1] + values[mid]) / 2;
}

}  // namespace landed
