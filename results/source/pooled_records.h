// Pooling several campaigns (`report night1 night2`, a whole `landed.db`) counts each attempt
// once: a record reused from an earlier campaign (`reused_from`) is a copy, not a new attempt.
// Every reader that pools sources (report, compare, routes, publish) asks this one filter.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "harness/base/error.h"
#include "results/source/record_source.h"

namespace landed {

class PooledRecords {
 public:
  /// `campaigns`: the campaign ids the pool holds; `filter`: false for a lone campaign folder
  /// or file, where no attempt can appear twice (nothing is checked then).
  PooledRecords(std::set<std::string> campaigns, bool filter)
      : campaigns_(std::move(campaigns)), filter_(filter) {}

  /// False for a copy of an attempt the pool counts elsewhere: its original campaign is in the
  /// pool, or another copy of the same original was counted already. Thread-safe.
  bool counts(const Record& record);

 private:
  std::set<std::string> campaigns_;
  bool filter_ = false;
  std::mutex mutex_;
  std::unordered_set<std::string> copies_;  // origins of copies whose original is not pooled
};

/// The filter for `sources` pooled together (a history source contributes the campaigns it
/// selects, every one without a selector).
Result<std::unique_ptr<PooledRecords>> pool_records(const std::vector<RecordSource>& sources);

}  // namespace landed
