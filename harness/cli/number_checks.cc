#include "harness/cli/number_checks.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace landed::cli {
namespace {

/// The option's text as a finite number, or nothing (not a number, NaN, infinite).
std::optional<double> finite_number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

}  // namespace

CLI::Validator finite_positive() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        auto value = finite_number(text);
        if (!value || *value <= 0) return fmt::format("{} is not a finite positive number", text);
        return {};
      },
      "POSITIVE");
}

CLI::Validator finite_range(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        auto value = finite_number(text);
        if (!value || *value < min || *value > max)
          return fmt::format("{} is not a finite number in [{} - {}]", text, min, max);
        return {};
      },
      fmt::format("FLOAT in [{} - {}]", min, max));
}

}  // namespace landed::cli
