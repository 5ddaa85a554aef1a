// What a running campaign tells whoever watches it (the command line's progress display),
// in the manner of ninja's `Status`: the campaign never prints, the observer decides how.
#pragma once

#include <cstddef>

#include "results/model/record.h"

namespace landed {

class CampaignObserver {
 public:
  virtual ~CampaignObserver() = default;
  /// Before the first attempt starts: how many attempts this run will execute.
  virtual void campaign_started(std::size_t to_run) = 0;
  /// After each executed attempt is recorded (called from worker threads, one at a time is
  /// not guaranteed: implementations lock).
  virtual void attempt_finished(const Record& record) = 0;
  /// After the last attempt, before the summary.
  virtual void campaign_finished() = 0;
};

}  // namespace landed
