#include "scoring/median_sketch.h"

#include <algorithm>
#include <cmath>

#include "scoring/stats.h"

namespace landed {
namespace {

// Bins cover [1e-9, 1e9): below is "zero" (a free attempt), above is clamped to the top bin.
constexpr double kLowest = 1e-9;
const double kLogGrowth = std::log(1.01);
const std::size_t kBinCount =
    static_cast<std::size_t>(std::ceil(std::log(1e9 / kLowest) / std::log(1.01)));

std::size_t bin_of(double value) {
  auto bin = static_cast<std::size_t>(std::log(value / kLowest) / kLogGrowth);
  return std::min(bin, kBinCount - 1);
}

/// The geometric middle of a bin: at most 0.5% from any value in it.
double bin_center(std::size_t bin) {
  return kLowest * std::exp((static_cast<double>(bin) + 0.5) * kLogGrowth);
}

}  // namespace

void MedianSketch::add(double value) {
  value = std::max(0.0, value);
  ++count_;
  if (bins_.empty()) {
    exact_.push_back(value);
    if (exact_.size() > kExactLimit) switch_to_bins();
    return;
  }
  add_to_bins(value);
}

void MedianSketch::add_to_bins(double value) {
  if (value < kLowest) ++zeros_;
  else ++bins_[bin_of(value)];
}

void MedianSketch::switch_to_bins() {
  bins_.assign(kBinCount, 0);
  for (double value : exact_) add_to_bins(value);
  exact_.clear();
  exact_.shrink_to_fit();
}

void MedianSketch::merge(const MedianSketch& other) {
  if (bins_.empty() && other.bins_.empty() &&
      exact_.size() + other.exact_.size() <= kExactLimit) {
    exact_.insert(exact_.end(), other.exact_.begin(), other.exact_.end());
    count_ += other.count_;
    return;
  }
  if (bins_.empty()) switch_to_bins();
  for (double value : other.exact_) add_to_bins(value);
  for (std::size_t bin = 0; bin < other.bins_.size(); ++bin) bins_[bin] += other.bins_[bin];
  zeros_ += other.zeros_;
  count_ += other.count_;
}

double MedianSketch::value_at_rank(std::int64_t rank) const {
  if (rank < zeros_) return 0;
  std::int64_t seen = zeros_;
  for (std::size_t bin = 0; bin < bins_.size(); ++bin) {
    seen += bins_[bin];
    if (rank < seen) return bin_center(bin);
  }
  return bin_center(bins_.size() - 1);
}

std::optional<double> MedianSketch::median() const {
  if (count_ == 0) return std::nullopt;
  if (bins_.empty()) return landed::median(exact_);
  std::int64_t mid = count_ / 2;
  if (count_ % 2 == 1) return value_at_rank(mid);
  return (value_at_rank(mid - 1) + value_at_rank(mid)) / 2;
}

}  // namespace landed
