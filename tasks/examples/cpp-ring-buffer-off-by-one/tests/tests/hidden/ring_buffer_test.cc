#include <stdexcept>
#include <vector>

#include "check.h"
#include "moving_average.h"
#include "ring_buffer.h"

static void keeps_values_oldest_first() {
  RingBuffer rb(4);
  rb.push(1.0);
  rb.push(2.0);
  CHECK(rb.size() == 2);
  CHECK(rb.to_vector() == (std::vector<double>{1.0, 2.0}));
  CHECK_NEAR(rb.at(0), 1.0);
  CHECK_NEAR(rb.at(1), 2.0);
}

static void rejects_zero_capacity() { CHECK_THROWS(RingBuffer(0), std::invalid_argument); }

static void holds_exactly_capacity_values() {
  RingBuffer rb(3);
  rb.push(1.0);
  rb.push(2.0);
  rb.push(3.0);
  CHECK(rb.size() == 3);
  CHECK(rb.full());
  CHECK(rb.to_vector() == (std::vector<double>{1.0, 2.0, 3.0}));
}

static void overwrites_oldest_when_full() {
  RingBuffer rb(3);
  for (int i = 1; i <= 7; ++i) rb.push(i);
  CHECK(rb.size() == 3);
  CHECK(rb.full());
  CHECK(rb.to_vector() == (std::vector<double>{5.0, 6.0, 7.0}));
  CHECK_NEAR(rb.at(0), 5.0);
  CHECK_NEAR(rb.at(2), 7.0);
}

static void capacity_one_keeps_the_latest() {
  RingBuffer rb(1);
  rb.push(1.0);
  CHECK(rb.full());
  rb.push(2.0);
  CHECK(rb.size() == 1);
  CHECK_NEAR(rb.at(0), 2.0);
}

static void at_throws_past_the_end() {
  RingBuffer rb(4);
  CHECK_THROWS(rb.at(0), std::out_of_range);
  rb.push(1.0);
  rb.push(2.0);
  CHECK_THROWS(rb.at(2), std::out_of_range);
  for (int i = 0; i < 5; ++i) rb.push(i);
  CHECK_THROWS(rb.at(4), std::out_of_range);
}

static void clear_then_refill_after_wrap() {
  RingBuffer rb(3);
  for (int i = 0; i < 5; ++i) rb.push(i);
  rb.clear();
  CHECK(rb.empty());
  rb.push(9.0);
  rb.push(8.0);
  CHECK(rb.to_vector() == (std::vector<double>{9.0, 8.0}));
}

static void moving_average_uses_the_full_window() {
  MovingAverage avg(3);
  avg.add(1.0);
  avg.add(2.0);
  CHECK(!avg.ready());
  CHECK_NEAR(avg.value(), 1.5);
  avg.add(3.0);
  CHECK(avg.ready());
  CHECK_NEAR(avg.value(), 2.0);
  avg.add(4.0);
  CHECK(avg.ready());
  CHECK_NEAR(avg.value(), 3.0);
}

int main() {
  keeps_values_oldest_first();
  rejects_zero_capacity();
  holds_exactly_capacity_values();
  overwrites_oldest_when_full();
  capacity_one_keeps_the_latest();
  at_throws_past_the_end();
  clear_then_refill_after_wrap();
  moving_average_uses_the_full_window();
  return check_verdict();
}
