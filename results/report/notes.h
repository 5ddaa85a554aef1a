// The footnotes every human-readable report prints under its table: what is excluded, what
// is unpriced, where a tool's own cost claim disagrees, which rows are not separable.
#pragma once

#include <string>
#include <vector>

#include "results/report/reporter.h"

namespace landed {

/// A one-line description of the inputs: campaigns, records, prices.
std::string report_header(const ReportContext& context, const Scoreboard& board);

/// "Price table: built-in, as of 2026-12-07[, overridden by FILE]."; empty when the context
/// names neither a date nor an override.
std::string price_table_line(const ReportContext& context);

/// Footnotes in plain words, one per line, in a fixed order.
std::vector<std::string> report_notes(const ReportContext& context, const Scoreboard& board);

}  // namespace landed
