#include "results/model/usage.h"

#include <algorithm>

namespace landed {

void add_count(Count& total, const Count& more) {
  if (!more) return;
  total = total.value_or(0) + *more;
}

void add_dollars(Dollars& total, const Dollars& more) {
  if (!more) return;
  total = total.value_or(0.0) + *more;
}

TokenUsage& TokenUsage::operator+=(const TokenUsage& more) {
  add_count(input_tokens, more.input_tokens);
  add_count(cache_read_tokens, more.cache_read_tokens);
  add_count(cache_write_tokens, more.cache_write_tokens);
  add_count(output_tokens, more.output_tokens);
  add_count(reasoning_tokens, more.reasoning_tokens);
  return *this;
}

Count TokenUsage::total() const {
  Count sum;
  add_count(sum, input_tokens);
  add_count(sum, cache_read_tokens);
  add_count(sum, cache_write_tokens);
  add_count(sum, output_tokens);
  return sum;
}

static ModelUsage& model_entry(std::vector<ModelUsage>& models, const std::string& model) {
  auto it = std::find_if(models.begin(), models.end(),
                         [&](const ModelUsage& m) { return m.model == model; });
  if (it != models.end()) return *it;
  models.push_back(ModelUsage{model, {}, {}, {}});
  return models.back();
}

void Usage::add_step(const std::string& model, const TokenUsage& step_tokens,
                     const Dollars& step_cost_reported, std::int64_t calls) {
  ModelUsage& entry = model_entry(by_model, model);
  entry.tokens += step_tokens;
  add_count(entry.steps, calls);
  add_dollars(entry.cost_usd_reported, step_cost_reported);
  tokens += step_tokens;
  add_count(steps, calls);
  add_dollars(cost_usd_reported, step_cost_reported);
}

Usage& Usage::operator+=(const Usage& more) {
  tokens += more.tokens;
  add_count(steps, more.steps);
  add_count(tool_calls, more.tool_calls);
  add_dollars(cost_usd_reported, more.cost_usd_reported);
  for (const ModelUsage& m : more.by_model) {
    ModelUsage& entry = model_entry(by_model, m.model);
    entry.tokens += m.tokens;
    add_count(entry.steps, m.steps);
    add_dollars(entry.cost_usd_reported, m.cost_usd_reported);
  }
  return *this;
}

}  // namespace landed
