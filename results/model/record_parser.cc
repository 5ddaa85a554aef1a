#include "results/model/record_parser.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include <simdjson.h>

#include "results/model/record_checks.h"

namespace landed {

// The DOM parser, not On-Demand: libsimdjson dispatches DOM parsing to the best kernel at
// run time (AVX2, AVX-512), while On-Demand is compiled inline for the build's baseline
// target, which without -mavx2 is the scalar fallback.
namespace dom = simdjson::dom;
using simdjson::error_code;

struct RecordParser::Impl {
  dom::parser parser;
  Record scratch;        // fields outside the mask are parsed (and checked) into here
  std::string padded;    // for parse() without caller padding
  std::string field;     // the field that failed, dotted
};

namespace {

/// Visits one object's fields; remembers the key that failed.
class Walker {
 public:
  explicit Walker(std::string& failed) : failed_(failed) {}

  template <class Visit>
  error_code object(dom::element value, std::string_view name, Visit&& visit) {
    dom::object object;
    if (auto error = value.get_object().get(object)) return fail(name, error);
    for (auto [key, v] : object)
      if (auto error = visit(key, v)) return prefix(name, key, error);
    return simdjson::SUCCESS;
  }

 private:
  error_code fail(std::string_view name, error_code error) {
    if (failed_.empty()) failed_ = name;
    return error;
  }
  error_code prefix(std::string_view name, std::string_view key, error_code error) {
    failed_ = failed_.empty() ? std::string(key) : failed_;
    if (!name.empty() && !failed_.starts_with(std::string(name) + ".") && failed_ != name)
      failed_ = std::string(name) + "." + failed_;
    return error;
  }
  std::string& failed_;
};

error_code read_count(dom::element value, Count& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  std::int64_t number = 0;
  if (auto error = value.get_int64().get(number)) return error;
  out = number;
  return simdjson::SUCCESS;
}

error_code read_int(dom::element value, int& out) {
  std::int64_t number = 0;
  if (auto error = value.get_int64().get(number)) return error;
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
    return simdjson::NUMBER_OUT_OF_RANGE;
  out = static_cast<int>(number);
  return simdjson::SUCCESS;
}

error_code read_optional_int(dom::element value, std::optional<int>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  return read_int(value, out.emplace());
}

error_code read_double(dom::element value, std::optional<double>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  double number = 0;
  if (auto error = value.get_double().get(number)) return error;
  out = number;
  return simdjson::SUCCESS;
}

error_code read_bool(dom::element value, bool& out) {
  if (value.is_null()) return out = false, simdjson::SUCCESS;
  return value.get_bool().get(out);
}

error_code read_string(dom::element value, std::string& out) {
  if (value.is_null()) return out.clear(), simdjson::SUCCESS;
  std::string_view text;
  if (auto error = value.get_string().get(text)) return error;
  out.assign(text.data(), text.size());
  return simdjson::SUCCESS;
}

error_code read_optional_string(dom::element value, std::optional<std::string>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  if (!out) out.emplace();
  return read_string(value, *out);
}

error_code read_string_list(dom::element value, std::vector<std::string>& out) {
  out.clear();
  if (value.is_null()) return simdjson::SUCCESS;
  dom::array array;
  if (auto error = value.get_array().get(array)) return error;
  for (auto element : array) {
    std::string_view text;
    if (auto error = element.get_string().get(text)) return error;
    out.emplace_back(text);
  }
  return simdjson::SUCCESS;
}

/// Token fields shared by the record, each `models` entry and each route step; false if
/// `key` is not one of them.
bool read_token_field(std::string_view key, dom::element value, TokenUsage& t, error_code& error) {
  if (key == "input_tokens") error = read_count(value, t.input_tokens);
  else if (key == "cache_read_tokens") error = read_count(value, t.cache_read_tokens);
  else if (key == "cache_write_tokens") error = read_count(value, t.cache_write_tokens);
  else if (key == "output_tokens") error = read_count(value, t.output_tokens);
  else if (key == "reasoning_tokens") error = read_count(value, t.reasoning_tokens);
  else return false;
  return true;
}

/// Usage fields at the top of a record or a route step; false if `key` is not one of them.
bool read_usage_field(Walker& walk, std::string_view key, dom::element value, Usage& u,
                      error_code& error);

error_code read_model(Walker& walk, dom::element value, ModelUsage& m) {
  m = ModelUsage{};
  return walk.object(value, "", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    if (read_token_field(key, v, m.tokens, error)) return error;
    if (key == "model") return read_string(v, m.model);
    if (key == "steps") return read_count(v, m.steps);
    if (key == "cost_usd_reported") return read_double(v, m.cost_usd_reported);
    return error;
  });
}

error_code read_models(Walker& walk, dom::element value, std::vector<ModelUsage>& models) {
  std::size_t used = 0;
  if (value.is_null()) return models.clear(), simdjson::SUCCESS;
  dom::array array;
  if (auto error = value.get_array().get(array)) return error;
  for (auto element : array) {
    if (used == models.size()) models.emplace_back();
    if (auto error = read_model(walk, element, models[used])) return error;
    ++used;
  }
  models.resize(used);
  return simdjson::SUCCESS;
}

bool read_usage_field(Walker& walk, std::string_view key, dom::element value, Usage& u,
                      error_code& error) {
  if (read_token_field(key, value, u.tokens, error)) return true;
  if (key == "steps") error = read_count(value, u.steps);
  else if (key == "tool_calls") error = read_count(value, u.tool_calls);
  else if (key == "cost_usd_reported") error = read_double(value, u.cost_usd_reported);
  else if (key == "models") error = read_models(walk, value, u.by_model);
  else return false;
  return true;
}

void reset_usage(Usage& u) {
  u.tokens = TokenUsage{};
  u.steps.reset();
  u.tool_calls.reset();
  u.cost_usd_reported.reset();
  u.by_model.clear();
}

error_code read_contender(Walker& walk, dom::element value, ContenderInfo& c) {
  c = ContenderInfo{};
  if (value.is_null()) return simdjson::SUCCESS;
  return walk.object(value, "contender", [&](std::string_view key, dom::element v) {
    if (key == "id") return read_string(v, c.id);
    if (key == "runner") return read_string(v, c.runner);
    if (key == "model") return read_optional_string(v, c.model);
    if (key == "effort") return read_optional_string(v, c.effort);
    if (key == "simulated") return read_bool(v, c.simulated);
    if (key == "fingerprint") return read_string(v, c.fingerprint);
    return simdjson::SUCCESS;
  });
}

/// A process's fields; false if `key` is not one of them.
bool read_process_field(std::string_view key, dom::element v, ProcessInfo& p, error_code& error) {
  if (key == "exit_code") error = read_optional_int(v, p.exit_code);
  else if (key == "signal") error = read_optional_int(v, p.signal);
  else if (key == "timed_out") error = read_bool(v, p.timed_out);
  else if (key == "cpu_s") error = read_double(v, p.cpu_s);
  else if (key == "max_rss_kb") error = read_count(v, p.max_rss_kb);
  else if (key == "log_path") error = read_string(v, p.log_path);
  else return false;
  return true;
}

error_code read_process(Walker& walk, dom::element value, std::string_view name,
                        std::optional<ProcessInfo>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  ProcessInfo& p = out.emplace();
  return walk.object(value, name, [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    read_process_field(key, v, p, error);
    return error;
  });
}

error_code read_agent(Walker& walk, dom::element value, AgentInfo& a) {
  a = AgentInfo{};
  if (value.is_null()) return simdjson::SUCCESS;
  return walk.object(value, "agent", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    if (key == "log_path") return error;  // the agent's stdout is stdout_path
    if (read_process_field(key, v, a.process, error)) return error;
    if (key == "stdout_path") return read_string(v, a.process.log_path);
    if (key == "status") return read_string(v, a.status);
    if (key == "stderr_path") return read_string(v, a.stderr_path);
    if (key == "limit_hit") return read_optional_string(v, a.limit_hit);
    if (key == "model_reported") return read_optional_string(v, a.model_reported);
    return error;
  });
}

