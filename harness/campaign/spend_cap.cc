#include "harness/campaign/spend_cap.h"

#include <algorithm>

namespace landed {

bool SpendCap::try_start(double worst_case_usd) {
  // A tiny tolerance: sums of prices are not exact, and "exactly at the cap" is within it.
  if (max_usd_ && spent_ + reserved_ + worst_case_usd > *max_usd_ + 1e-9) return false;
  reserved_ += worst_case_usd;
  return true;
}

void SpendCap::finished(double worst_case_usd, Dollars cost_usd) {
  reserved_ = std::max(0.0, reserved_ - worst_case_usd);
  if (cost_usd) {
    spent_ += *cost_usd;
    largest_ = std::max(largest_, *cost_usd);
  }
}

}  // namespace landed
