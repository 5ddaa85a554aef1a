#include "results/model/record_json.h"

#include "results/model/record_parser.h"

namespace landed {
namespace {

using nlohmann::json;

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

void write_tokens(json& out, const TokenUsage& t) {
  out["input_tokens"] = nullable(t.input_tokens);
  out["cache_read_tokens"] = nullable(t.cache_read_tokens);
  out["cache_write_tokens"] = nullable(t.cache_write_tokens);
  out["output_tokens"] = nullable(t.output_tokens);
  out["reasoning_tokens"] = nullable(t.reasoning_tokens);
}

json models_json(const std::vector<ModelUsage>& models) {
  json out = json::array();
  for (const ModelUsage& m : models) {
    json entry{{"model", m.model}};
    write_tokens(entry, m.tokens);
    entry["steps"] = nullable(m.steps);
    entry["cost_usd_reported"] = nullable(m.cost_usd_reported);
    out.push_back(std::move(entry));
  }
  return out;
}

json process_json(const ProcessInfo& p) {
  return json{{"exit_code", nullable(p.exit_code)}, {"signal", nullable(p.signal)},
              {"timed_out", p.timed_out},          {"cpu_s", nullable(p.cpu_s)},
              {"max_rss_kb", nullable(p.max_rss_kb)}, {"log_path", p.log_path}};
}

json contender_json(const ContenderInfo& c) {
  return json{{"id", c.id},
              {"runner", c.runner},
              {"model", nullable(c.model)},
              {"effort", nullable(c.effort)},
              {"simulated", c.simulated},
              {"fingerprint", c.fingerprint}};
}

json agent_json(const AgentInfo& a) {
  json out = process_json(a.process);
  out["status"] = a.status;
  out["stdout_path"] = a.process.log_path;
  out.erase("log_path");
  out["stderr_path"] = a.stderr_path;
  out["limit_hit"] = nullable(a.limit_hit);
  out["model_reported"] = nullable(a.model_reported);
  return out;
}

json patch_json(const PatchInfo& p) {
  return json{{"path", p.path},
              {"bytes", nullable(p.bytes)},
              {"files_changed", nullable(p.files_changed)},
              {"hidden_test_edits", p.hidden_test_edits},
              {"protected_edits", p.protected_edits},
              {"truncated", p.truncated}};
}

json timing_json(const PhaseTimes& t) {
  return json{{"sandbox_s", nullable(t.sandbox_s)},
              {"agent_s", nullable(t.agent_s)},
              {"check_s", nullable(t.check_s)},
              {"verify_s", nullable(t.verify_s)},
              {"setup_s", nullable(t.setup_s)}};
}

json metered_model_json(const MeteredModel& m) {
  json out{{"model", m.model}};
  write_tokens(out, m.tokens);
  out["cache_write_1h_tokens"] = nullable(m.cache_write_1h_tokens);
  out["calls"] = m.calls;
  out["calls_usage_unknown"] = m.calls_usage_unknown;
  out["time_s"] = m.time_s;
  out["ttfb_s_max"] = nullable(m.ttfb_s_max);
  return out;
}

json metered_json(const MeteredUsage& m) {
  json out = json::object();
  write_tokens(out, m.tokens);
  out["cache_write_1h_tokens"] = nullable(m.cache_write_1h_tokens);
  out["calls"] = m.calls;
  out["calls_usage_unknown"] = m.calls_usage_unknown;
  out["complete"] = m.complete;
  out["errors_by_status"] = m.errors_by_status;
  out["limit_hit"] = nullable(m.limit_hit);
  out["overrun"] = nullable(m.overrun);
  out["cost_usd"] = nullable(m.cost_usd);
  json models = json::array();
  for (const MeteredModel& model : m.by_model) models.push_back(metered_model_json(model));
  out["models"] = std::move(models);
  return out;
}

json route_step_json(const RouteStepInfo& step);

json route_json(const RouteInfo& route) {
  json steps = json::array();
  for (const RouteStepInfo& step : route.steps) steps.push_back(route_step_json(step));
  return json{{"cascade", route.cascade},
              {"escalate_on", route.escalate_on},
              {"carry", route.carry},
              {"steps", std::move(steps)}};
}

}  // namespace

json to_json(const Usage& usage) {
  json out = json::object();
  write_tokens(out, usage.tokens);
  out["steps"] = nullable(usage.steps);
  out["tool_calls"] = nullable(usage.tool_calls);
  out["cost_usd_reported"] = nullable(usage.cost_usd_reported);
  out["models"] = models_json(usage.by_model);
  return out;
}

json to_json(const Record& r) {
  json out = json::object();
  out["schema"] = r.schema;
  out["campaign_id"] = r.campaign_id;
  out["attempt_id"] = r.attempt_id;
  out["task_id"] = r.task_id;
  out["task_digest"] = r.task_digest;
  if (r.task_base_commit) out["task_base_commit"] = *r.task_base_commit;
  out["task_difficulty"] = nullable(r.task_difficulty);
  out["task_tags"] = r.task_tags;
  out["contender"] = contender_json(r.contender);
  out["repeat"] = r.repeat;
  out["outcome"] = std::string(to_string(r.outcome));
  out["reason"] = r.reason;
  // Usage fields sit at the top level so `jq .cost_usd` and CSV exports stay flat.
  out.update(to_json(r.usage));
  out["cost_usd"] = nullable(r.cost_usd);
  out["price_status"] = r.price_status;
  out["unpriced_models"] = r.unpriced_models;
  out["wall_time_s"] = nullable(r.wall_time_s);
  out["timing"] = timing_json(r.timing);
  out["agent"] = agent_json(r.agent);
  out["check"] = r.check ? process_json(*r.check) : json(nullptr);
  out["verify"] = r.verify ? process_json(*r.verify) : json(nullptr);
  out["patch"] = patch_json(r.patch);
  out["infra_retries"] = r.infra_retries;
  out["scoring_version"] = nullable(r.scoring_version);
  out["reused_from"] = r.reused_from ? json{{"campaign_id", r.reused_from->campaign_id},
                                            {"attempt_id", r.reused_from->attempt_id}}
                                     : json(nullptr);
  // Optional: present on route attempts only, so single-attempt records keep their shape.
  if (r.route) out["route"] = route_json(*r.route);
  if (r.isolation)
    out["isolation"] = json{{"mode", r.isolation->mode}, {"missing", r.isolation->missing}};
  // Optional: present when the attempt was metered (or the field was set), so other records
  // keep their shape.
  if (!r.usage_source.empty()) out["usage_source"] = r.usage_source;
  if (r.metered) out["metered"] = metered_json(*r.metered);
  if (r.tool_usage) out["tool_usage"] = to_json(*r.tool_usage);
  if (r.metered || !r.usage_mismatch.empty()) out["usage_mismatch"] = r.usage_mismatch;
  out["started_at"] = r.started_at;
  out["finished_at"] = r.finished_at;
  out["host"] = r.host;
  return out;
}

std::string to_json_line(const Record& record) {
  return to_json(record).dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

json route_step_json(const RouteStepInfo& step) {
  json out{{"contender", contender_json(step.contender)},
           {"outcome", std::string(to_string(step.outcome))},
           {"reason", step.reason},
           {"agent_status", step.agent_status},
           {"check", step.check ? process_json(*step.check) : json(nullptr)},
           {"escalated_on", nullable(step.escalated_on)}};
  out.update(to_json(step.usage));
  out["cost_usd"] = nullable(step.cost_usd);
  out["price_status"] = step.price_status;
  out["wall_time_s"] = nullable(step.wall_time_s);
  out["log_dir"] = step.log_dir;
  return out;
}

}  // namespace

Result<Record> parse_record_line(std::string_view line) {
  thread_local RecordParser parser;
  Record record;
  LANDED_TRY_STATUS(parser.parse(line, record));
  return record;
}

}  // namespace landed
