// What a paired comparison on n tasks can detect: the power of the exact McNemar gate
// (`landed compare`). Pure functions, tested against exact values.
//
// Method: a drop of d (a fraction of pass rate) is modelled as each of the n paired tasks
// going from pass to fail independently with probability d, and none going the other way (the
// case most favourable to the test). The gate fires when the discordant count b reaches
// b_min, the smallest b with mcnemar_exact_p(b, 0) < alpha. The detectable drop is the
// smallest d with P(Binomial(n, d) >= b_min) >= power. With repeats the same figure is given
// for the paired tasks (the bootstrap's power is close to, not exactly, this).
#pragma once

#include <cstdint>
#include <optional>

namespace landed {

/// P(X >= k) for X ~ Binomial(n, p); 1 when k <= 0, 0 when k > n.
double binomial_upper_tail(std::int64_t k, std::int64_t n, double p);

/// b_min: the fewest tasks that passed only in the baseline (none only in the candidate) for
/// which the exact McNemar test is significant (p < alpha); null when even b = n is not.
std::optional<std::int64_t> mcnemar_min_discordant(std::int64_t n, double alpha);

/// The smallest pass-rate drop (0..1) the gate detects with probability >= `power` on n
/// paired tasks at `alpha` (method above); null when n is too small for the gate to ever fire.
std::optional<double> min_detectable_drop(std::int64_t n, double alpha, double power = 0.8);

}  // namespace landed
