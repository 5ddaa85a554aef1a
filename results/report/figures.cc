#include "results/report/figures.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landed::figures {

std::string dollars(std::optional<double> value) {
  if (!value) return kUnknown;
  double v = *value;
  if (v != 0 && std::fabs(v) < 0.01) return fmt::format("${:.4f}", v);
  if (std::fabs(v) < 1) return fmt::format("${:.3f}", v);
  return fmt::format("${:.2f}", v);
}

std::string percent(std::optional<double> fraction) {
  if (!fraction) return kUnknown;
  return fmt::format("{:.1f}%", *fraction * 100);
}

std::string interval(const Interval& in) {
  return fmt::format("[{:.1f}, {:.1f}]", in.low * 100, in.high * 100);
}

std::string count(std::optional<double> value) {
  if (!value) return kUnknown;
  double v = *value;
  if (std::fabs(v) >= 1e6) return fmt::format("{:.2f}M", v / 1e6);
  if (std::fabs(v) >= 1e4) return fmt::format("{:.0f}k", v / 1e3);
  if (std::fabs(v) >= 1e3) return fmt::format("{:.1f}k", v / 1e3);
  return fmt::format("{:.0f}", v);
}

std::string seconds(std::optional<double> value) {
  if (!value) return kUnknown;
  if (*value >= 120) return fmt::format("{:.1f} min", *value / 60);
  return fmt::format("{:.1f} s", *value);
}

std::string cost_per_attempt(const ContenderSummary& s) {
  const CostFigures& c = s.cost;
  if (c.priced == 0) {
    if (c.unpriced > 0) return "unpriced";
    if (c.incomplete > 0) return "incomplete";
    return s.scored > 0 ? "no usage" : kUnknown;
  }
  return dollars(c.mean_per_attempt) + (c.complete ? "" : "*");
}

std::string cost_per_solved(const ContenderSummary& s) {
  const CostFigures& c = s.cost;
  if (c.priced == 0) return cost_per_attempt(s);
  if (!c.per_solved) return kUnknown;
  return (c.complete ? "" : "≥") + dollars(c.per_solved);
}

std::string tokens(const TokenFigures& t) {
  if (!t.total.value()) return kUnknown;
  return fmt::format("in {} · cache r {} w {} · out {}", count(t.input.value()),
                     count(t.cache_read.value()), count(t.cache_write.value()),
                     count(t.output.value()));
}

std::string passes(std::int64_t passes, std::int64_t scored) {
  return fmt::format("{}/{}", passes, scored);
}

}  // namespace landed::figures

namespace landed::figures {

std::string other_outcomes(const OutcomeCounts& counts) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    auto outcome = static_cast<Outcome>(i);
    if (outcome == Outcome::kPass || counts[i] == 0) continue;
    parts.push_back(fmt::format("{} {}", counts[i], to_string(outcome)));
  }
  return parts.empty() ? kUnknown : fmt::format("{}", fmt::join(parts, ", "));
}

std::string contender_label(const ContenderSummary& s) {
  return s.separable_from_leader ? s.contender.id : s.contender.id + " ≈";
}

std::string pass_at_k(const ContenderSummary& s) {
  if (!s.pass_at_k) return kUnknown;
  return fmt::format("pass@{} {}", s.k, percent(s.pass_at_k));
}

}  // namespace landed::figures
