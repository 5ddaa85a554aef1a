#include "results/store/summary_parser.h"

#include <simdjson.h>

namespace landed {

// The DOM parser, not On-Demand: libsimdjson dispatches DOM parsing to the best kernel at
// run time (AVX2, AVX-512), while On-Demand is compiled inline for the build's baseline
// target, which without -mavx2 is the scalar fallback.
namespace dom = simdjson::dom;

struct SummaryParser::Impl {
  dom::parser parser;
};

namespace {

using simdjson::error_code;

Error json_error(error_code code, std::string_view field) {
  return make_error("field '{}': {}", field, simdjson::error_message(code));
}

/// A nullable integer: null stays null, never 0.
error_code read_count(dom::element value, Count& out) {
  if (value.is_null()) {
    out.reset();
    return simdjson::SUCCESS;
  }
  std::int64_t number = 0;
  if (auto error = value.get_int64().get(number)) return error;
  out = number;
  return simdjson::SUCCESS;
}

error_code read_double(dom::element value, std::optional<double>& out) {
  if (value.is_null()) {
    out.reset();
    return simdjson::SUCCESS;
  }
  double number = 0;
  if (auto error = value.get_double().get(number)) return error;
  out = number;
  return simdjson::SUCCESS;
}

error_code read_string(dom::element value, std::string& out) {
  std::string_view text;
  if (auto error = value.get_string().get(text)) return error;
  out.assign(text.data(), text.size());
  return simdjson::SUCCESS;
}

error_code read_optional_string(dom::element value, std::optional<std::string>& out) {
  if (value.is_null()) {
    out.reset();
    return simdjson::SUCCESS;
  }
  if (!out) out.emplace();
  return read_string(value, *out);
}

/// Token fields shared by the record's top level and each `models` entry; false if `key`
/// is not one of them.
bool read_token_field(std::string_view key, dom::element value, TokenUsage& t, error_code& error) {
  if (key == "input_tokens") error = read_count(value, t.input_tokens);
  else if (key == "cache_read_tokens") error = read_count(value, t.cache_read_tokens);
  else if (key == "cache_write_tokens") error = read_count(value, t.cache_write_tokens);
  else if (key == "output_tokens") error = read_count(value, t.output_tokens);
  else if (key == "reasoning_tokens") error = read_count(value, t.reasoning_tokens);
  else return false;
  return true;
}

error_code read_model(dom::object object, ModelUsage& m) {
  m = ModelUsage{};
  for (auto [key, value] : object) {
    error_code error = simdjson::SUCCESS;
    if (read_token_field(key, value, m.tokens, error)) {
    } else if (key == "model") error = read_string(value, m.model);
    else if (key == "steps") error = read_count(value, m.steps);
    else if (key == "cost_usd_reported") error = read_double(value, m.cost_usd_reported);
    if (error) return error;
  }
  return simdjson::SUCCESS;
}

error_code read_models(dom::element value, std::vector<ModelUsage>& models) {
  std::size_t used = 0;
  dom::array array;
  if (auto error = value.get_array().get(array)) return error;
  for (auto element : array) {
    dom::object object;
    if (auto error = element.get_object().get(object)) return error;
    if (used == models.size()) models.emplace_back();
    if (auto error = read_model(object, models[used])) return error;
    ++used;
  }
  models.resize(used);
  return simdjson::SUCCESS;
}

error_code read_string_list(dom::element value, std::vector<std::string>& out) {
  out.clear();
  dom::array array;
  if (auto error = value.get_array().get(array)) return error;
  for (auto element : array) {
    std::string_view text;
    if (auto error = element.get_string().get(text)) return error;
    out.emplace_back(text);
  }
  return simdjson::SUCCESS;
}

error_code read_contender(dom::element value, ContenderInfo& c) {
  dom::object object;
  if (auto error = value.get_object().get(object)) return error;
  for (auto [key, v] : object) {
    error_code error = simdjson::SUCCESS;
    if (key == "id") error = read_string(v, c.id);
    else if (key == "runner") error = read_string(v, c.runner);
    else if (key == "model") error = read_optional_string(v, c.model);
    else if (key == "effort") error = read_optional_string(v, c.effort);
    else if (key == "simulated") error = v.get_bool().get(c.simulated);
    else if (key == "fingerprint") error = read_string(v, c.fingerprint);
    if (error) return error;
  }
  return simdjson::SUCCESS;
}

/// Clears the fields this parser fills, so a field absent from this line is not inherited
/// from the previous one.
void reset(Record& r) {
  r.campaign_id.clear();
  r.attempt_id.clear();
  r.task_id.clear();
  r.contender = ContenderInfo{};
  r.repeat = 0;
  r.usage.tokens = TokenUsage{};
  r.usage.steps.reset();
  r.usage.tool_calls.reset();
  r.usage.cost_usd_reported.reset();
  r.usage.by_model.clear();
  r.cost_usd.reset();
  r.price_status.clear();
  r.unpriced_models.clear();
  r.wall_time_s.reset();
  r.patch.hidden_test_edits.clear();
  r.patch.protected_edits.clear();
}

/// The patch's guarded edits: reports flag such attempts as tampered.
error_code read_patch_edits(dom::element value, PatchInfo& patch) {
  dom::object object;
  if (auto error = value.get_object().get(object)) return error;
  for (auto [key, v] : object) {
    error_code error = simdjson::SUCCESS;
    if (key == "hidden_test_edits") error = read_string_list(v, patch.hidden_test_edits);
    else if (key == "protected_edits") error = read_string_list(v, patch.protected_edits);
    if (error) return error;
  }
  return simdjson::SUCCESS;
}

struct LineState {
  bool has_outcome = false;
  std::int64_t schema = 0;
};

error_code read_top_field(std::string_view key, dom::element value, Record& r, LineState& state) {
  error_code error = simdjson::SUCCESS;
  std::string_view text;
  if (read_token_field(key, value, r.usage.tokens, error)) return error;
  if (key == "schema") return value.get_int64().get(state.schema);
  if (key == "task_id") return read_string(value, r.task_id);
  if (key == "contender") return read_contender(value, r.contender);
  if (key == "outcome") {
    if ((error = value.get_string().get(text))) return error;
    std::optional<Outcome> outcome = outcome_from_string(text);
    if (!outcome) return simdjson::INCORRECT_TYPE;
    r.outcome = *outcome;
    state.has_outcome = true;
    return error;
  }
  if (key == "repeat") {
    std::int64_t repeat = 0;
    error = value.get_int64().get(repeat);
    r.repeat = static_cast<int>(repeat);
    return error;
  }
  if (key == "steps") return read_count(value, r.usage.steps);
  if (key == "tool_calls") return read_count(value, r.usage.tool_calls);
  if (key == "cost_usd_reported") return read_double(value, r.usage.cost_usd_reported);
  if (key == "models") return read_models(value, r.usage.by_model);
  if (key == "cost_usd") return read_double(value, r.cost_usd);
  if (key == "price_status") return read_string(value, r.price_status);
  if (key == "unpriced_models") return read_string_list(value, r.unpriced_models);
  if (key == "wall_time_s") return read_double(value, r.wall_time_s);
  if (key == "campaign_id") return read_string(value, r.campaign_id);
  if (key == "attempt_id") return read_string(value, r.attempt_id);
  if (key == "patch") return read_patch_edits(value, r.patch);
  return error;  // a field reports do not need
}

}  // namespace

SummaryParser::SummaryParser() : impl_(std::make_unique<Impl>()) {}
SummaryParser::~SummaryParser() = default;

Status SummaryParser::parse(std::string_view line, std::size_t capacity, Record& record) {
  reset(record);
  if (capacity < line.size() + simdjson::SIMDJSON_PADDING)
    return make_error("internal: the line buffer lacks simdjson's padding");
  dom::element doc;
  if (auto error = impl_->parser.parse(line.data(), line.size(), false).get(doc))
    return make_error("not valid JSON: {}", simdjson::error_message(error));
  dom::object object;
  if (doc.get_object().get(object)) return make_error("a record must be a JSON object");
  LineState state;
  for (auto [key, value] : object)
    if (auto error = read_top_field(key, value, record, state)) return json_error(error, key);
  if (state.schema != kRecordSchema)
    return make_error("record schema {} is not supported (this build reads {})", state.schema,
                      kRecordSchema);
  if (!state.has_outcome) return make_error("record {} has no valid outcome", record.attempt_id);
  record.schema = static_cast<int>(state.schema);
  return ok_status();
}

}  // namespace landed
