#include "scoring/run_gates.h"

#include <charconv>
#include <map>

#include <fmt/format.h>

namespace landed {
namespace {

struct Tally {
  int attempts = 0;
  int measured = 0;
  std::map<Outcome, int> outcomes;
  std::string first_infra_reason;
};

std::map<std::string, Tally> tally(const std::vector<Record>& records) {
  std::map<std::string, Tally> tallies;
  for (const Record& r : records) {
    Tally& t = tallies[r.contender.id];
    ++t.attempts;
    ++t.outcomes[r.outcome];
    if (counts_toward_pass_rate(r.outcome)) ++t.measured;
    else if (t.first_infra_reason.empty()) t.first_infra_reason = r.reason;
  }
  return tallies;
}

bool crosses(const OutcomeThreshold& t, double observed) {
  return t.or_equal ? observed >= t.value : observed > t.value;
}

Error bad_threshold(std::string_view text) {
  return Error{fmt::format("--fail-on \"{}\": expected OUTCOME>N, OUTCOME>=N, OUTCOME>N% or "
                           "OUTCOME>=N% (OUTCOME: pass, fail, agent_error, timeout, over_budget, "
                           "infra_error)", text)};
}

}  // namespace

Result<OutcomeThreshold> parse_outcome_threshold(std::string_view text) {
  OutcomeThreshold t;
  t.text = std::string(text);
  const auto op = text.find('>');
  if (op == std::string_view::npos) return bad_threshold(text);
  auto outcome = outcome_from_string(text.substr(0, op));
  if (!outcome) return bad_threshold(text);
  t.outcome = *outcome;
  std::string_view rest = text.substr(op + 1);
  t.or_equal = !rest.empty() && rest.front() == '=';
  if (t.or_equal) rest.remove_prefix(1);
  t.percent = !rest.empty() && rest.back() == '%';
  if (t.percent) rest.remove_suffix(1);
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), t.value);
  if (rest.empty() || error != std::errc() || end != rest.data() + rest.size() || t.value < 0 ||
      (t.percent && t.value > 100))
    return bad_threshold(text);
  return t;
}

std::vector<std::string> crossed_thresholds(const std::vector<Record>& records,
                                            const std::vector<OutcomeThreshold>& thresholds) {
  std::vector<std::string> crossed;
  for (const auto& [id, t] : tally(records)) {
    for (const OutcomeThreshold& rule : thresholds) {
      const auto it = t.outcomes.find(rule.outcome);
      const int count = it == t.outcomes.end() ? 0 : it->second;
      const double share = 100.0 * count / t.attempts;
      if (!crosses(rule, rule.percent ? share : count)) continue;
      crossed.push_back(fmt::format("contender {}: {} in {} of {} attempts ({:.1f}%), crossing "
                                    "--fail-on {}", id, to_string(rule.outcome), count,
                                    t.attempts, share, rule.text));
    }
  }
  return crossed;
}

std::vector<std::string> unmeasured_contenders(const std::vector<Record>& records,
                                               const std::vector<std::string>& expected,
                                               const std::optional<std::string>& stopped_reason) {
  const auto tallies = tally(records);
  std::vector<std::string> lines;
  for (const std::string& id : expected) {
    auto it = tallies.find(id);
    if (it != tallies.end() && it->second.measured > 0) continue;
    if (it != tallies.end())
      lines.push_back(fmt::format("contender {}: nothing measured: all {} attempts ended in "
                                  "infra_error (first: {})", id, it->second.attempts,
                                  it->second.first_infra_reason));
    else
      lines.push_back(fmt::format("contender {}: nothing measured: no attempt started ({})", id,
                                  stopped_reason.value_or("the campaign stopped before it")));
  }
  return lines;
}

}  // namespace landed