error_code read_patch(Walker& walk, dom::element value, PatchInfo& p) {
  p = PatchInfo{};
  if (value.is_null()) return simdjson::SUCCESS;
  return walk.object(value, "patch", [&](std::string_view key, dom::element v) {
    if (key == "path") return read_string(v, p.path);
    if (key == "bytes") return read_count(v, p.bytes);
    if (key == "files_changed") return read_count(v, p.files_changed);
    if (key == "hidden_test_edits") return read_string_list(v, p.hidden_test_edits);
    if (key == "protected_edits") return read_string_list(v, p.protected_edits);
    if (key == "truncated") return read_bool(v, p.truncated);
    return simdjson::SUCCESS;
  });
}

error_code read_timing(Walker& walk, dom::element value, PhaseTimes& t) {
  t = PhaseTimes{};
  if (value.is_null()) return simdjson::SUCCESS;
  return walk.object(value, "timing", [&](std::string_view key, dom::element v) {
    if (key == "sandbox_s") return read_double(v, t.sandbox_s);
    if (key == "agent_s") return read_double(v, t.agent_s);
    if (key == "check_s") return read_double(v, t.check_s);
    if (key == "verify_s") return read_double(v, t.verify_s);
    if (key == "setup_s") return read_double(v, t.setup_s);
    return simdjson::SUCCESS;
  });
}

