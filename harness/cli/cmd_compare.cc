// `landed compare`: the CI regression gate between a baseline and a candidate campaign.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "harness/base/files.h"
#include "harness/cli/commands.h"
#include "harness/cli/selection.h"
#include "results/report/compare_report.h"
#include "results/report/definitions.h"
#include "results/report/load.h"

namespace landed::cli {
namespace {

struct CompareCommandOptions {
  std::string baseline;
  std::string candidate;
  double alpha = 0.05;
  std::optional<double> max_drop;
  std::optional<double> max_cost_rise;
  std::string format = "table";
  std::string prices;
  std::string out;
  Selection selection;
};

struct Side {
  Scoreboard board;
  std::optional<std::string> refused;  // why this side cannot be compared (exit 4)
};

/// Why a side is not a whole measurement: no records, or campaign.json says it is not
/// finished (incomplete merge, interrupted or still running). A capped campaign is whole.
std::optional<std::string> incomplete_side(const std::string& input, const RecordSource& source,
                                           const LoadedScoreboard& loaded) {
  if (loaded.board.records == 0) return input + " holds no records";
  const std::string status = source.status.value_or("complete");
  if (source.campaign && status != "complete" && status != "capped")
    return fmt::format("{} is {} (campaign.json): compare whole campaigns", input, status);
  return std::nullopt;
}

Result<Side> load_side(const std::string& input, const PriceTable& prices, bool reprice,
                       const Selection& selection) {
  LANDED_TRY(RecordSource source, open_record_source(input));
  RecordFilter keep;
  if (!selection.empty()) keep = [&selection](const Record& r) { return selection.keeps(r); };
  LANDED_TRY(LoadedScoreboard loaded, load_scoreboard({source}, prices, reprice, 0, keep));
  LANDED_TRY_STATUS(check_selection_matched(selection, loaded.board, input));
  std::optional<std::string> refused = incomplete_side(input, source, loaded);
  return Side{std::move(loaded.board), std::move(refused)};
}

/// Fills the fields behind each "definition changed" from the two campaigns' metadata.
void name_changed_fields(Comparison& comparison, const std::string& baseline,
                         const std::string& candidate) {
  const auto before = campaign_definitions(baseline);
  const auto after = campaign_definitions(candidate);
  for (ContenderChange& change : comparison.changes) {
    if (!change.definition_changed) continue;
    auto a = before.find(change.contender_id);
    auto b = after.find(change.contender_id);
    if (a != before.end() && b != after.end()) change.changed_fields = changed_fields(a->second, b->second);
  }
}

/// 0 when no significant regression and no gate crossed, 1 when one, 4 when a side is empty or
/// incomplete, or an error (exit 2).
Result<int> run_compare(const CompareCommandOptions& options) {
  if (!(options.alpha > 0 && options.alpha < 1))
    return make_error("--alpha must be between 0 and 1 (got {})", options.alpha);
  LANDED_TRY_STATUS(compare_formats().find(options.format));
  std::optional<std::filesystem::path> price_file;
  if (!options.prices.empty()) price_file = options.prices;
  LANDED_TRY(PriceTable prices, price_table_with_override(price_file));
  bool reprice = price_file.has_value();
  LANDED_TRY(Side baseline_side, load_side(options.baseline, prices, reprice, options.selection));
  LANDED_TRY(Side candidate_side, load_side(options.candidate, prices, reprice, options.selection));
  for (const Side* side : {&baseline_side, &candidate_side})
    if (side->refused) {
      std::cerr << "landed: cannot compare: " << *side->refused << "\n";
      return kExitIncomplete;
    }
  const Scoreboard& baseline = baseline_side.board;
  const Scoreboard& candidate = candidate_side.board;
  CompareOptions compare_options;
  compare_options.alpha = options.alpha;
  compare_options.max_drop_points = options.max_drop;
  compare_options.max_cost_rise_percent = options.max_cost_rise;
  Comparison comparison = compare_scoreboards(baseline, candidate, compare_options);
  name_changed_fields(comparison, options.baseline, options.candidate);
  std::ostringstream text;
  LANDED_TRY_STATUS(write_comparison(options.format, comparison, text));
  if (options.out.empty()) std::cout << text.str() << std::flush;
  else LANDED_TRY_STATUS(write_file_atomic(options.out, text.str()));
  return comparison.has_regression() || comparison.gate_crossed() ? kExitCheckFailed : kExitOk;
}

}  // namespace

void register_compare(CLI::App& app) {
  auto options = std::make_shared<CompareCommandOptions>();
  auto* command = app.add_subcommand(
      "compare", "The regression gate: pairs two campaigns by task and contender, tests each "
                 "contender's change in pass rate (exact McNemar, or a paired bootstrap with "
                 "repeats) and reports the change in dollars per solved task.");
  command->add_option("baseline", options->baseline, "Baseline campaign folder or records.jsonl")
      ->required();
  command->add_option("candidate", options->candidate,
                      "Candidate campaign folder or records.jsonl")
      ->required();
  command->add_option("--alpha", options->alpha, "Significance level of the gate")
      ->capture_default_str();
  command->add_option("--max-drop", options->max_drop,
                      "Exit 1 when a contender's pass rate falls by more than POINTS percentage "
                      "points (e.g. 10: 80% -> 69% crosses), significant or not")
      ->check(CLI::Range(0.0, 100.0));
  command->add_option("--max-cost-rise", options->max_cost_rise,
                      "Exit 1 when a contender's dollars per solved task rise by more than "
                      "PERCENT (e.g. 25: $1.00 -> $1.26 crosses); unknown when a side is unpriced "
                      "or solved nothing")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--format", options->format, compare_formats().help())->capture_default_str();
  command->add_option("--prices", options->prices,
                      "A price file merged over the built-in prices; re-prices both sides");
  command->add_option("--out", options->out, "Write the comparison to FILE instead of stdout");
  add_selection_options(command, options->selection);
  command->footer(
      "The \"detectable drop\" column is the smallest pass-rate drop the gate flags with 80% "
      "power at --alpha on the paired tasks (exact McNemar; each task drops independently, none "
      "improves); a warning says when it exceeds 20 points.\n\n"
      "Exit status: 0 no significant regression and no gate crossed, 1 a significant regression "
      "of some contender's pass rate or a --max-drop / --max-cost-rise gate crossed, 2 bad usage "
      "or input, 4 a side holds no records or is not a finished campaign (campaign.json status "
      "incomplete, interrupted or running).");
  command->callback([options] {
    Result<int> code = run_compare(*options);
    if (!code.ok()) fail_bad_input(code.error().message);
    else exit_code() = *code;
  });
}

}  // namespace landed::cli
