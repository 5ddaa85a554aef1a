// The live progress line of `landed run` on a terminal: done/total, outcomes so far, ETA.
// Silent when stderr is not a terminal (CI logs stay clean).
#pragma once

#include <cstddef>
#include <mutex>

#include "harness/base/clock.h"
#include "results/model/outcome.h"

namespace landed {

class ProgressLine {
 public:
  ProgressLine(bool enabled, std::size_t total) : enabled_(enabled), total_(total) {}
  void attempt_finished(Outcome outcome);
  /// Clears the line so the summary that follows starts on a clean line.
  void finish();

 private:
  void draw();
  bool enabled_;
  std::size_t total_;
  std::size_t done_ = 0, passed_ = 0, failed_ = 0, errors_ = 0, infra_ = 0;
  Stopwatch clock_;
  std::mutex mutex_;
};

}  // namespace landed
