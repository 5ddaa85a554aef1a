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

static void clear_empties_the_buffer() {
  RingBuffer rb(3);
  rb.push(5.0);
  rb.clear();
  CHECK(rb.empty());
  CHECK(rb.to_vector().empty());
}

static void moving_average_of_partial_window() {
  MovingAverage avg(5);
  avg.add(2.0);
  avg.add(4.0);
  CHECK(!avg.ready());
  CHECK_NEAR(avg.value(), 3.0);
}

int main() {
  keeps_values_oldest_first();
  rejects_zero_capacity();
  clear_empties_the_buffer();
  moving_average_of_partial_window();
  return check_verdict();
}
