#include "results/report/notes.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "results/report/figures.h"

namespace landed {
namespace {

std::string source_names(const ReportContext& context) {
  std::vector<std::string> names;
  for (const RecordSource& s : context.sources) {
    if (s.campaign && !s.campaign->campaign_id.empty()) {
      std::string suite = s.campaign->suite_name.empty() ? "" : " (" + s.campaign->suite_name + ")";
      names.push_back(s.campaign->campaign_id + suite);
    } else {
      names.push_back(s.label);
    }
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

void cost_notes(const Scoreboard& board, std::vector<std::string>& notes) {
  for (const ContenderSummary& s : board.contenders) {
    const CostFigures& c = s.cost;
    if (c.unpriced > 0)
      notes.push_back(fmt::format("{}: {} attempt(s) unpriced: no price for {} (add it with "
                                  "--prices FILE)", s.contender.id, c.unpriced,
                                  fmt::join(c.unpriced_models, ", ")));
    if (c.incomplete > 0)
      notes.push_back(fmt::format("{}: {} attempt(s) with a token count the tool did not report: "
                                  "cost unknown", s.contender.id, c.incomplete));
    if (c.no_usage > 0 && c.priced > 0)
      notes.push_back(fmt::format("{}: {} attempt(s) reported no usage: cost unknown",
                                  s.contender.id, c.no_usage));
    if (c.reported_mismatches > 0)
      notes.push_back(fmt::format("{}: the tool's own cost differs from landed's in {} attempt(s) "
                                  "(tool total {})", s.contender.id, c.reported_mismatches,
                                  figures::dollars(c.reported_total_usd)));
  }
}

/// " · isolation: namespaces", with counts when the records mix modes; "" for old records.
std::string isolation_part(const Scoreboard& board) {
  if (board.isolation.empty()) return "";
  if (board.isolation.size() == 1) return " · isolation: " + board.isolation.begin()->first;
  std::vector<std::string> parts;
  for (const auto& [label, count] : board.isolation)
    parts.push_back(fmt::format("{} ×{}", label, count));
  return fmt::format(" · isolation: {}", fmt::join(parts, "; "));
}

void meter_notes(const Scoreboard& board, std::vector<std::string>& notes) {
  for (const ContenderSummary& s : board.contenders) {
    const MeterFigures& m = s.meter;
    if (m.metered == 0) continue;
    notes.push_back(fmt::format(
        "{}: metered at the wire in {} attempt(s): the tool reported {:.0f} tokens, the proxy "
        "counted {:.0f} (over {} attempt(s) with both); the metered tokens cost {}", s.contender.id,
        m.metered, m.tool_tokens, m.metered_tokens, m.compared, figures::dollars(m.metered_cost_usd)));
    if (m.mismatched > 0)
      notes.push_back(fmt::format("{}: usage mismatch (tool vs metered, > max(1 token, 1%)) in {} "
                                  "attempt(s): {}", s.contender.id, m.mismatched,
                                  fmt::join(m.mismatch_kinds, ", ")));
    for (const auto& [model, other] : m.other_models)
      notes.push_back(fmt::format("{}: {} call(s) metered for another model than its own ({}: "
                                  "sub-agent, side-model or retry calls), {:.0f} tokens; in the "
                                  "figures above", s.contender.id, other.calls, model, other.tokens));
    if (m.incomplete > 0)
      notes.push_back(fmt::format("{}: {} attempt(s) with metered usage incomplete (a reply's usage "
                                  "could not be read): the tool's report was used", s.contender.id,
                                  m.incomplete));
  }
}

}  // namespace

std::string report_header(const ReportContext& context, const Scoreboard& board) {
  return fmt::format("{} · {} records · {} tasks · {} contenders · prices: {}{}{}",
                     source_names(context), board.records, board.tasks.size(),
                     board.contenders.size(), context.price_source,
                     context.repriced ? " (re-priced)" : "", isolation_part(board));
}

std::string price_table_line(const ReportContext& context) {
  if (context.prices_as_of.empty() && context.prices_override.empty()) return "";
  std::string line = "Price table: built-in";
  if (!context.prices_as_of.empty()) line += ", as of " + context.prices_as_of;
  if (!context.prices_override.empty()) line += ", overridden by " + context.prices_override;
  return line + ".";
}

std::vector<std::string> report_notes(const ReportContext& context, const Scoreboard& board) {
  std::vector<std::string> notes;
  if (board.contenders.size() > 1)
    notes.push_back("≈ marks a row whose 95% interval overlaps the leader's: not separable.");
  if (board.infra_errors > 0)
    notes.push_back(fmt::format("{} infra_error attempt(s) excluded from every figure (not the "
                                "model's fault).", board.infra_errors));
  cost_notes(board, notes);
  meter_notes(board, notes);
  for (const ContenderSummary& s : board.contenders)
    if (s.definition_changed)
      notes.push_back(fmt::format("{}: definition changed: these records pool more than one "
                                  "definition under this name (runner, model, effort, command, "
                                  "options, limits or a route's cascade)", s.contender.id));
  for (const ContenderSummary& s : board.contenders)
    if (s.cost.priced > 0 && !s.cost.complete) {
      notes.push_back("* $/attempt over priced attempts only; ≥ a lower bound.");
      break;
    }
  for (const ContenderSummary& s : board.contenders)
    if (s.tampered > 0)
      notes.push_back(fmt::format("⚑ {}: {} attempt(s) tampered: the agent edited hidden-test or "
                                  "protected paths (reset to the base before verify; see "
                                  "patch.protected_edits and patch.hidden_test_edits).",
                                  s.contender.id, s.tampered));
  if (context.torn_lines > 0)
    notes.push_back(fmt::format("{} torn final line(s) skipped (a run cut off mid-write).",
                                context.torn_lines));
  if (context.quarantined_lines > 0)
    notes.push_back(fmt::format("{} line(s) quarantined: values a record cannot hold (negative, "
                                "fractional or overflowing counts); not counted.",
                                context.quarantined_lines));
  if (context.duplicate_lines > 0)
    notes.push_back(fmt::format("{} duplicated line(s) of an attempt already read; counted once.",
                                context.duplicate_lines));
  return notes;
}

}  // namespace landed
