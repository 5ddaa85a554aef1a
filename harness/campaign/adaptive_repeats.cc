#include "harness/campaign/adaptive_repeats.h"

#include <cmath>
#include <string>

namespace landed {

inline constexpr int kDefaultAutoMax = 10;

Result<RepeatsSetting> parse_repeats(std::string_view text) {
  RepeatsSetting setting;
  std::string_view count = text;
  if (text.substr(0, 4) == "auto") {
    setting.adaptive = true;
    setting.repeats = kDefaultAutoMax;
    if (text.size() == 4) return setting;
    if (text[4] != ':') return make_error("--repeats {}: expected K, auto or auto:MAX", text);
    count = text.substr(5);
  }
  try {
    std::size_t used = 0;
    const int value = std::stoi(std::string(count), &used);
    if (used != count.size() || value < 1 || value > 10000) throw std::out_of_range("range");
    setting.repeats = value;
  } catch (const std::exception&) {
    return make_error("--repeats {}: expected a count from 1 to 10000, auto or auto:MAX", text);
  }
  return setting;
}

Interval wilson_interval(int passes, int n, double z) {
  if (n <= 0) return {};
  const double p = static_cast<double>(passes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double z_for_confidence(double confidence) {
  // Two-sided normal quantiles; linear between the tabulated points is close enough here.
  static constexpr double kTable[][2] = {{0.5, 0.674}, {0.8, 1.2816}, {0.9, 1.6449},
                                         {0.95, 1.9600}, {0.99, 2.5758}, {0.999, 3.2905}};
  if (confidence <= kTable[0][0]) return kTable[0][1];
  for (std::size_t i = 1; i < std::size(kTable); ++i)
    if (confidence <= kTable[i][0]) {
      const double t = (confidence - kTable[i - 1][0]) / (kTable[i][0] - kTable[i - 1][0]);
      return kTable[i - 1][1] + t * (kTable[i][1] - kTable[i - 1][1]);
    }
  return kTable[std::size(kTable) - 1][1];
}

bool repeats_settled(int passes, int n, double confidence) {
  if (n <= 0) return false;
  const Interval interval = wilson_interval(passes, n, z_for_confidence(confidence));
  return interval.low > 0.5 || interval.high < 0.5;
}

}  // namespace landed
