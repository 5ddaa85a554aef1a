// Checks for numeric options: CLI11's Range and PositiveNumber let NaN through (every comparison
// with NaN is false), so `--max-usd nan` would cap nothing. These refuse NaN and infinities.
#pragma once

#include <CLI/CLI.hpp>

namespace landed::cli {

/// A finite number > 0, e.g. dollars.
CLI::Validator finite_positive();
/// A finite number in [min, max].
CLI::Validator finite_range(double min, double max);

}  // namespace landed::cli
