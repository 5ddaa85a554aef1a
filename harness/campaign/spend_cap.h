// The campaign's dollar cap (--max-usd): an attempt starts only if the money already spent,
// plus the worst case of every attempt in flight, plus its own worst case stays within the cap.
// Not thread-safe: the campaign calls it under its own lock.
#pragma once

#include <optional>

#include "results/model/usage.h"

namespace landed {

class SpendCap {
 public:
  /// `spent`: dollars already spent by this campaign (a resumed one counts its records).
  SpendCap(std::optional<double> max_usd, double spent) : max_usd_(max_usd), spent_(spent) {}

  /// True, and the worst case is reserved, when the attempt may start.
  bool try_start(double worst_case_usd);
  /// Releases the reservation and adds what the attempt really cost (null: nothing known).
  void finished(double worst_case_usd, Dollars cost_usd);

  double spent() const { return spent_; }
  double reserved() const { return reserved_; }
  /// Largest cost of one attempt seen so far: the worst case of attempts nothing else bounds.
  double largest_attempt() const { return largest_; }

 private:
  std::optional<double> max_usd_;
  double spent_ = 0;
  double reserved_ = 0;
  double largest_ = 0;
};

}  // namespace landed
