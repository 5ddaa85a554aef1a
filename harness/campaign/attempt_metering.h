// The metering step of an attempt: registering it with the metering proxy before the agent
// starts, and folding what the proxy saw into the agent's result and the record once it ended
// (usage and its source, the mismatch with the tool's own report, a cap the proxy held, a
// provider that never answered), plus the attempt's call log (meter.jsonl; traffic.jsonl with
// --keep-traffic, credentials removed).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/meter/meter_proxy.h"
#include "results/model/record.h"
#include "runners/runner.h"

namespace landed {

/// A lease on the proxy when the contender is metered; nullopt when it is not (or no proxy).
Result<std::optional<MeterLease>> open_attempt_meter(MeterProxy* proxy, const Contender& contender,
                                                     const std::string& attempt_id,
                                                     const std::function<Dollars(const Usage&)>& price);

/// A limit the proxy held ends the attempt over_budget; calls that all failed (429, 5xx, no
/// connection) make it an infra_error naming the status counts.
void apply_meter_to_agent(const MeterReport& report, AgentResult& agent);

/// Sets record.metered, usage_source, tool_usage, usage_mismatch and, when the metered usage is
/// complete, record.usage from the meter (steps = answered calls; tool_calls and the tool's own
/// cost stay the tool's). `record.usage` holds the tool's report when called. The two are
/// compared (usage_mismatch) only when `tool_report_final`: a tool landed stopped (a limit, the
/// timeout) never wrote its final report, so what it had said so far is not a misreport.
void apply_meter_to_record(const MeterReport& report, const std::function<Dollars(const Usage&)>& price,
                           bool tool_report_final, Record& record);

/// meter.jsonl in `dir`: one line per request (no bodies, no headers); with `keep_traffic` also
/// traffic.jsonl with headers and bodies, credential headers and the values of the contender's
/// env_from secrets replaced.
Status write_meter_logs(const MeterReport& report, const std::filesystem::path& dir, bool keep_traffic,
                        const Contender& contender);

}  // namespace landed