error_code read_reused_from(Walker& walk, dom::element value, std::optional<ReusedFrom>& out) {
  out.reset();
  if (!value.is_object()) return simdjson::SUCCESS;
  ReusedFrom& from = out.emplace();
  return walk.object(value, "reused_from", [&](std::string_view key, dom::element v) {
    if (key == "campaign_id") return read_string(v, from.campaign_id);
    if (key == "attempt_id") return read_string(v, from.attempt_id);
    return simdjson::SUCCESS;
  });
}

error_code read_isolation(Walker& walk, dom::element value, std::optional<IsolationInfo>& out) {
  out.reset();
  if (!value.is_object()) return simdjson::SUCCESS;
  IsolationInfo& isolation = out.emplace();
  return walk.object(value, "isolation", [&](std::string_view key, dom::element v) {
    if (key == "mode") return read_string(v, isolation.mode);
    if (key == "missing") return read_string_list(v, isolation.missing);
    return simdjson::SUCCESS;
  });
}

error_code read_route_step(Walker& walk, dom::element value, RouteStepInfo& step) {
  step = RouteStepInfo{};
  return walk.object(value, "", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    if (read_usage_field(walk, key, v, step.usage, error)) return error;
    if (key == "contender") return read_contender(walk, v, step.contender);
    if (key == "outcome") {
      std::string_view text;
      if (!v.get_string().get(text))
        step.outcome = outcome_from_string(text).value_or(Outcome::kInfraError);
      return error;
    }
    if (key == "reason") return read_string(v, step.reason);
    if (key == "agent_status") return read_string(v, step.agent_status);
    if (key == "check") return read_process(walk, v, "check", step.check);
    if (key == "escalated_on") return read_optional_string(v, step.escalated_on);
    if (key == "cost_usd") return read_double(v, step.cost_usd);
    if (key == "price_status") return read_string(v, step.price_status);
    if (key == "wall_time_s") return read_double(v, step.wall_time_s);
    if (key == "log_dir") return read_string(v, step.log_dir);
    return error;
  });
}

error_code read_route(Walker& walk, dom::element value, std::optional<RouteInfo>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  RouteInfo& route = out.emplace();
  return walk.object(value, "route", [&](std::string_view key, dom::element v) {
    if (key == "cascade") return read_string_list(v, route.cascade);
    if (key == "escalate_on") return read_string_list(v, route.escalate_on);
    if (key == "carry") return read_bool(v, route.carry);
    if (key != "steps" || v.is_null()) return simdjson::SUCCESS;
    dom::array steps;
    if (auto error = v.get_array().get(steps)) return error;
    for (auto step : steps) {
      if (auto error = read_route_step(walk, step, route.steps.emplace_back())) return error;
    }
    return simdjson::SUCCESS;
  });
}

