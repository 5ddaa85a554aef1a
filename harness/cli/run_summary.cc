#include "harness/cli/run_summary.h"

#include <map>

#include <fmt/format.h>

namespace landed::cli {
namespace {

struct ContenderTally {
  std::map<Outcome, int> outcomes;
  int attempts = 0;
  double dollars = 0;
  bool unpriced = false;
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
    if (r.cost_usd) t.dollars += *r.cost_usd;
    if (r.price_status == "unpriced" || r.price_status == "incomplete_usage") t.unpriced = true;
  }
  out << fmt::format("{:<36} {:>8} {:>6} {:>6} {:>6} {:>6} {:>9} {:>11}\n", "contender",
                     "attempts", "pass", "fail", "errors", "infra", "pass rate", "dollars");
  for (const auto& [id, t] : tallies) {
    const int errors = count(t, Outcome::kAgentError) + count(t, Outcome::kTimeout) +
                       count(t, Outcome::kOverBudget);
    std::string dollars = t.unpriced ? "unpriced" : fmt::format("${:.4f}", t.dollars);
    out << fmt::format("{:<36} {:>8} {:>6} {:>6} {:>6} {:>6} {:>9} {:>11}\n",
                       id + (t.simulated ? " (sim)" : ""), t.attempts, count(t, Outcome::kPass),
                       count(t, Outcome::kFail), errors, count(t, Outcome::kInfraError),
                       pass_rate(t), dollars);
  }
  out << fmt::format("\n{} attempts recorded ({} run now, {} already recorded) in {}\n",
                     result.records.size(), result.ran, result.skipped, out_dir.string());
  out << fmt::format("records: {}\n", (out_dir / "records.jsonl").string());
}

}  // namespace landed::cli
