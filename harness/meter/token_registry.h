// The live attempt tokens of the metering proxy: each running attempt's base URL carries an
// unguessable token (128 random bits); a request whose token is not live is refused.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "harness/base/error.h"
#include "harness/meter/attempt_meter.h"

namespace landed {

/// 32 lowercase hex digits from the system's random source.
Result<std::string> new_attempt_token();

class TokenRegistry {
 public:
  /// Registers `meter` under a fresh token and returns the token.
  Result<std::string> add(std::shared_ptr<AttemptMeter> meter);
  /// The meter of a live token; null for an unknown or removed one.
  std::shared_ptr<AttemptMeter> find(std::string_view token) const;
  void remove(const std::string& token);
  /// Sum of the running metered cost of every live attempt.
  double live_cost_usd() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<AttemptMeter>> meters_;
};

}  // namespace landed
