// The mean of the last `window` samples, for smoothing noisy sensor readings.
#pragma once

#include <cstddef>

#include "ring_buffer.h"

class MovingAverage {
 public:
  explicit MovingAverage(std::size_t window) : samples_(window) {}

  void add(double sample) { samples_.push(sample); }

  /// True once a full window of samples has been seen.
  bool ready() const { return samples_.full(); }

  /// Mean of the samples held (fewer than `window` before ready()); 0 when empty.
  double value() const {
    if (samples_.empty()) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < samples_.size(); ++i) sum += samples_.at(i);
    return sum / static_cast<double>(samples_.size());
  }

 private:
  RingBuffer samples_;
};
