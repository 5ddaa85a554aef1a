#include "results/model/record_json.h"

namespace landed {
namespace {

using nlohmann::json;

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <class T>
std::optional<T> optional_field(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

template <class T>
T field_or(const json& object, const char* key, T fallback) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  return it->get<T>();
}

void write_tokens(json& out, const TokenUsage& t) {
  out["input_tokens"] = nullable(t.input_tokens);
  out["cache_read_tokens"] = nullable(t.cache_read_tokens);
  out["cache_write_tokens"] = nullable(t.cache_write_tokens);
  out["output_tokens"] = nullable(t.output_tokens);
  out["reasoning_tokens"] = nullable(t.reasoning_tokens);
}

TokenUsage read_tokens(const json& in) {
  TokenUsage t;
  t.input_tokens = optional_field<std::int64_t>(in, "input_tokens");
  t.cache_read_tokens = optional_field<std::int64_t>(in, "cache_read_tokens");
  t.cache_write_tokens = optional_field<std::int64_t>(in, "cache_write_tokens");
  t.output_tokens = optional_field<std::int64_t>(in, "output_tokens");
  t.reasoning_tokens = optional_field<std::int64_t>(in, "reasoning_tokens");
  return t;
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

std::vector<ModelUsage> read_models(const json& in) {
  std::vector<ModelUsage> models;
  if (!in.is_array()) return models;
  for (const json& entry : in) {
    ModelUsage m;
    m.model = field_or<std::string>(entry, "model", "");
    m.tokens = read_tokens(entry);
    m.steps = optional_field<std::int64_t>(entry, "steps");
    m.cost_usd_reported = optional_field<double>(entry, "cost_usd_reported");
    models.push_back(std::move(m));
  }
  return models;
}

json process_json(const ProcessInfo& p) {
  return json{{"exit_code", nullable(p.exit_code)}, {"signal", nullable(p.signal)},
              {"timed_out", p.timed_out},          {"cpu_s", nullable(p.cpu_s)},
              {"max_rss_kb", nullable(p.max_rss_kb)}, {"log_path", p.log_path}};
}

ProcessInfo read_process(const json& in) {
  ProcessInfo p;
  p.exit_code = optional_field<int>(in, "exit_code");
  p.signal = optional_field<int>(in, "signal");
  p.timed_out = field_or<bool>(in, "timed_out", false);
  p.cpu_s = optional_field<double>(in, "cpu_s");
  p.max_rss_kb = optional_field<std::int64_t>(in, "max_rss_kb");
  p.log_path = field_or<std::string>(in, "log_path", "");
  return p;
}

json contender_json(const ContenderInfo& c) {
  return json{{"id", c.id},
              {"runner", c.runner},
              {"model", nullable(c.model)},
              {"effort", nullable(c.effort)},
              {"simulated", c.simulated},
              {"fingerprint", c.fingerprint}};
}

ContenderInfo read_contender(const json& in) {
  ContenderInfo c;
  c.id = field_or<std::string>(in, "id", "");
  c.runner = field_or<std::string>(in, "runner", "");
  c.model = optional_field<std::string>(in, "model");
  c.effort = optional_field<std::string>(in, "effort");
  c.simulated = field_or<bool>(in, "simulated", false);
  c.fingerprint = field_or<std::string>(in, "fingerprint", "");
  return c;
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

AgentInfo read_agent(const json& in) {
  AgentInfo a;
  a.process = read_process(in);
  a.process.log_path = field_or<std::string>(in, "stdout_path", "");
  a.status = field_or<std::string>(in, "status", "");
  a.stderr_path = field_or<std::string>(in, "stderr_path", "");
  a.limit_hit = optional_field<std::string>(in, "limit_hit");
  a.model_reported = optional_field<std::string>(in, "model_reported");
  return a;
}

json patch_json(const PatchInfo& p) {
  return json{{"path", p.path},
              {"bytes", nullable(p.bytes)},
              {"files_changed", nullable(p.files_changed)},
              {"hidden_test_edits", p.hidden_test_edits},
              {"protected_edits", p.protected_edits},
              {"truncated", p.truncated}};
}

PatchInfo read_patch(const json& in) {
  PatchInfo p;
  p.path = field_or<std::string>(in, "path", "");
  p.bytes = optional_field<std::int64_t>(in, "bytes");
  p.files_changed = optional_field<std::int64_t>(in, "files_changed");
  p.hidden_test_edits = field_or<std::vector<std::string>>(in, "hidden_test_edits", {});
  p.protected_edits = field_or<std::vector<std::string>>(in, "protected_edits", {});
  p.truncated = field_or<bool>(in, "truncated", false);
  return p;
}

json timing_json(const PhaseTimes& t) {
  return json{{"sandbox_s", nullable(t.sandbox_s)},
              {"agent_s", nullable(t.agent_s)},
              {"check_s", nullable(t.check_s)},
              {"verify_s", nullable(t.verify_s)}};
}

PhaseTimes read_timing(const json& in) {
  PhaseTimes t;
  t.sandbox_s = optional_field<double>(in, "sandbox_s");
  t.agent_s = optional_field<double>(in, "agent_s");
  t.check_s = optional_field<double>(in, "check_s");
  t.verify_s = optional_field<double>(in, "verify_s");
  return t;
}

json route_step_json(const RouteStepInfo& step);
RouteStepInfo read_route_step(const json& in);

json route_json(const RouteInfo& route) {
  json steps = json::array();
  for (const RouteStepInfo& step : route.steps) steps.push_back(route_step_json(step));
  return json{{"cascade", route.cascade},
              {"escalate_on", route.escalate_on},
              {"carry", route.carry},
              {"steps", std::move(steps)}};
}

RouteInfo read_route(const json& in) {
  RouteInfo route;
  route.cascade = field_or<std::vector<std::string>>(in, "cascade", {});
  route.escalate_on = field_or<std::vector<std::string>>(in, "escalate_on", {});
  route.carry = field_or<bool>(in, "carry", false);
  if (in.contains("steps") && in.at("steps").is_array())
    for (const json& step : in.at("steps")) route.steps.push_back(read_route_step(step));
  return route;
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
  out["started_at"] = r.started_at;
  out["finished_at"] = r.finished_at;
  out["host"] = r.host;
  return out;
}

std::string to_json_line(const Record& record) {
  return to_json(record).dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Record> record_from_json(const json& in) {
  try {
    if (!in.is_object()) return make_error("a record must be a JSON object");
    Record r;
    r.schema = field_or<int>(in, "schema", 0);
    if (r.schema != kRecordSchema)
      return make_error("record schema {} is not supported (this build reads {})", r.schema,
                        kRecordSchema);
    r.campaign_id = field_or<std::string>(in, "campaign_id", "");
    r.attempt_id = field_or<std::string>(in, "attempt_id", "");
    r.task_id = field_or<std::string>(in, "task_id", "");
    r.task_digest = field_or<std::string>(in, "task_digest", "");
    r.task_difficulty = optional_field<std::string>(in, "task_difficulty");
    r.task_tags = field_or<std::vector<std::string>>(in, "task_tags", {});
    if (in.contains("contender")) r.contender = read_contender(in.at("contender"));
    r.repeat = field_or<int>(in, "repeat", 0);
    auto outcome = outcome_from_string(field_or<std::string>(in, "outcome", ""));
    if (!outcome) return make_error("record {} has no valid outcome", r.attempt_id);
    r.outcome = *outcome;
    r.reason = field_or<std::string>(in, "reason", "");
    r.usage.tokens = read_tokens(in);
    r.usage.steps = optional_field<std::int64_t>(in, "steps");
    r.usage.tool_calls = optional_field<std::int64_t>(in, "tool_calls");
    r.usage.cost_usd_reported = optional_field<double>(in, "cost_usd_reported");
    if (in.contains("models")) r.usage.by_model = read_models(in.at("models"));
    r.cost_usd = optional_field<double>(in, "cost_usd");
    r.price_status = field_or<std::string>(in, "price_status", "");
    r.unpriced_models = field_or<std::vector<std::string>>(in, "unpriced_models", {});
    r.wall_time_s = optional_field<double>(in, "wall_time_s");
    if (in.contains("timing")) r.timing = read_timing(in.at("timing"));
    if (in.contains("agent")) r.agent = read_agent(in.at("agent"));
    if (in.contains("check") && !in.at("check").is_null()) r.check = read_process(in.at("check"));
    if (in.contains("verify") && !in.at("verify").is_null())
      r.verify = read_process(in.at("verify"));
    if (in.contains("patch")) r.patch = read_patch(in.at("patch"));
    r.infra_retries = field_or<int>(in, "infra_retries", 0);
    r.scoring_version = optional_field<int>(in, "scoring_version");
    if (in.contains("reused_from") && in.at("reused_from").is_object())
      r.reused_from = ReusedFrom{field_or<std::string>(in.at("reused_from"), "campaign_id", ""),
                                 field_or<std::string>(in.at("reused_from"), "attempt_id", "")};
    if (in.contains("route") && !in.at("route").is_null()) r.route = read_route(in.at("route"));
    r.started_at = field_or<std::string>(in, "started_at", "");
    r.finished_at = field_or<std::string>(in, "finished_at", "");
    r.host = field_or<std::string>(in, "host", "");
    return r;
  } catch (const json::exception& e) {
    return make_error("malformed record: {}", e.what());
  }
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

RouteStepInfo read_route_step(const json& in) {
  RouteStepInfo step;
  if (in.contains("contender")) step.contender = read_contender(in.at("contender"));
  step.outcome = outcome_from_string(field_or<std::string>(in, "outcome", ""))
                     .value_or(Outcome::kInfraError);
  step.reason = field_or<std::string>(in, "reason", "");
  step.agent_status = field_or<std::string>(in, "agent_status", "");
  if (in.contains("check") && !in.at("check").is_null()) step.check = read_process(in.at("check"));
  step.escalated_on = optional_field<std::string>(in, "escalated_on");
  step.usage.tokens = read_tokens(in);
  step.usage.steps = optional_field<std::int64_t>(in, "steps");
  step.usage.tool_calls = optional_field<std::int64_t>(in, "tool_calls");
  step.usage.cost_usd_reported = optional_field<double>(in, "cost_usd_reported");
  if (in.contains("models")) step.usage.by_model = read_models(in.at("models"));
  step.cost_usd = optional_field<double>(in, "cost_usd");
  step.price_status = field_or<std::string>(in, "price_status", "");
  step.wall_time_s = optional_field<double>(in, "wall_time_s");
  step.log_dir = field_or<std::string>(in, "log_dir", "");
  return step;
}

}  // namespace

Result<Record> parse_record_line(std::string_view line) {
  json parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return make_error("not valid JSON");
  return record_from_json(parsed);
}

}  // namespace landed
