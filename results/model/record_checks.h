// The values a record may not hold, whoever made it: negative counts and costs, non-finite
// numbers, token sums past int64. The records reader quarantines a line that holds one.
#pragma once

#include <optional>
#include <string>

#include "results/model/record.h"

namespace landed {

/// The first unsound value among the fields reports read (identity, usage, cost, wall time),
/// naming the field; nullopt when they are sound.
std::optional<std::string> invalid_summary_value(const Record& record);

/// The same for every other field (timing, processes, patch, route steps).
std::optional<std::string> invalid_detail_value(const Record& record);

/// Both.
inline std::optional<std::string> invalid_value(const Record& record) {
  if (auto why = invalid_summary_value(record)) return why;
  return invalid_detail_value(record);
}

}  // namespace landed
