#include "harness/campaign/attempt_metering.h"

#include <cstdlib>

#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "harness/base/files.h"
#include "results/model/record_json.h"
#include "runners/metering.h"
#include "runners/redact.h"

namespace landed {
namespace {

using nlohmann::json;

/// A failure that says the provider did not answer: 408, 429, 5xx, or no connection at all.
bool provider_failure(const std::string& key) {
  if (key == "connection" || key == "408" || key == "429") return true;
  return key.size() == 3 && key[0] == '5';
}

std::string status_counts(const std::map<std::string, std::int64_t>& errors) {
  std::vector<std::string> parts;
  for (const auto& [status, count] : errors) parts.push_back(fmt::format("{} x{}", status, count));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string limit_words(const std::string& limit) {
  if (limit == "usd") return "its dollar limit (max_usd)";
  if (limit == "tokens") return "its token limit (max_tokens)";
  if (limit == "steps") return "its model-call limit (max_steps)";
  return "the campaign's dollar cap (--max-usd)";
}

std::string overrun_words(const MeteredUsage& m) {
  const double overrun = m.overrun.value_or(0);
  if (*m.limit_hit == "usd") return fmt::format("${:.4f}", overrun);
  if (*m.limit_hit == "tokens") return fmt::format("{:.0f} tokens", overrun);
  if (*m.limit_hit == "steps") return fmt::format("{:.0f} calls", overrun);
  return "not measured per attempt";
}

json call_json(const CallRecord& call) {
  json out{{"method", call.method}, {"path", call.path}, {"format", std::string(to_string(call.format))},
           {"status", call.status}, {"model", call.model_call() ? json(call.model()) : json(nullptr)},
           {"refused", call.refused}, {"client_gone", call.client_gone},
           {"ttfb_s", call.ttfb_s ? json(*call.ttfb_s) : json(nullptr)}, {"total_s", call.total_s}};
  if (!call.error.empty()) out["error"] = call.error;
  if (!call.usage.service_tier.empty()) out["service_tier"] = call.usage.service_tier;
  if (call.model_call() && call.status >= 200 && call.status < 300) {
    Usage usage;
    usage.tokens = call.usage.tokens;
    out["usage"] = call.usage.known ? to_json(usage) : json(nullptr);
    if (call.usage.known) out["usage"]["cache_write_1h_tokens"] = call.usage.cache_write_1h_tokens ? json(*call.usage.cache_write_1h_tokens) : json(nullptr);
    if (!call.usage.known) out["usage_problem"] = call.usage.problem;
  }
  return out;
}

}  // namespace

Result<std::optional<MeterLease>> open_attempt_meter(MeterProxy* proxy, const Contender& contender,
                                                     const std::string& attempt_id,
                                                     const std::function<Dollars(const Usage&)>& price) {
  if (proxy == nullptr || !wants_meter(contender)) return std::optional<MeterLease>();
  LANDED_TRY(std::string upstream, meter_upstream(contender));
  MeterLimits limits{contender.limits.max_usd, contender.limits.max_tokens, contender.limits.max_steps};
  LANDED_TRY(MeterLease lease, proxy->open(AttemptMeterSpec{attempt_id, upstream, limits, price}));
  return std::optional<MeterLease>(std::move(lease));
}

void apply_meter_to_agent(const MeterReport& report, AgentResult& agent) {
  const MeteredUsage& m = report.usage;
  if (m.limit_hit && !(agent.status == AgentStatus::kOverBudget && agent.limit_hit != "metered")) {
    agent.status = AgentStatus::kOverBudget;
    agent.limit_hit = *m.limit_hit;
    agent.reason = fmt::format("stopped: the attempt reached {}; the metering proxy refused the next "
                               "model call (overrun past the limit: {})", limit_words(*m.limit_hit),
                               overrun_words(m));
    return;
  }
  std::int64_t failed = 0;
  for (const auto& [status, count] : m.errors_by_status)
    if (provider_failure(status)) failed += count;
  if (m.calls == 0 || failed != m.calls || agent.status == AgentStatus::kOverBudget) return;
  agent.status = AgentStatus::kInfraError;
  const bool unreachable = m.errors_by_status.size() == 1 && m.errors_by_status.count("connection");
  agent.reason = fmt::format("{}: all {} model calls failed at the provider ({}){}",
                             unreachable ? "provider unreachable" : "provider unavailable", m.calls,
                             status_counts(m.errors_by_status),
                             agent.reason.empty() ? "" : "; the agent said: " + agent.reason);
}

void apply_meter_to_record(const MeterReport& report, const std::function<Dollars(const Usage&)>& price,
                           bool tool_report_final, Record& record) {
  record.metered = report.usage;
  if (price) record.metered->cost_usd = price(metered_as_usage(report.usage));
  const Usage tool = record.usage;
  const bool tool_reported = tool.tokens.total().has_value();
  if (!report.usage.complete) {
    record.usage_source = "tool";
    return;
  }
  Usage metered = metered_as_usage(report.usage);
  std::int64_t answered = report.usage.calls;
  for (const auto& [status, count] : report.usage.errors_by_status) answered -= count;
  metered.steps = answered;
  metered.tool_calls = tool.tool_calls;
  metered.cost_usd_reported = tool.cost_usd_reported;
  record.usage = std::move(metered);
  record.usage_source = tool_reported ? "both" : "metered";
  if (tool_reported) {
    record.tool_usage = tool;
    if (tool_report_final) record.usage_mismatch = usage_mismatch(tool.tokens, report.usage.tokens);
  }
}

Status write_meter_logs(const MeterReport& report, const std::filesystem::path& dir, bool keep_traffic,
                        const Contender& contender) {
  std::string lines;
  for (const CallRecord& call : report.calls) lines += call_json(call).dump() + "\n";
  LANDED_TRY_STATUS(write_file(dir / "meter.jsonl", lines));
  if (!keep_traffic) return ok_status();
  std::string traffic;
  for (const CallRecord& call : report.calls) {
    json headers = json::object();
    for (const auto& [name, value] : call.request_headers) headers[name] = value;
    json line{{"method", call.method}, {"path", call.path}, {"status", call.status},
              {"request_headers", headers}, {"request_body", call.request_body},
              {"response_body", call.response_body}};
    traffic += line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  std::vector<std::string> secrets;
  for (const auto& [key, source] : contender.env_from)
    if (const char* value = std::getenv(source.c_str()); value && *value) secrets.emplace_back(value);
  return write_file(dir / "traffic.jsonl", redact(std::move(traffic), secrets));
}

}  // namespace landed