error_code read_status_counts(dom::element value, std::map<std::string, std::int64_t>& out) {
  out.clear();
  if (value.is_null()) return simdjson::SUCCESS;
  dom::object object;
  if (auto error = value.get_object().get(object)) return error;
  for (auto [key, v] : object) {
    std::int64_t number = 0;
    if (auto error = v.get_int64().get(number)) return error;
    out.emplace(std::string(key), number);
  }
  return simdjson::SUCCESS;
}

error_code read_int64(dom::element value, std::int64_t& out) {
  if (value.is_null()) return out = 0, simdjson::SUCCESS;
  return value.get_int64().get(out);
}

error_code read_plain_double(dom::element value, double& out) {
  if (value.is_null()) return out = 0, simdjson::SUCCESS;
  return value.get_double().get(out);
}

error_code read_metered_model(Walker& walk, dom::element value, MeteredModel& m) {
  m = MeteredModel{};
  return walk.object(value, "", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    if (read_token_field(key, v, m.tokens, error)) return error;
    if (key == "model") return read_string(v, m.model);
    if (key == "cache_write_1h_tokens") return read_count(v, m.cache_write_1h_tokens);
    if (key == "calls") return read_int64(v, m.calls);
    if (key == "calls_usage_unknown") return read_int64(v, m.calls_usage_unknown);
    if (key == "time_s") return read_plain_double(v, m.time_s);
    if (key == "ttfb_s_max") return read_double(v, m.ttfb_s_max);
    return error;
  });
}

error_code read_metered_models(Walker& walk, dom::element value, std::vector<MeteredModel>& out) {
  out.clear();
  if (value.is_null()) return simdjson::SUCCESS;
  dom::array array;
  if (auto error = value.get_array().get(array)) return error;
  for (auto element : array)
    if (auto error = read_metered_model(walk, element, out.emplace_back())) return error;
  return simdjson::SUCCESS;
}

error_code read_metered(Walker& walk, dom::element value, std::optional<MeteredUsage>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  MeteredUsage& m = out.emplace();
  return walk.object(value, "metered", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    if (read_token_field(key, v, m.tokens, error)) return error;
    if (key == "cache_write_1h_tokens") return read_count(v, m.cache_write_1h_tokens);
    if (key == "calls") return read_int64(v, m.calls);
    if (key == "calls_usage_unknown") return read_int64(v, m.calls_usage_unknown);
    if (key == "complete") return v.is_null() ? (m.complete = true, error) : v.get_bool().get(m.complete);
    if (key == "errors_by_status") return read_status_counts(v, m.errors_by_status);
    if (key == "limit_hit") return read_optional_string(v, m.limit_hit);
    if (key == "overrun") return read_double(v, m.overrun);
    if (key == "cost_usd") return read_double(v, m.cost_usd);
    if (key == "models") return read_metered_models(walk, v, m.by_model);
    return error;
  });
}

error_code read_tool_usage(Walker& walk, dom::element value, std::optional<Usage>& out) {
  if (value.is_null()) return out.reset(), simdjson::SUCCESS;
  Usage& u = out.emplace();
  return walk.object(value, "tool_usage", [&](std::string_view key, dom::element v) {
    error_code error = simdjson::SUCCESS;
    read_usage_field(walk, key, v, u, error);
    return error;
  });
}

struct LineState {
  std::int64_t schema = 0;
  bool has_outcome = false;
  bool bad_outcome = false;
};

