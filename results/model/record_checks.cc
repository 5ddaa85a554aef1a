#include "results/model/record_checks.h"

#include <cmath>

#include <fmt/format.h>

namespace landed {
namespace {

using Why = std::optional<std::string>;

Why negative(std::string_view field, std::int64_t value) {
  return fmt::format("field '{}' is negative ({})", field, value);
}

Why check_count(std::string_view field, const Count& value) {
  if (value && *value < 0) return negative(field, *value);
  return std::nullopt;
}

Why check_amount(std::string_view field, const std::optional<double>& value) {
  if (value && !std::isfinite(*value)) return fmt::format("field '{}' is not a finite number", field);
  if (value && *value < 0) return fmt::format("field '{}' is negative ({})", field, *value);
  return std::nullopt;
}

Why check_tokens(std::string_view where, const TokenUsage& t) {
  const std::pair<const char*, const Count*> fields[] = {
      {"input_tokens", &t.input_tokens},         {"cache_read_tokens", &t.cache_read_tokens},
      {"cache_write_tokens", &t.cache_write_tokens}, {"output_tokens", &t.output_tokens},
      {"reasoning_tokens", &t.reasoning_tokens}};
  std::int64_t sum = 0;
  for (const auto& [name, value] : fields) {
    if (Why why = check_count(fmt::format("{}{}", where, name), *value)) return why;
    bool summed = value != &t.reasoning_tokens;  // reasoning is a part of output
    if (summed && *value && __builtin_add_overflow(sum, **value, &sum))
      return fmt::format("{}tokens: the sum of the token counts overflows 64 bits", where);
  }
  return std::nullopt;
}

Why check_usage(std::string_view where, const Usage& u) {
  if (Why why = check_tokens(where, u.tokens)) return why;
  if (Why why = check_count(fmt::format("{}steps", where), u.steps)) return why;
  if (Why why = check_count(fmt::format("{}tool_calls", where), u.tool_calls)) return why;
  if (Why why = check_amount(fmt::format("{}cost_usd_reported", where), u.cost_usd_reported))
    return why;
  for (std::size_t i = 0; i < u.by_model.size(); ++i) {
    const ModelUsage& m = u.by_model[i];
    std::string at = fmt::format("{}models[{}].", where, i);
    if (Why why = check_tokens(at, m.tokens)) return why;
    if (Why why = check_count(at + "steps", m.steps)) return why;
    if (Why why = check_amount(at + "cost_usd_reported", m.cost_usd_reported)) return why;
  }
  return std::nullopt;
}

Why check_process(std::string_view where, const ProcessInfo* p) {
  if (!p) return std::nullopt;
  if (Why why = check_amount(fmt::format("{}.cpu_s", where), p->cpu_s)) return why;
  return check_count(fmt::format("{}.max_rss_kb", where), p->max_rss_kb);
}

Why check_route(const std::optional<RouteInfo>& route) {
  if (!route) return std::nullopt;
  for (std::size_t i = 0; i < route->steps.size(); ++i) {
    const RouteStepInfo& step = route->steps[i];
    std::string at = fmt::format("route.steps[{}].", i);
    if (Why why = check_usage(at, step.usage)) return why;
    if (Why why = check_amount(at + "cost_usd", step.cost_usd)) return why;
    if (Why why = check_amount(at + "wall_time_s", step.wall_time_s)) return why;
  }
  return std::nullopt;
}

Why check_metered(const std::optional<MeteredUsage>& metered) {
  if (!metered) return std::nullopt;
  if (Why why = check_tokens("metered.", metered->tokens)) return why;
  if (metered->calls < 0) return negative("metered.calls", metered->calls);
  if (Why why = check_amount("metered.cost_usd", metered->cost_usd)) return why;
  for (std::size_t i = 0; i < metered->by_model.size(); ++i) {
    const MeteredModel& m = metered->by_model[i];
    std::string at = fmt::format("metered.models[{}].", i);
    if (Why why = check_tokens(at, m.tokens)) return why;
    if (m.calls < 0) return negative(at + "calls", m.calls);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> invalid_summary_value(const Record& r) {
  if (r.repeat < 0) return negative("repeat", r.repeat);
  if (Why why = check_usage("", r.usage)) return why;
  if (Why why = check_amount("cost_usd", r.cost_usd)) return why;
  if (Why why = check_metered(r.metered)) return why;
  if (r.tool_usage)
    if (Why why = check_usage("tool_usage.", *r.tool_usage)) return why;
  return check_amount("wall_time_s", r.wall_time_s);
}

std::optional<std::string> invalid_detail_value(const Record& r) {
  const std::pair<const char*, const std::optional<double>*> phases[] = {
      {"timing.sandbox_s", &r.timing.sandbox_s}, {"timing.agent_s", &r.timing.agent_s},
      {"timing.check_s", &r.timing.check_s}, {"timing.verify_s", &r.timing.verify_s}};
  for (const auto& [name, value] : phases)
    if (Why why = check_amount(name, *value)) return why;
  if (Why why = check_process("agent", &r.agent.process)) return why;
  if (Why why = check_process("check", r.check ? &*r.check : nullptr)) return why;
  if (Why why = check_process("verify", r.verify ? &*r.verify : nullptr)) return why;
  if (Why why = check_count("patch.bytes", r.patch.bytes)) return why;
  if (Why why = check_count("patch.files_changed", r.patch.files_changed)) return why;
  if (r.infra_retries < 0) return negative("infra_retries", r.infra_retries);
  return check_route(r.route);
}

}  // namespace landed
