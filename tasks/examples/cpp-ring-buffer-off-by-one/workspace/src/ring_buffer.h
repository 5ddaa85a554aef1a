// A fixed-capacity FIFO of doubles that overwrites its oldest element when full.
#pragma once

#include <cstddef>
#include <vector>

class RingBuffer {
 public:
  /// Throws std::invalid_argument when capacity is 0.
  explicit RingBuffer(std::size_t capacity);

  /// Appends a value; when the buffer already holds capacity() values, the oldest is dropped.
  void push(double value);

  /// Number of values held, at most capacity().
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return data_.size(); }
  bool empty() const { return size_ == 0; }
  /// True when size() == capacity().
  bool full() const { return size_ == data_.size(); }

  /// The i-th value, 0 being the oldest. Throws std::out_of_range when i >= size().
  double at(std::size_t i) const;

  /// All values, oldest first.
  std::vector<double> to_vector() const;

  void clear();

 private:
  std::vector<double> data_;
  std::size_t head_ = 0;  // index of the oldest value
  std::size_t size_ = 0;
};
