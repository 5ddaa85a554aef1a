#include "ring_buffer.h"

#include <stdexcept>

RingBuffer::RingBuffer(std::size_t capacity) : data_(capacity) {
  if (capacity == 0) throw std::invalid_argument("RingBuffer capacity must be at least 1");
}

void RingBuffer::push(double value) {
  if (size_ < data_.size()) {
    data_[(head_ + size_) % data_.size()] = value;
    ++size_;
  } else {
    // Full: the oldest slot takes the new value and the next-oldest becomes the head.
    data_[head_] = value;
    head_ = (head_ + 1) % data_.size();
  }
}

double RingBuffer::at(std::size_t i) const {
  if (i >= size_) throw std::out_of_range("RingBuffer::at: index past the end");
  return data_[(head_ + i) % data_.size()];
}

std::vector<double> RingBuffer::to_vector() const {
  std::vector<double> out;
  out.reserve(size_);
  for (std::size_t i = 0; i < size_; ++i) out.push_back(data_[(head_ + i) % data_.size()]);
  return out;
}

void RingBuffer::clear() {
  head_ = 0;
  size_ = 0;
}
