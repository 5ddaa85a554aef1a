// JSON with every figure of the report. The layout is documented in results/REPORT_SCHEMA.md;
// bump kReportSchema there and here on any incompatible change. Unknown figures are null.
#include <nlohmann/json.hpp>

#include "results/report/reporter.h"

namespace landed {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kReportSchema = "landed.report/1";

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json outcomes_json(const OutcomeCounts& counts) {
  json out = json::object();
  for (std::size_t i = 0; i < counts.size(); ++i)
    out[std::string(to_string(static_cast<Outcome>(i)))] = counts[i];
  return out;
}

json cost_json(const CostFigures& c) {
  return json{{"price_status", price_status(c)},
              {"priced", c.priced},
              {"unpriced", c.unpriced},
              {"no_usage", c.no_usage},
              {"incomplete", c.incomplete},
              {"unpriced_models", c.unpriced_models},
              {"complete", c.complete},
              {"total_usd", c.priced > 0 ? json(c.total_usd) : json(nullptr)},
              {"mean_per_attempt_usd", nullable(c.mean_per_attempt)},
              {"median_per_attempt_usd", nullable(c.median_per_attempt)},
              {"per_solved_usd", nullable(c.per_solved)},
              {"reported_total_usd", nullable(c.reported_total_usd)},
              {"reported_mismatches", c.reported_mismatches}};
}

json tokens_json(const TokenFigures& t) {
  return json{{"input", nullable(t.input.value())},
              {"cache_read", nullable(t.cache_read.value())},
              {"cache_write", nullable(t.cache_write.value())},
              {"output", nullable(t.output.value())},
              {"reasoning", nullable(t.reasoning.value())},
              {"total", nullable(t.total.value())}};
}

/// The three-way reconciliation: tool-reported vs metered tokens vs the metered tokens' cost.
json meter_json(const MeterFigures& m) {
  json others = json::object();
  for (const auto& [model, other] : m.other_models)
    others[model] = json{{"calls", other.calls}, {"tokens", other.tokens}};
  return json{{"other_models", std::move(others)},{"attempts", m.metered},          {"incomplete", m.incomplete},
              {"mismatched", m.mismatched},     {"mismatch_kinds", m.mismatch_kinds},
              {"compared", m.compared},         {"tool_tokens", m.tool_tokens},
              {"metered_tokens", m.metered_tokens}, {"metered_cost_usd", m.metered_cost_usd}};
}

json contender_json(const ContenderSummary& s) {
  const ContenderInfo& c = s.contender;
  json out{{"rank", s.rank},
              {"separable_from_leader", s.separable_from_leader},
              {"id", c.id}, {"runner", c.runner}, {"model", nullable(c.model)},
              {"effort", nullable(c.effort)}, {"simulated", c.simulated},
              {"definition_changed", s.definition_changed},
              {"attempts", s.attempts}, {"scored", s.scored}, {"passes", s.passes},
              {"tasks", s.tasks}, {"outcomes", outcomes_json(s.outcomes)},
              {"pass_rate", nullable(s.pass_rate)},
              {"pass_rate_ci95", {s.pass_interval.low, s.pass_interval.high}},
              {"pass_at_1", nullable(s.pass_at_1)}, {"pass_at_k", nullable(s.pass_at_k)},
              {"k", s.k > 0 ? json(s.k) : json(nullptr)},
              {"cost", cost_json(s.cost)},
              {"tokens_per_attempt", tokens_json(s.tokens)},
              {"cache_hit_ratio", nullable(s.tokens.cache_hit_ratio())},
              {"steps_per_attempt", nullable(s.steps.value())},
              {"tool_calls_per_attempt", nullable(s.tool_calls.value())},
              {"wall_time_s", {{"mean", nullable(s.wall_time_s.value())},
                               {"median", nullable(s.median_wall_time_s)}}}};
  // Only for metered contenders, so reports of unmetered records keep their shape.
  if (s.meter.metered > 0) out["meter"] = meter_json(s.meter);
  return out;
}

json cell_json(const ContenderSummary& s, const TaskCell& c) {
  bool priced = c.attempts > 0 && c.priced == c.attempts;
  return json{{"contender", s.contender.id},
              {"attempts", c.attempts},
              {"passes", c.passes},
              {"infra_errors", c.infra_errors},
              {"outcomes", outcomes_json(c.outcomes)},
              {"cost_usd", priced ? json(c.cost_usd) : json(nullptr)},
              {"steps_per_attempt", nullable(c.steps.value())},
              {"wall_time_s_per_attempt", nullable(c.wall_time_s.value())}};
}

json tasks_json(const Scoreboard& board) {
  json tasks = json::array();
  for (std::size_t t = 0; t < board.tasks.size(); ++t) {
    json cells = json::array();
    for (std::size_t c = 0; c < board.contenders.size(); ++c)
      if (!board.cell(t, c).empty()) cells.push_back(cell_json(board.contenders[c], board.cell(t, c)));
    tasks.push_back(json{{"id", board.tasks[t]}, {"cells", std::move(cells)}});
  }
  return tasks;
}

json sources_json(const ReportContext& context) {
  json sources = json::array();
  for (const RecordSource& s : context.sources) {
    json entry{{"path", s.label}, {"campaign", nullptr}};
    if (s.campaign)
      entry["campaign"] = json{{"campaign_id", s.campaign->campaign_id},
                               {"suite", s.campaign->suite_name},
                               {"suite_digest", s.campaign->suite_digest},
                               {"started_at", s.campaign->started_at},
                               {"finished_at", s.campaign->finished_at},
                               {"harness_version", s.campaign->harness_version}};
    sources.push_back(std::move(entry));
  }
  return sources;
}

/// `as_of` and `override` are null when unknown or absent (a report of stored costs only).
json prices_json(const ReportContext& context) {
  auto or_null = [](const std::string& text) { return text.empty() ? json(nullptr) : json(text); };
  return json{{"source", context.price_source},
              {"repriced", context.repriced},
              {"as_of", or_null(context.prices_as_of)},
              {"override", or_null(context.prices_override)}};
}

class JsonReporter final : public Reporter {
 public:
  void write(const ReportContext& context, const Scoreboard& board,
             std::ostream& out) const override {
    json doc{{"schema", kReportSchema},
             {"landed_version", context.landed_version},
             {"sources", sources_json(context)},
             {"prices", prices_json(context)},
             {"records", board.records},
             {"infra_errors", board.infra_errors},
             {"torn_lines", context.torn_lines},
             {"contenders", json::array()},
             {"tasks", tasks_json(board)}};
    // Present only when lines were skipped, so a clean report keeps its shape.
    if (context.quarantined_lines) doc["quarantined_lines"] = context.quarantined_lines;
    if (context.duplicate_lines) doc["duplicate_lines"] = context.duplicate_lines;
    for (const ContenderSummary& s : board.contenders) doc["contenders"].push_back(contender_json(s));
    out << doc.dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace landed
