#include "harness/cli/run_summary.h"

#include <map>

#include <fmt/format.h>

namespace landed::cli {
namespace {

struct ContenderTally {
  std::map<Outcome, int> outcomes;
  int attempts = 0;
  double dollars = 0;         // spent by this campaign's own attempts
  double reused_dollars = 0;  // what the reused attempts cost when they first ran
  std::string price_problem;  // "unpriced" (wins) or "incomplete": the dollars are unknown
  bool simulated = false;
};

std::string pass_rate(const ContenderTally& t) {
  const int scored = t.attempts - (t.outcomes.count(Outcome::kInfraError) ? t.outcomes.at(Outcome::kInfraError) : 0);
  if (scored == 0) return "-";
  const int passed = t.outcomes.count(Outcome::kPass) ? t.outcomes.at(Outcome::kPass) : 0;
  return fmt::format("{:.1f}%", 100.0 * passed / scored);
}

int count(const ContenderTally& t, Outcome o) { return t.outcomes.count(o) ? t.outcomes.at(o) : 0; }

}  // namespace

void print_run_summary(std::ostream& out, const CampaignResult& result,
                       const std::filesystem::path& out_dir) {
  std::map<std::string, ContenderTally> tallies;
  for (const Record& r : result.records) {
    ContenderTally& t = tallies[r.contender.id];
    ++t.attempts;
    ++t.outcomes[r.outcome];
    t.simulated = t.simulated || r.contender.simulated;
    if (r.cost_usd) (r.reused_from ? t.reused_dollars : t.dollars) += *r.cost_usd;
    if (r.price_status == "unpriced" || (r.price_status == "incomplete" && t.price_problem.empty()))
      t.price_problem = r.price_status;
  }
  out << fmt::format("{:<36} {:>8} {:>6} {:>6} {:>6} {:>6} {:>9} {:>11} {:>11}\n", "contender",
                     "attempts", "pass", "fail", "errors", "infra", "pass rate", "spent",
                     "reused");
  double spent = 0, reused = 0;
  for (const auto& [id, t] : tallies) {
    const int errors = count(t, Outcome::kAgentError) + count(t, Outcome::kTimeout) +
                       count(t, Outcome::kOverBudget);
    std::string dollars = t.price_problem.empty() ? fmt::format("${:.4f}", t.dollars) : t.price_problem;
    out << fmt::format("{:<36} {:>8} {:>6} {:>6} {:>6} {:>6} {:>9} {:>11} {:>11}\n",
                       id + (t.simulated ? " (sim)" : ""), t.attempts, count(t, Outcome::kPass),
                       count(t, Outcome::kFail), errors, count(t, Outcome::kInfraError),
                       pass_rate(t), dollars, fmt::format("${:.4f}", t.reused_dollars));
    spent += t.dollars;
    reused += t.reused_dollars;
  }
  out << fmt::format("\ndollars: ${:.4f} spent by this campaign, ${:.4f} reused from earlier "
                     "campaigns (not spent again)\n",
                     spent, reused);
  out << fmt::format("{} attempts recorded ({} run now, {} already recorded) in {}\n",
                     result.records.size(), result.ran, result.skipped, out_dir.string());
  out << fmt::format("records: {}\n", (out_dir / "records.jsonl").string());
}

}  // namespace landed::cli
