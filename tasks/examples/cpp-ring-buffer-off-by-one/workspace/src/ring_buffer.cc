#include "ring_buffer.h"

#include <stdexcept>

RingBuffer::RingBuffer(std::size_t capacity) : data_(capacity) {
  if (capacity == 0) throw std::invalid_argument("RingBuffer capacity must be at least 1");
}

void RingBuffer::push(double value) {
  const std::size_t slot = (head_ + size_) % data_.size();
  data_[slot] = value;
  if (size_ + 1 < data_.size()) {
    ++size_;
  } else {
    head_ = (head_ + 1) % data_.size();
  }
}

double RingBuffer::at(std::size_t i) const {
  if (i > size_) throw std::out_of_range("RingBuffer::at: index past the end");
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