/// The fields outside the summary mask, read into `r` (the caller's Record or scratch).
error_code read_detail_field(Walker& walk, std::string_view key, dom::element v, Record& r) {
  if (key == "task_difficulty") return read_optional_string(v, r.task_difficulty);
  if (key == "task_tags") return read_string_list(v, r.task_tags);
  if (key == "reason") return read_string(v, r.reason);
  if (key == "timing") return read_timing(walk, v, r.timing);
  if (key == "agent") return read_agent(walk, v, r.agent);
  if (key == "check") return read_process(walk, v, "check", r.check);
  if (key == "verify") return read_process(walk, v, "verify", r.verify);
  if (key == "infra_retries") return read_int(v, r.infra_retries);
  if (key == "route") return read_route(walk, v, r.route);
  if (key == "started_at") return read_string(v, r.started_at);
  if (key == "finished_at") return read_string(v, r.finished_at);
  if (key == "host") return read_string(v, r.host);
  return simdjson::SUCCESS;  // a field this build does not know
}

error_code read_top_field(Walker& walk, std::string_view key, dom::element v, Record& r,
                          Record& detail, LineState& state) {
  error_code error = simdjson::SUCCESS;
  if (read_usage_field(walk, key, v, r.usage, error)) return error;
  if (key == "schema") return v.get_int64().get(state.schema);
  if (key == "campaign_id") return read_string(v, r.campaign_id);
  if (key == "attempt_id") return read_string(v, r.attempt_id);
  if (key == "task_id") return read_string(v, r.task_id);
  if (key == "task_digest") return read_string(v, r.task_digest);
  if (key == "task_base_commit") return read_optional_string(v, r.task_base_commit);
  if (key == "contender") return read_contender(walk, v, r.contender);
  if (key == "repeat") return read_int(v, r.repeat);
  if (key == "outcome") {
    std::string_view text;
    std::optional<Outcome> outcome;
    if (!v.get_string().get(text)) outcome = outcome_from_string(text);
    if (outcome) r.outcome = *outcome;
    state.has_outcome = outcome.has_value();
    state.bad_outcome = !outcome.has_value();
    return error;
  }
  if (key == "cost_usd") return read_double(v, r.cost_usd);
  if (key == "price_status") return read_string(v, r.price_status);
  if (key == "unpriced_models") return read_string_list(v, r.unpriced_models);
  if (key == "wall_time_s") return read_double(v, r.wall_time_s);
  if (key == "scoring_version") return read_optional_int(v, r.scoring_version);
  if (key == "patch") return read_patch(walk, v, r.patch);
  if (key == "isolation") return read_isolation(walk, v, r.isolation);
  // The report's reconciliation (tool vs metered vs cost) reads these.
  if (key == "usage_source") return read_string(v, r.usage_source);
  if (key == "metered") return read_metered(walk, v, r.metered);
  if (key == "tool_usage") return read_tool_usage(walk, v, r.tool_usage);
  if (key == "usage_mismatch") return read_string_list(v, r.usage_mismatch);
  // Pooled reports count a reused copy once (results/source/pooled_records.h).
  if (key == "reused_from") return read_reused_from(walk, v, r.reused_from);
  return read_detail_field(walk, key, v, detail);
}

/// Clears the fields a line may leave out, so none is inherited from the previous line.
void reset(Record& r) {
  r.campaign_id.clear();
  r.attempt_id.clear();
  r.task_id.clear();
  r.task_digest.clear();
  r.task_base_commit.reset();
  r.task_difficulty.reset();
  r.task_tags.clear();
  r.contender = ContenderInfo{};
  r.repeat = 0;
  r.reason.clear();
  reset_usage(r.usage);
  r.cost_usd.reset();
  r.price_status.clear();
  r.unpriced_models.clear();
  r.wall_time_s.reset();
  r.timing = PhaseTimes{};
  r.agent = AgentInfo{};
  r.check.reset();
  r.verify.reset();
  r.patch = PatchInfo{};
  r.infra_retries = 0;
  r.scoring_version.reset();
  r.reused_from.reset();
  r.route.reset();
  r.isolation.reset();
  r.usage_source.clear();
  r.metered.reset();
  r.tool_usage.reset();
  r.usage_mismatch.clear();
  r.started_at.clear();
  r.finished_at.clear();
  r.host.clear();
}

