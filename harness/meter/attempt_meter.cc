#include "harness/meter/attempt_meter.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>

namespace landed {
namespace {

MeteredModel& model_entry(MeteredUsage& usage, const std::string& model) {
  auto it = std::find_if(usage.by_model.begin(), usage.by_model.end(),
                         [&](const MeteredModel& m) { return m.model == model; });
  if (it != usage.by_model.end()) return *it;
  usage.by_model.push_back(MeteredModel{model});
  return usage.by_model.back();
}

/// A failed call's key in errors_by_status; empty for a call the upstream answered with 2xx/3xx.
std::string error_key(const CallRecord& call) {
  if (call.refused) return "refused";
  if (call.status == 0) return "connection";
  if (call.status >= 400) return std::to_string(call.status);
  return "";
}

void add_call(MeteredUsage& usage, const CallRecord& call) {
  MeteredModel& model = model_entry(usage, call.model());
  ++usage.calls;
  ++model.calls;
  model.time_s += call.total_s;
  if (call.ttfb_s) model.ttfb_s_max = std::max(model.ttfb_s_max.value_or(0), *call.ttfb_s);
  if (const std::string key = error_key(call); !key.empty()) {
    ++usage.errors_by_status[key];
    return;  // an error reply carries no usage and is not billed
  }
  if (!call.usage.known) {
    ++usage.calls_usage_unknown;
    ++model.calls_usage_unknown;
    usage.complete = false;
    return;
  }
  model.tokens += call.usage.tokens;
  usage.tokens += call.usage.tokens;
  add_count(model.cache_write_1h_tokens, call.usage.cache_write_1h_tokens);
  add_count(usage.cache_write_1h_tokens, call.usage.cache_write_1h_tokens);
}

}  // namespace

std::string CallRecord::model() const {
  if (!usage.model.empty()) return usage.model;
  if (!request_model.empty()) return request_model;
  return "unknown";
}

AttemptMeter::AttemptMeter(std::string attempt_id, Upstream upstream, MeterLimits limits,
                           std::function<Dollars(const Usage&)> price)
    : attempt_id_(std::move(attempt_id)), upstream_(std::move(upstream)), limits_(limits),
      price_(std::move(price)), stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

AttemptMeter::~AttemptMeter() {
  if (stop_fd_ >= 0) ::close(stop_fd_);
}

std::optional<Refusal> AttemptMeter::check_limits(const CampaignBudget& campaign,
                                                   double campaign_live_usd) const {
  const std::int64_t tokens = usage_.tokens.total().value_or(0);
  const double cost = cost_.value_or(0);
  if (limits_.max_steps && usage_.calls >= *limits_.max_steps)
    return Refusal{"steps", fmt::format("landed: this attempt reached its limit of {} model calls "
                                        "(max_steps); no more calls are forwarded",
                                        *limits_.max_steps)};
  if (limits_.max_tokens && tokens >= *limits_.max_tokens)
    return Refusal{"tokens", fmt::format("landed: this attempt reached its limit of {} tokens "
                                         "(max_tokens: {} used); no more calls are forwarded",
                                         *limits_.max_tokens, tokens)};
  if (limits_.max_usd && cost >= *limits_.max_usd)
    return Refusal{"usd", fmt::format("landed: this attempt reached its limit of ${:.4f} (max_usd: "
                                      "${:.4f} spent); no more calls are forwarded",
                                      *limits_.max_usd, cost)};
  if (campaign.max_usd) {
    const double spent = campaign_live_usd + (campaign.spent_elsewhere ? campaign.spent_elsewhere() : 0);
    if (spent >= *campaign.max_usd)
      return Refusal{"campaign_usd", fmt::format("landed: the campaign reached its dollar cap of "
                                                 "${:.4f} (--max-usd: ${:.4f} spent); no more calls "
                                                 "are forwarded", *campaign.max_usd, spent)};
  }
  return std::nullopt;
}

std::optional<Refusal> AttemptMeter::admit(const CampaignBudget& campaign, double campaign_live_usd) {
  std::lock_guard lock(mutex_);
  if (refusal_) return refusal_;
  auto refusal = check_limits(campaign, campaign_live_usd);
  if (!refusal) return std::nullopt;
  double overrun = 0;
  if (refusal->limit == "steps") overrun = static_cast<double>(usage_.calls - *limits_.max_steps);
  if (refusal->limit == "tokens")
    overrun = static_cast<double>(usage_.tokens.total().value_or(0) - *limits_.max_tokens);
  if (refusal->limit == "usd") overrun = cost_.value_or(0) - *limits_.max_usd;
  refuse(*refusal, overrun);
  return refusal;
}

void AttemptMeter::refuse(const Refusal& refusal, double overrun) {
  refusal_ = refusal;
  usage_.limit_hit = refusal.limit;
  usage_.overrun = std::max(0.0, overrun);
  const std::uint64_t one = 1;
  if (stop_fd_ >= 0) (void)!::write(stop_fd_, &one, sizeof one);
}

void AttemptMeter::begin_call() {
  std::lock_guard lock(mutex_);
  ++in_flight_;
}

bool AttemptMeter::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return in_flight_ == 0; });
}

void AttemptMeter::record(CallRecord call) {
  std::lock_guard lock(mutex_);
  if (in_flight_ > 0 && --in_flight_ == 0) idle_.notify_all();
  if (call.model_call()) {
    add_call(usage_, call);
    if (price_ && !call.refused && call.usage.known) cost_ = price_(metered_as_usage(usage_));
  }
  calls_.push_back(std::move(call));
}

double AttemptMeter::cost_usd() const {
  std::lock_guard lock(mutex_);
  return cost_.value_or(0);
}

MeterReport AttemptMeter::report() const {
  std::lock_guard lock(mutex_);
  MeterReport report{usage_, calls_, cost_};
  // No usage read at all (no call, or only failed ones) is a known zero, not unknown.
  if (report.usage.complete && !report.usage.tokens.total())
    report.usage.tokens = TokenUsage{0, 0, 0, 0, std::nullopt};
  return report;
}

}  // namespace landed
