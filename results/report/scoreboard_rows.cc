#include "results/report/scoreboard_rows.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "results/report/figures.h"

namespace landed {
namespace {

// "⚑ 2 tampered": attempts that edited hidden-test or protected paths, whatever their outcome.
std::string tampered_mark(const ContenderSummary& s) {
  return s.tampered > 0 ? fmt::format(" ⚑ {} tampered", s.tampered) : "";
}


bool any_metered(const Scoreboard& board) {
  return std::any_of(board.contenders.begin(), board.contenders.end(),
                     [](const ContenderSummary& s) { return s.meter.metered > 0; });
}

/// The reconciliation at a glance: "✓ 3 of 3" metered attempts agree with the tool's report,
/// "⚠ 1 of 3 (output)" were flagged usage_mismatch; "—" when none was metered.
std::string meter_cell(const MeterFigures& m) {
  if (m.metered == 0) return "—";
  if (m.mismatched == 0) return fmt::format("✓ {} of {}", m.metered, m.metered);
  std::string kinds;
  for (const std::string& kind : m.mismatch_kinds) kinds += (kinds.empty() ? "" : ", ") + kind;
  return fmt::format("⚠ {} of {} ({})", m.mismatched, m.metered, kinds);
}

bool any_pass_at_k(const Scoreboard& board) {
  return std::any_of(board.contenders.begin(), board.contenders.end(),
                     [](const ContenderSummary& s) { return s.pass_at_k.has_value(); });
}

std::vector<std::string> row_of(const ContenderSummary& s, bool with_pass_at_k, bool with_meter) {
  namespace f = figures;
  std::vector<std::string> row{std::to_string(s.rank), f::contender_label(s),
                               f::passes(s.passes, s.scored), f::percent(s.pass_rate),
                               f::interval(s.pass_interval)};
  if (with_pass_at_k) row.push_back(f::pass_at_k(s));
  std::vector<std::string> rest{f::cost_per_attempt(s),
                                f::cost_per_solved(s),
                                f::tokens(s.tokens),
                                f::percent(s.tokens.cache_hit_ratio()),
                                f::count(s.steps.value()),
                                f::count(s.tool_calls.value()),
                                f::seconds(s.median_wall_time_s),
                                f::other_outcomes(s.outcomes) + tampered_mark(s)};
  row.insert(row.end(), rest.begin(), rest.end());
  if (with_meter) row.push_back(meter_cell(s.meter));
  return row;
}

}  // namespace

ScoreboardColumns scoreboard_columns(const Scoreboard& board) {
  bool with_pass_at_k = any_pass_at_k(board);
  ScoreboardColumns columns;
  columns.headers = {"#", "contender", "pass", "rate", "95% CI"};
  columns.right_aligned = {true, false, true, true, true};
  columns.priorities = {0, 0, 0, 0, 4};
  if (with_pass_at_k) {
    columns.headers.push_back("pass@k");
    columns.right_aligned.push_back(true);
    columns.priorities.push_back(6);
  }
  // Dropped first on a narrow terminal: tokens, cache hit, tool calls, steps, time.
  const std::pair<const char*, int> rest[] = {
      {"$/attempt", 2}, {"$/solved", 1}, {"tokens/attempt", 9}, {"cache hit", 8},
      {"steps", 6},     {"tool calls", 7}, {"time", 5},        {"other outcomes", 3}};
  for (const auto& [h, priority] : rest) {
    columns.headers.push_back(h);
    columns.right_aligned.push_back(h != std::string("tokens/attempt") &&
                                    h != std::string("other outcomes"));
    columns.priorities.push_back(priority);
  }
  // Only when a contender was metered, so reports of unmetered records keep their columns.
  const bool with_meter = any_metered(board);
  if (with_meter) {
    columns.headers.push_back("metered");
    columns.right_aligned.push_back(false);
    columns.priorities.push_back(4);
  }
  for (const ContenderSummary& s : board.contenders)
    columns.rows.push_back(row_of(s, with_pass_at_k, with_meter));
  return columns;
}

}  // namespace landed