bool is_number_fault(error_code error) {
  return error == simdjson::NUMBER_ERROR ||
         error == simdjson::NUMBER_OUT_OF_RANGE;
}

/// Whether a JSON number token fits a record: an integer in int64 or uint64, or a finite double.
bool number_fits(std::string_view token) {
  const bool integral = token.find_first_of(".eE") == std::string_view::npos;
  const char* end = token.data() + token.size();
  if (integral) {
    std::int64_t wide = 0;
    std::uint64_t unsigned_wide = 0;
    return std::from_chars(token.data(), end, wide).ec == std::errc{} ||
           std::from_chars(token.data(), end, unsigned_wide).ec == std::errc{};
  }
  double value = 0;
  auto [stop, ec] = std::from_chars(token.data(), end, value);
  return ec == std::errc{} && std::isfinite(value);
}

/// The key of the first number in `line` that simdjson cannot hold (it says only "a number"
/// without where); empty when none is found. Only called on that error.
std::string key_of_bad_number(std::string_view line) {
  std::string key, last_string;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      std::size_t end = i + 1;
      while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
      last_string.assign(line.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == ':') {
      key = last_string;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = line.find_first_not_of("+-0123456789.eE", i);
      if (end == std::string_view::npos) end = line.size();
      if (!number_fits(line.substr(i, end - i))) return key;
      i = end - 1;
    }
  }
  return {};
}

}  // namespace

RecordParser::RecordParser() : impl_(std::make_unique<Impl>()) {}
RecordParser::~RecordParser() = default;

Status RecordParser::parse(std::string_view line, Record& record, ReadDepth depth) {
  impl_->padded.assign(line);
  impl_->padded.append(simdjson::SIMDJSON_PADDING, ' ');
  return parse(std::string_view(impl_->padded.data(), line.size()), impl_->padded.size(), record,
               depth);
}

Status RecordParser::parse(std::string_view line, std::size_t capacity, Record& record,
                           ReadDepth depth) {
  reset(record);
  fault_ = LineFault::kMalformed;
  if (capacity < line.size() + simdjson::SIMDJSON_PADDING)
    return make_error("internal: the line buffer lacks simdjson's padding");
  dom::element doc;
  if (auto error = impl_->parser.parse(line.data(), line.size(), false).get(doc)) {
    if (!is_number_fault(error))
      return make_error("not valid JSON: {}", simdjson::error_message(error));
    fault_ = LineFault::kBadValue;
    std::string key = key_of_bad_number(line);
    if (key.empty()) return make_error("not valid JSON: {}", simdjson::error_message(error));
    return make_error("field '{}': a number no record can hold", key);
  }
  dom::object object;
  if (doc.get_object().get(object)) return make_error("a record must be a JSON object");
  Record& detail = depth == ReadDepth::kFull ? record : impl_->scratch;
  if (&detail != &record) reset(detail);
  LineState state;
  impl_->field.clear();
  Walker walk(impl_->field);
  for (auto [key, value] : object) {
    if (auto error = read_top_field(walk, key, value, record, detail, state)) {
      if (key == "schema") return make_error("field 'schema': {}", simdjson::error_message(error));
      fault_ = LineFault::kBadValue;
      std::string field = impl_->field.empty() ? std::string(key) : impl_->field;
      if (!field.starts_with(key)) field = std::string(key) + "." + field;
      return make_error("field '{}': {}", field, simdjson::error_message(error));
    }
  }
  if (state.schema != kRecordSchema)
    return make_error("record schema {} is not supported (this build reads {})", state.schema,
                      kRecordSchema);
  if (!state.has_outcome) return make_error("record {} has no valid outcome", record.attempt_id);
  record.schema = static_cast<int>(state.schema);
  std::optional<std::string> why = invalid_summary_value(record);
  if (!why) why = invalid_detail_value(detail);
  if (why) {
    fault_ = LineFault::kBadValue;
    return Error{*why};
  }
  fault_ = LineFault::kNone;
  return ok_status();
}

}  // namespace landed
