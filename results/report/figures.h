// Text for figures, shared by the human-readable formats, so a dollar amount or an interval
// reads the same in the terminal and in Markdown.
#pragma once

#include <optional>
#include <string>

#include "scoring/aggregate.h"

namespace landed::figures {

/// "—" when unknown.
inline constexpr const char* kUnknown = "—";

/// "$0.0123" under a cent, "$0.412" under a dollar, "$12.35" above.
std::string dollars(std::optional<double> value);
/// "62.5%".
std::string percent(std::optional<double> fraction);
/// "[58.1, 65.8]" in percent.
std::string interval(const Interval& in);
/// "950", "12.3k", "1.25M".
std::string count(std::optional<double> value);
/// "12.3 s", "4.1 min".
std::string seconds(std::optional<double> value);

/// $/attempt of a contender, with the cost state spelled out when it is not a plain figure:
/// "unpriced", "no usage", or a trailing "*" when some attempts are not priced.
std::string cost_per_attempt(const ContenderSummary& s);
/// $/solved; "≥$x" when some attempts are not priced (a missing cost is never negative).
std::string cost_per_solved(const ContenderSummary& s);
/// "in 12.3k · cache r 140k w 3.1k · out 8.2k".
std::string tokens(const TokenFigures& t);
/// "17/25" passes over scored attempts.
std::string passes(std::int64_t passes, std::int64_t scored);

}  // namespace landed::figures

namespace landed::figures {
/// Non-zero counts of every outcome but pass: "3 fail, 1 timeout"; "—" when none.
std::string other_outcomes(const OutcomeCounts& counts);
/// The contender id with "≈" when not separable from the leader.
std::string contender_label(const ContenderSummary& s);
/// "pass@3 71.2%" or "—".
std::string pass_at_k(const ContenderSummary& s);
}  // namespace landed::figures
