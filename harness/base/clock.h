// Wall-clock helpers: timestamps for records and a monotonic stopwatch for phases.
#pragma once

#include <chrono>
#include <string>

namespace landed {

/// The current UTC time as ISO 8601 with milliseconds, e.g. "2026-11-23T11:31:30.123Z".
std::string utc_now_iso8601();
std::string host_name();

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace landed
