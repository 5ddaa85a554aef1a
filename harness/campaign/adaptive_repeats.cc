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

bool repeats_settled(int passes, int n, double confidence) {
  if (n <= 0) return false;
  const Interval interval = wilson_interval(passes, n, z_for_confidence(confidence));
  return interval.low > 0.5 || interval.high < 0.5;
}

}  // namespace landed
