// One attempt's side of the metering proxy: its upstream, its limits, the calls it made and
// what they used. Thread-safe: the proxy's threads record calls while the attempt runs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "harness/meter/call_record.h"
#include "harness/meter/upstream.h"
#include "results/model/metered.h"

namespace landed {

/// The caps the proxy holds before the money is spent. Null: no limit.
struct MeterLimits {
  std::optional<double> max_usd;
  std::optional<std::int64_t> max_tokens;  // input + cache read + cache write + output
  std::optional<std::int64_t> max_steps;   // model calls
};

/// The campaign's dollar cap, shared by every attempt's meter.
struct CampaignBudget {
  std::optional<double> max_usd;
  /// Dollars the campaign spent outside the attempts that are running now.
  std::function<double()> spent_elsewhere;
};

/// Why the proxy refuses a call.
struct Refusal {
  std::string limit;    // usd, tokens, steps, campaign_usd
  std::string message;  // in words, naming the limit
};

struct MeterReport {
  MeteredUsage usage;
  std::vector<CallRecord> calls;  // in the order they finished
  Dollars cost_usd;               // of the metered usage, at the price table's rates
};

class AttemptMeter {
 public:
  AttemptMeter(std::string attempt_id, Upstream upstream, MeterLimits limits,
               std::function<Dollars(const Usage&)> price);
  ~AttemptMeter();
  AttemptMeter(const AttemptMeter&) = delete;
  AttemptMeter& operator=(const AttemptMeter&) = delete;

  const std::string& attempt_id() const { return attempt_id_; }
  const Upstream& upstream() const { return upstream_; }
  /// Null when a model call may go to the upstream now; else why not. A refusal for a limit
  /// is final: every later call is refused too, and stop_fd() becomes readable.
  std::optional<Refusal> admit(const CampaignBudget& campaign, double campaign_live_usd);
  /// Every call the proxy handles for this attempt: begin_call() when it arrives, record() once
  /// its reply ended (or it was refused).
  void begin_call();
  void record(CallRecord call);
  /// Waits until no call is in flight, at most `timeout`; false if some still are.
  bool wait_idle(std::chrono::milliseconds timeout);
  /// Running cost of the metered usage (0 while unpriced).
  double cost_usd() const;
  /// An eventfd that becomes readable once a call was refused for a limit: landed then stops
  /// the agent rather than wait for it to give up.
  int stop_fd() const { return stop_fd_; }
  MeterReport report() const;

 private:
  std::optional<Refusal> check_limits(const CampaignBudget& campaign, double campaign_live_usd) const;
  void refuse(const Refusal& refusal, double overrun);

  const std::string attempt_id_;
  const Upstream upstream_;
  const MeterLimits limits_;
  const std::function<Dollars(const Usage&)> price_;
  int stop_fd_ = -1;
  mutable std::mutex mutex_;
  MeteredUsage usage_;
  Dollars cost_;
  std::vector<CallRecord> calls_;
  std::optional<Refusal> refusal_;
  int in_flight_ = 0;
  std::condition_variable idle_;
};

}  // namespace landed
