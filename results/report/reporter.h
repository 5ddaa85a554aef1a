// Report formats: one exporter per file behind this one small interface (in the manner of
// google/benchmark's reporter.h). A new format is one new file and one line in reporter.cc's
// registry, which `landed report --format` validates against and lists in its --help.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "results/report/format_registry.h"
#include "results/source/record_source.h"
#include "scoring/aggregate.h"

namespace landed {

/// How a terminal shows a report (the table format only): the CLI decides it.
struct TerminalLayout {
  std::size_t width = 0;  // fit tables to this many characters; 0: every column (--wide)
  bool color = false;     // ANSI colours (a terminal, and neither NO_COLOR nor --color never)
  bool matrix = true;     // the per-task matrix after the scoreboard (--no-matrix hides it)
};

/// Everything about a report that is not a figure: where the records came from, and how
/// the terminal shows it.
struct ReportContext {
  std::vector<RecordSource> sources;
  std::string price_source;
  bool repriced = false;            // --prices: every record priced anew
  std::string prices_as_of;         // the built-in price table's as-of date
  std::string prices_override;      // the --prices FILE merged over it, or empty
  std::int64_t torn_lines = 0;      // tolerated torn final lines, over all sources
  std::int64_t quarantined_lines = 0;  // lines with values a record cannot hold, skipped
  std::int64_t duplicate_lines = 0;    // repeated attempts, counted once
  std::string landed_version;
  TerminalLayout layout;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Writes the whole report for a ranked scoreboard.
  virtual void write(const ReportContext& context, const Scoreboard& board,
                     std::ostream& out) const = 0;
};

using ReporterFactory = std::unique_ptr<Reporter> (*)();

/// The formats `landed report --format` accepts, in --help order.
const FormatRegistry<ReporterFactory>& report_formats();
/// Null for an unknown format.
std::unique_ptr<Reporter> make_reporter(std::string_view format);

std::unique_ptr<Reporter> make_table_reporter();
std::unique_ptr<Reporter> make_markdown_reporter();
std::unique_ptr<Reporter> make_json_reporter();
std::unique_ptr<Reporter> make_csv_reporter();
std::unique_ptr<Reporter> make_junit_reporter();

}  // namespace landed
