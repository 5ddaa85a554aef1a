// A streaming median in bounded memory: exact up to kExactLimit values, then a log-binned
// histogram whose answer is within 0.5% of the exact median (bins grow by 1%).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace landed {

class MedianSketch {
 public:
  static constexpr std::size_t kExactLimit = 1 << 16;

  /// Adds a value >= 0 (dollars, seconds); negative values count as 0.
  void add(double value);
  std::optional<double> median() const;
  /// Adds every value of `other` (a sketch filled on another thread).
  void merge(const MedianSketch& other);
  std::int64_t count() const { return count_; }
  /// True once the answer is approximate.
  bool binned() const { return !bins_.empty(); }

 private:
  void switch_to_bins();
  void add_to_bins(double value);
  double value_at_rank(std::int64_t rank) const;

  std::vector<double> exact_;
  std::vector<std::int64_t> bins_;
  std::int64_t zeros_ = 0;
  std::int64_t count_ = 0;
};

}  // namespace landed
